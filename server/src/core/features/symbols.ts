import { type DocumentSymbol, type FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import type { SchemaIndex } from '../schema/schema-index';
import { fieldNamed, type ParsedFile } from '../text/parse';

const MAX_DETAIL_LENGTH = 60;

/** The outline: each fragment named by its FragmentID, with its fields as children. */
export function documentSymbols(file: ParsedFile, index: SchemaIndex): DocumentSymbol[] {
  return file.fragments.map((fragment, position) => {
    const idField = fieldNamed(fragment, index.schema.idField);
    const last = file.lines[fragment.endLine];
    const range = {
      start: { line: fragment.startLine, character: 0 },
      end: { line: fragment.endLine, character: (last?.column ?? 0) + (last?.text.length ?? 0) },
    };
    return {
      name: idField?.value || `Fragment ${position + 1} (no ${index.schema.idField})`,
      kind: SymbolKind.Object,
      range,
      selectionRange: idField?.valueRange ?? range,
      children: fragment.fields.map((field) => {
        const endLine = file.lines[field.endLine];
        const fieldRange = {
          start: { line: field.line, character: 0 },
          end: { line: field.endLine, character: (endLine?.column ?? 0) + (endLine?.text.length ?? 0) },
        };
        const detail = field.value.replace(/\s+/g, ' ');
        return {
          name: field.key,
          detail: detail.length > MAX_DETAIL_LENGTH ? `${detail.slice(0, MAX_DETAIL_LENGTH - 1)}…` : detail,
          kind: SymbolKind.Field,
          range: fieldRange,
          selectionRange: field.keyRange,
        };
      }),
    };
  });
}

/** Folding: each fragment, and each value that spans several lines. */
export function foldingRanges(file: ParsedFile): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const fragment of file.fragments) {
    if (fragment.endLine > fragment.startLine) ranges.push({ startLine: fragment.startLine, endLine: fragment.endLine, kind: FoldingRangeKind.Region });
    for (const field of fragment.fields) {
      if (field.endLine > field.line) ranges.push({ startLine: field.line, endLine: field.endLine });
    }
  }
  return ranges;
}
