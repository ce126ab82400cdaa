import { formatPatch, structuredPatch } from 'diff';
import type { FragmentSpan } from '../core/service';

/** Lines of a confidential fragment show their key alone: a diff can end up in a CI log. */
const REDACTED = '<redacted>';

/**
 * A unified diff of a file's fix, `a/` before and `b/` after, as `git diff` prints it. In a
 * fragment that is (or is treated as) confidential, every value is hidden: the keys show what
 * changed, the values do not.
 */
export function unifiedDiff(
  file: string,
  before: string,
  after: string,
  fragmentsBefore: readonly FragmentSpan[],
  fragmentsAfter: readonly FragmentSpan[],
): { text: string; hidden: boolean } {
  let hidden = false;
  const patch = structuredPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 });
  const confidentialBefore = confidentialLines(fragmentsBefore);
  const confidentialAfter = confidentialLines(fragmentsAfter);
  for (const hunk of patch.hunks) {
    let oldLine = hunk.oldStart - 1;
    let newLine = hunk.newStart - 1;
    hunk.lines = hunk.lines.map((line) => {
      const mark = line[0];
      const text = line.slice(1);
      if (mark === '\\') return line; // "\ No newline at end of file"
      const confidential = mark === '+' ? confidentialAfter(newLine) : confidentialBefore(oldLine);
      if (mark !== '+') oldLine++;
      if (mark !== '-') newLine++;
      if (!confidential) return line;
      hidden = true;
      return mark + withoutValue(text);
    });
  }
  return { text: formatPatch(patch).replace(/^=+\n/, ''), hidden };
}

function confidentialLines(fragments: readonly FragmentSpan[]): (line: number) => boolean {
  const confidential = fragments.filter((fragment) => fragment.confidential);
  return (line) => confidential.some((fragment) => fragment.startLine <= line && line <= fragment.endLine);
}

function withoutValue(line: string): string {
  const field = /^(\s*\*\*[^*]+\*\*:\s?)(.*)$/.exec(line);
  if (field) return (field[2] as string).trim() === '' ? line : `${field[1]}${REDACTED}`;
  return line.trim() === '' || line.trim() === '---' ? line : REDACTED;
}
