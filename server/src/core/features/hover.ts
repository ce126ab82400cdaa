import * as l10n from '@vscode/l10n';
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import { locate } from '../text/locate';
import { fold } from '../text/near';
import type { ParsedFile } from '../text/parse';
import { comparePositions } from '../text/text';
import { listEntries } from '../values/values';
import { fieldDocumentation } from './completion';

/** On a key: what the field means, its type, whether required, its values. On a listed value: what it means. */
export function hover(file: ParsedFile, position: Position): Hover | undefined {
  const { field, inKey, inValue } = locate(file, position);
  if (!field) return undefined;
  if (inKey && field.line === position.line) {
    if (field.match.kind === 'unknown' && !field.malformed) {
      const suggestion = field.match.unique;
      const value = suggestion
        ? `${l10n.t('`{0}` is not a field of the schema. Did you mean **{1}**?', field.key, suggestion.key)}\n\n${fieldDocumentation(suggestion)}`
        : l10n.t('`{0}` is not a field of the schema. Completion at the start of a line lists the fields.', field.key);
      return { contents: { kind: MarkupKind.Markdown, value }, range: field.keyRange };
    }
    if (!field.schemaField) return undefined;
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${field.schemaField.key}**\n\n${fieldDocumentation(field.schemaField)}` },
      range: field.keyRange,
    };
  }
  const schemaField = field.schemaField;
  if (!inValue || !schemaField) return undefined;
  const pieces = schemaField.type === 'list' ? listEntries(field) : [{ text: field.value, range: field.valueRange }];
  const piece = pieces.find((candidate) => comparePositions(candidate.range.start, position) <= 0 && comparePositions(position, candidate.range.end) <= 0);
  if (!piece) return undefined;
  const listed = schemaField.values.find((value) => fold(value) === fold(piece.text));
  const meaning = listed === undefined ? undefined : schemaField.valueDescriptions[listed];
  if (meaning === undefined) return undefined;
  // The schema's descriptions are data: translated when the bundle has them (npm run generate lists them).
  return { contents: { kind: MarkupKind.Markdown, value: `\`${listed}\`: ${l10n.t(meaning)}` }, range: piece.range };
}
