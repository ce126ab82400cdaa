import * as l10n from '@vscode/l10n';
import type { AnswersSummary } from './apply';

/** What Prepare Substantiation… says it did (or would do, for a dry run). */
export function describePrepared(summary: {
  readonly forms: ReadonlyArray<{ readonly path: string; readonly substantiator: string; readonly ids: readonly string[] }>;
  readonly marked: readonly string[];
  readonly confidentialLeftOut: number;
  readonly unanonymisedLeftOut: number;
}): string {
  const outcomes = summary.forms.reduce((sum, form) => sum + form.ids.length, 0);
  const lines = [
    l10n.t('Forms: {0}. Outcomes in them: {1}. Files that mark them "sent": {2}.', summary.forms.length, outcomes, summary.marked.length),
    ...summary.forms.map((form) => `  ${form.path}: ${form.substantiator} (${form.ids.join(', ')})`),
  ];
  if (summary.confidentialLeftOut > 0)
    lines.push(l10n.t('Confidential outcomes left out: {0} ({1} includes them).', summary.confidentialLeftOut, '--include-confidential'));
  if (summary.unanonymisedLeftOut > 0)
    lines.push(
      l10n.t(
        'Outcomes left out because they still hold possible identifying details (possible-identifier): {0}. Anonymise them first.',
        summary.unanonymisedLeftOut,
      ),
    );
  return lines.join('\n');
}

/** What Import Substantiation Responses… says it did. */
export function describeAnswers(
  summary: AnswersSummary & {
    readonly changed: readonly string[];
    readonly conflicts: readonly string[];
    readonly written: boolean;
  },
): string {
  const lines = [
    l10n.t(
      'Outcomes answered: {0} (agreed: {1}, partly agreed: {2}, disagreed: {3}). Rows left unanswered: {4}. Files changed: {5}.',
      summary.answered,
      summary.agreed,
      summary.partlyAgreed,
      summary.disagreed,
      summary.unanswered,
      summary.changed.length,
    ),
  ];
  if (summary.conflicts.length > 0)
    lines.push(
      summary.written
        ? l10n.t('Earlier answers overwritten: {0}.', summary.conflicts.length)
        : l10n.t('Earlier answers that differ from the forms: {0}.', summary.conflicts.length),
    );
  return lines.join('\n');
}
