import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixesOf } from '../../server/src/core/features/code-actions';
import type { FragmentDiagnostic } from '../../server/src/core/rules/rule';
import { type Analysis, createFragmentService } from '../../server/src/core/service';
import { applyEdits } from '../../server/src/core/text/text';

export const repositoryRoot = join(__dirname, '..', '..');
export const fixturesFolder = join(repositoryRoot, 'test', 'fixtures');
/** The shared, real, anonymised example, as the example workspace holds it. */
export const examplePath = join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt');

export function readFixture(name: string): string {
  return readFileSync(join(fixturesFolder, name), 'utf8');
}

export function readExample(): string {
  return readFileSync(examplePath, 'utf8');
}

/** The service as the editor runs it, with the year fixed so that "future year" tests do not age. */
export const service = createFragmentService({ currentYear: () => 2026 });

export function analyze(text: string, uri = 'file:///test.fragment'): Analysis {
  return service.analyze(text, uri);
}

export const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** A compact, readable view of a diagnostic: `line code` with a 1-based line, as an editor shows it. */
export function summary(diagnostic: FragmentDiagnostic): string {
  return `${diagnostic.range.start.line + 1} ${diagnostic.code}`;
}

export function lineOf(text: string, oneBasedLine: number): string {
  return text.split(/\r\n|\r|\n/)[oneBasedLine - 1] ?? '';
}

/** Applies a diagnostic's preferred fix to the text it was computed on. */
export function applyPreferredFix(analysis: Analysis, diagnostic: FragmentDiagnostic): string {
  const preferred = fixesOf(diagnostic, analysis.context).filter((fix) => fix.isPreferred);
  if (preferred.length !== 1) throw new Error(`Expected one preferred fix for ${summary(diagnostic)}, got ${preferred.length}`);
  return applyEdits(analysis.text, (preferred[0] as (typeof preferred)[number]).edits);
}

/**
 * Whether an edit touches only the lines first..last: it may end at the start of the next line
 * (their line break) or start at the end of the line before (the break before the last line).
 */
export function editStaysOnLines(
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  first: number,
  last: number,
  lengths: number[],
): boolean {
  const startsInside = range.start.line >= first || (range.start.line === first - 1 && range.start.character === lengths[first - 1]);
  const endsInside = range.end.line <= last || (range.end.line === last + 1 && range.end.character === 0);
  return startsInside && endsInside;
}

export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((content) => content.length);
}
