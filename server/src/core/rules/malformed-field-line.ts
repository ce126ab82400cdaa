import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule } from './rule';

interface MalformedFieldLineData {
  readonly rewritten: string;
}

/** A broken field line (`Year: 2024`, `**Year*: 2024`): read as its field, fixed by rewriting it. */
export const malformedFieldLine: Rule<MalformedFieldLineData> = {
  code: 'malformed-field-line',
  check({ file }) {
    return file.fragments.flatMap((fragment) =>
      fragment.fields.flatMap((field) => {
        if (!field.malformed || !field.schemaField) return [];
        const key = field.schemaField.key;
        return [
          makeDiagnostic<MalformedFieldLineData>(
            'malformed-field-line',
            'warning',
            field.malformed.range,
            l10n.t('This line looks like the field "{0}" but is not written as **{0}**: value.', key),
            { rewritten: field.malformed.rewritten },
          ),
        ];
      }),
    );
  },
  fixes(diagnostic) {
    if (!diagnostic.data) return [];
    const { rewritten } = diagnostic.data;
    return [{ title: l10n.t('Rewrite as "{0}"', rewritten.trimEnd()), edits: [{ range: diagnostic.range, newText: rewritten }], isPreferred: true }];
  },
};
