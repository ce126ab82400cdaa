import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import type { Field } from '../text/parse';
import { type Fix, makeDiagnostic, type Rule, type RuleContext } from './rule';

interface DuplicateFieldData {
  /** The lines of the later field with their line break, removable because its value is empty or repeats the first one. */
  readonly removeRange?: Range;
}

/** A field written twice in one fragment; the later line is removable when it adds nothing. */
export const duplicateField: Rule<DuplicateFieldData> = {
  code: 'duplicate-field',
  check(context) {
    return context.file.fragments.flatMap((fragment) => {
      const firstByKey = new Map<string, Field>();
      return fragment.namedFields.flatMap((field) => {
        const key = field.schemaField?.key as string;
        const first = firstByKey.get(key);
        if (!first) {
          firstByKey.set(key, field);
          return [];
        }
        const removable = field.value === '' || field.value === first.value;
        return [
          makeDiagnostic<DuplicateFieldData>(
            'duplicate-field',
            'error',
            field.keyRange,
            l10n.t('"{0}" appears twice in this fragment (first on line {1}).', key, first.line + 1),
            removable ? { removeRange: linesRemoval(context, field.line, field.endLine) } : {},
            [{ location: { uri: context.uri, range: first.keyRange }, message: l10n.t('First "{0}"', key) }],
          ),
        ];
      });
    });
  },
  fixes(diagnostic) {
    const range = diagnostic.data?.removeRange;
    if (!range) return [];
    const fix: Fix = { title: l10n.t('Remove the repeated line'), edits: [{ range, newText: '' }], isPreferred: true };
    return [fix];
  },
};

/** The range that removes whole lines with their line break (the one before them on the last line). */
function linesRemoval(context: RuleContext, first: number, last: number): Range {
  const lines = context.file.lines;
  const lastLine = lines[last];
  const nextLine = lines[last + 1];
  if (nextLine) return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
  const previous = lines[first - 1];
  const end = { line: last, character: (lastLine?.column ?? 0) + (lastLine?.text.length ?? 0) };
  if (!previous) return { start: { line: first, character: 0 }, end };
  return { start: { line: first - 1, character: previous.column + previous.text.length }, end };
}
