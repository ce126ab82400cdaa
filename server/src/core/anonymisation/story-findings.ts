import { wordOccurrences } from '../text/pattern-text';
import type { IdentifierFinding } from './identifiers';
import { DIVISION_AFTER } from './tokens';

/**
 * Where the texts of the fields' findings stand in the story, as "Replace" finds them (`wordOccurrences`); the first and last words of a name of several words too, standing
 * alone (`Nafisa <redacted>`, `Palabek <redacted>`): fail-safe, a part of a name once found is found.
 */
export function repeatedFindings(story: string, findings: readonly IdentifierFinding[]): IdentifierFinding[] {
  if (findings.length === 0) return [];
  const texts = new Map<string, IdentifierFinding['kind']>();
  for (const finding of findings) if (!texts.has(finding.text)) texts.set(finding.text, finding.kind);
  const parts = new Map<string, IdentifierFinding['kind']>();
  for (const finding of findings) {
    const words = finding.text.split(/\s+/);
    if (words.length > 1)
      for (const word of [words[0], words[words.length - 1]] as string[]) if (!texts.has(word) && !parts.has(word)) parts.set(word, finding.kind);
  }
  const found: IdentifierFinding[] = [];
  const free = (start: number, end: number) => !found.some((other) => other.start < end && start < other.end);
  // The longest first: `Rose Nyota` before `Nyota`.
  for (const [text, kind] of [...texts].sort(([a], [b]) => b.length - a.length))
    for (const { start, end } of wordOccurrences(story, text)) if (free(start, end)) found.push({ kind, start, end, text: story.slice(start, end) });
  for (const [part, kind] of parts)
    for (const { start, end } of wordOccurrences(story, part))
      if (free(start, end) && (kind !== 'person' || !DIVISION_AFTER.test(story.slice(end, end + 16)))) found.push({ kind, start, end, text: part });
  return found.sort((a, b) => a.start - b.start);
}
