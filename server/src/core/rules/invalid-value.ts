import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule, valueFindings } from './rule';

interface InvalidValueData {
  /** The message in words that quote no value, for reports on confidential fragments. */
  readonly withoutValues: string;
  /** Replacements, nearest first. */
  readonly candidates: string[];
  /** The clearly nearest one, when there is one. */
  readonly preferred?: string;
}

/** A value its field does not allow; one fix per allowed value, nearest first. */
export const invalidValue: Rule<InvalidValueData> = {
  code: 'invalid-value',
  check(context) {
    return context.file.fragments.flatMap((fragment) =>
      fragment.namedFields.flatMap((field) =>
        valueFindings(context, field).flatMap((finding) =>
          finding.kind === 'invalid'
            ? [
                makeDiagnostic<InvalidValueData>('invalid-value', finding.severity, finding.range, finding.message, {
                  candidates: finding.candidates,
                  withoutValues: finding.withoutValues,
                  ...(finding.preferred !== undefined ? { preferred: finding.preferred } : {}),
                }),
              ]
            : [],
        ),
      ),
    );
  },
  fixes(diagnostic) {
    const { candidates = [], preferred } = diagnostic.data ?? { candidates: [] as string[] };
    return candidates.map((candidate) => ({
      title: l10n.t('Change to "{0}"', candidate),
      edits: [{ range: diagnostic.range, newText: candidate }],
      isPreferred: candidate === preferred,
    }));
  },
};
