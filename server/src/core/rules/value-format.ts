import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule, valueFindings } from './rule';

interface ValueFormatData {
  /** The message in words that quote no value, for reports on confidential fragments. */
  readonly withoutValues: string;
  readonly canonical: string;
}

/** An allowed value in a non-canonical form (`Medium`, `2024.0`, `yes`). */
export const valueFormat: Rule<ValueFormatData> = {
  code: 'value-format',
  check(context) {
    return context.file.fragments.flatMap((fragment) =>
      fragment.namedFields.flatMap((field) =>
        valueFindings(context, field).flatMap((finding) =>
          finding.kind === 'format'
            ? [
                makeDiagnostic<ValueFormatData>('value-format', 'hint', finding.range, l10n.t('"{0}" is written "{1}".', finding.value, finding.canonical), {
                  canonical: finding.canonical,
                  withoutValues: finding.withoutValues,
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
    return [{ title: l10n.t('Change to "{0}"', canonical), edits: [{ range: diagnostic.range, newText: canonical }], isPreferred: true }];
  },
};
