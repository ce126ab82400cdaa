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
            `This line looks like the field "${key}" but is not written as **${key}**: value.`,
            { rewritten: field.malformed.rewritten },
          ),
        ];
      }),
    );
  },
  fixes(diagnostic) {
    if (!diagnostic.data) return [];
    const { rewritten } = diagnostic.data;
    return [{ title: `Rewrite as "${rewritten.trimEnd()}"`, edits: [{ range: diagnostic.range, newText: rewritten }], isPreferred: true }];
  },
};
