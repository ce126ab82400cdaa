import * as l10n from '@vscode/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';

const SEVERITY_NAMES = ['error', 'error', 'warning', 'info', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

/** Where else a problem stands (the other copy of a FragmentID), in the same 1-based terms. */
export interface RelatedPlace {
  file: string;
  line: number;
  column: number;
}

/** One problem as the CLI reports it: 1-based lines and columns, like compilers print them. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityName;
  code: string;
  message: string;
  related?: RelatedPlace[];
}

export function toProblem(file: string, diagnostic: Diagnostic, message: string, related?: RelatedPlace[]): Problem {
  const problem: Problem = {
    file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: SEVERITY_NAMES[diagnostic.severity ?? 1] ?? 'error',
    code: String(diagnostic.code),
    message,
  };
  if (related && related.length > 0) problem.related = related;
  return problem;
}

/** A problem of the file itself (unreadable, unwritable): on its first line. */
export function fileProblem(file: string, code: string, message: string): Problem {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code, message };
}

/** `file:line:column severity code message`, and where else it stands. */
export function problemLine(problem: Problem): string {
  const related = problem.related?.length
    ? ` ${l10n.t('Also at {0}.', problem.related.map((place) => `${place.file}:${place.line}:${place.column}`).join(', '))}`
    : '';
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}${related}`;
}

/** Counted words, in the display language. */
const counted = {
  file: (count: number) => (count === 1 ? l10n.t('{0} file', count) : l10n.t('{0} files', count)),
  problem: (count: number) => (count === 1 ? l10n.t('{0} problem', count) : l10n.t('{0} problems', count)),
  error: (count: number) => (count === 1 ? l10n.t('{0} error', count) : l10n.t('{0} errors', count)),
  warning: (count: number) => (count === 1 ? l10n.t('{0} warning', count) : l10n.t('{0} warnings', count)),
  info: (count: number) => l10n.t('{0} info', count),
  hint: (count: number) => (count === 1 ? l10n.t('{0} hint', count) : l10n.t('{0} hints', count)),
};

export function summarise(counts: Record<SeverityName, number>, fileCount: number): string {
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = counted.file(fileCount);
  if (total === 0) return l10n.t('No problems in {0}.', files);
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => counted[severity](counts[severity]));
  return l10n.t('{0} ({1}) in {2}.', counted.problem(total), parts.join(', '), files);
}

/** `Fixed 12 problems in 3 files: 3 unknown-field, 9 value-format.` (or what a dry run would fix). */
export function fixSummary(fixedByCode: ReadonlyMap<string, number>, fileCount: number, dryRun: boolean): string {
  const total = [...fixedByCode.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return dryRun ? l10n.t('Nothing to fix.') : l10n.t('Nothing to fix: no file changed.');
  const codes = [...fixedByCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, count]) => `${count} ${code}`)
    .join(', ');
  return dryRun
    ? l10n.t('Would fix {0} in {1} (dry run: nothing written): {2}.', counted.problem(total), counted.file(fileCount), codes)
    : l10n.t('Fixed {0} in {1}: {2}.', counted.problem(total), counted.file(fileCount), codes);
}
