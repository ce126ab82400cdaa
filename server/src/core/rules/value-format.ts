import { checkValue } from '../values';
import { makeDiagnostic, namedFields, type Rule } from './rule';

interface ValueFormatData {
  readonly canonical: string;
}

/** An allowed value in a non-canonical form (`Medium`, `2024.0`, `yes`). */
export const valueFormat: Rule<ValueFormatData> = {
  code: 'value-format',
  check({ file, currentYear }) {
    return file.fragments.flatMap((fragment) =>
      namedFields(fragment).flatMap((field) =>
        checkValue(field, field.schemaField as NonNullable<typeof field.schemaField>, currentYear).flatMap((finding) =>
          finding.kind === 'format'
            ? [
                makeDiagnostic<ValueFormatData>('value-format', 'hint', finding.range, `"${finding.value}" is written "${finding.canonical}".`, {
                  canonical: finding.canonical,
                }),
              ]
            : [],
        ),
      ),
    );
  },
  fixes(diagnostic) {
    if (!diagnostic.data) return [];
    const { canonical } = diagnostic.data;
    return [{ title: `Change to "${canonical}"`, edits: [{ range: diagnostic.range, newText: canonical }], isPreferred: true }];
  },
};
