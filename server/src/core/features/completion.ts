import * as l10n from '@vscode/l10n';
import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, type Position, type Range } from 'vscode-languageserver-types';
import type { SchemaIndex } from '../schema/schema-index';
import type { FieldSchema } from '../schema/schema-types';
import { fragmentAt, locate } from '../text/locate';
import { fold } from '../text/near';
import type { Field, ParsedFile } from '../text/parse';
import { listEntries } from '../values/values';

/** Text before the cursor that can only be the start of a key: nothing, `**`, `**Rat`, `Rat`. */
const keyPrefixPattern = /^\s*\*{0,2}[^*:]*$/;

/**
 * Completion from the schema: at the start of a line, the keys the fragment does not use yet, in
 * canonical order; after a key, the values of that field; in a list, the entries not used yet.
 */
export function completions(file: ParsedFile, index: SchemaIndex, position: Position, currentYear: number): CompletionItem[] {
  const line = file.lines[position.line];
  if (!line) return [];
  const column = Math.max(0, position.character - line.column);
  const before = line.text.slice(0, column);
  const { field, inKey, inValue } = locate(file, position);
  const onOwnFieldLine = field !== undefined && field.line === position.line && field.malformed === undefined;

  if (onOwnFieldLine && inKey) return keyCompletions(file, index, position, field.keyRange, false, currentYear);
  if (onOwnFieldLine && inValue && field.schemaField) return valueCompletions(field, field.schemaField, position, currentYear);
  if (!onOwnFieldLine && keyPrefixPattern.test(before)) {
    const wholeLine: Range = {
      start: { line: position.line, character: line.column },
      end: { line: position.line, character: line.column + line.text.length },
    };
    return keyCompletions(file, index, position, wholeLine, true, currentYear);
  }
  return [];
}

function keyCompletions(file: ParsedFile, index: SchemaIndex, position: Position, replace: Range, wholeLine: boolean, currentYear: number): CompletionItem[] {
  const fragment = fragmentAt(file, position.line);
  // A misspelt key is read as its field, yet its key is still wrong: the properly written key stays on offer.
  const written = fragment ? fragment.namedFields.filter((field) => field.line !== position.line && field.match.kind !== 'unknown') : [];
  const used = new Set(written.map((field) => field.schemaField?.key));
  return index.fields
    .filter((field) => !used.has(field.key))
    .map((field): CompletionItem => {
      const newText = wholeLine ? `**${escapeSnippet(field.key)}**: ${valueSnippet(field, 1, String(currentYear))}` : escapeSnippet(field.key);
      return {
        label: field.key,
        kind: CompletionItemKind.Field,
        detail: field.required ? l10n.t('{0}, required', field.type) : field.type,
        documentation: { kind: MarkupKind.Markdown, value: fieldDocumentation(field) },
        sortText: String(index.order(field)).padStart(3, '0'),
        // Typing `**Rat` or `Rat` both match the key.
        filterText: wholeLine ? `**${field.key}` : field.key,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: replace, newText },
      };
    });
}

/**
 * The value part of a new field line, as a snippet: a choice list where the field has listed
 * values, the year for a year field, else an empty tab stop. Shared with the snippets file.
 */
export function valueSnippet(field: FieldSchema, tabStop: number, year: string): string {
  if (field.type === 'year') return `\${${tabStop}:${year}}`;
  if (field.values.length > 0 && field.type !== 'list' && field.type !== 'derived') {
    const choices = field.values.map((value) => value.replace(/[\\$},|]/g, (character) => `\\${character}`));
    return `\${${tabStop}|${choices.join(',')}|}`;
  }
  return `\${${tabStop}}`;
}

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

function valueCompletions(field: Field, schemaField: FieldSchema, position: Position, currentYear: number): CompletionItem[] {
  const valueLine = field.valueLines[0];
  if (!valueLine) return [];
  let replace: Range = {
    start: { line: field.line, character: valueLine.character },
    end: { line: field.line, character: valueLine.character + valueLine.text.trimEnd().length },
  };
  let candidates = valuesOf(schemaField, currentYear);
  if (schemaField.type === 'list') {
    const entries = listEntries(field);
    const current = entries.find((entry) => entry.range.start.character <= position.character && position.character <= entry.range.end.character);
    const usedEntries = new Set(entries.filter((entry) => entry !== current).map((entry) => fold(entry.text)));
    candidates = candidates.filter((candidate) => !usedEntries.has(fold(candidate)));
    replace = current ? current.range : { start: position, end: position };
  }
  return candidates.map(
    (value, order): CompletionItem => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      detail: schemaField.key,
      ...(schemaField.valueDescriptions[value]
        ? { documentation: { kind: MarkupKind.Markdown, value: l10n.t(schemaField.valueDescriptions[value] as string) } }
        : {}),
      sortText: String(order).padStart(4, '0'),
      textEdit: { range: replace, newText: value },
    }),
  );
}

/** The values to offer for a field: its listed values, or the years from now back to the first allowed one. */
function valuesOf(field: FieldSchema, currentYear: number): string[] {
  if (field.type === 'year') {
    const first = field.minYear ?? currentYear - 10;
    return Array.from({ length: Math.max(0, currentYear - first + 1) }, (_, offset) => String(currentYear - offset));
  }
  return [...field.values];
}

/** What a field is, in Markdown: meaning, type, whether required, allowed values. Shared with hover. */
export function fieldDocumentation(field: FieldSchema): string {
  // The schema's descriptions are data: translated when the bundle has them (npm run generate lists them).
  const lines = [
    field.description === '' ? '' : l10n.t(field.description),
    '',
    field.required ? l10n.t('Type: `{0}` · required', field.type) : l10n.t('Type: `{0}` · optional', field.type),
  ];
  if (field.values.length > 0) {
    const closed = field.type === 'choice' || field.type === 'yesno' || field.type === 'flag';
    const values = field.values.map((value) => `\`${value}\``).join(', ');
    lines.push('', closed ? l10n.t('Allowed values: {0}', values) : l10n.t('Listed values (others accepted): {0}', values));
  }
  if (field.pattern) lines.push('', l10n.t('Form: {0}', l10n.t(field.pattern.description)));
  if (field.type === 'year')
    lines.push(
      '',
      field.minYear === undefined ? l10n.t('A whole number up to the current year.') : l10n.t('A whole number from {0} to the current year.', field.minYear),
    );
  return lines.join('\n');
}
