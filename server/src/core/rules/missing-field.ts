import * as l10n from '@vscode/l10n';
import type { Position } from 'vscode-languageserver-types';
import type { Fragment } from '../text/parse';
import { makeDiagnostic, type Rule, type RuleContext } from './rule';

interface MissingFieldData {
  readonly key: string;
  /** Where the field's line goes: its canonical place among the fields present. */
  readonly insertAt: Position;
  readonly insertText: string;
}

/** A required field absent from a fragment, unless a misspelt key or broken line already points to it. */
export const missingField: Rule<MissingFieldData> = {
  code: 'missing-field',
  check(context) {
    return context.file.fragments.flatMap((fragment) => {
      const present = new Set(fragment.namedFields.map((field) => field.schemaField?.key));
      for (const field of fragment.fields) {
        if (field.match.kind === 'unknown') for (const suggestion of field.match.suggestions) present.add(suggestion.key);
      }
      const anchor = (fragment.fields[0] as (typeof fragment.fields)[number]).keyRange;
      return context.index.fields
        .filter((field) => field.required && !present.has(field.key))
        .map((field) =>
          makeDiagnostic<MissingFieldData>('missing-field', 'error', anchor, l10n.t('Required field "{0}" is missing.', field.key), {
            key: field.key,
            ...insertion(context, fragment, field.key),
          }),
        );
    });
  },
  fixes(diagnostic) {
    if (!diagnostic.data) return [];
    const { key, insertAt, insertText } = diagnostic.data;
    return [{ title: l10n.t('Add "{0}"', key), edits: [{ range: { start: insertAt, end: insertAt }, newText: insertText }], isPreferred: true }];
  },
};

/** After the nearest field that precedes the missing one in canonical order, else before the fragment's first line. */
function insertion(context: RuleContext, fragment: Fragment, key: string): { insertAt: Position; insertText: string } {
  const { index, file } = context;
  const missing = index.field(key);
  const order = missing ? index.order(missing) : Number.MAX_SAFE_INTEGER;
  let before: (typeof fragment.fields)[number] | undefined;
  for (const field of fragment.namedFields) {
    const fieldOrder = index.order(field.schemaField as NonNullable<typeof field.schemaField>);
    if (fieldOrder < order && (!before || fieldOrder >= index.order(before.schemaField as NonNullable<typeof field.schemaField>))) before = field;
  }
  const newLine = `**${key}**: `;
  if (!before) return { insertAt: { line: fragment.startLine, character: 0 }, insertText: newLine + file.eol };
  const next = file.lines[before.endLine + 1];
  if (next) return { insertAt: { line: next.number, character: 0 }, insertText: newLine + file.eol };
  const last = file.lines[before.endLine];
  return { insertAt: { line: before.endLine, character: (last?.column ?? 0) + (last?.text.length ?? 0) }, insertText: file.eol + newLine };
}
