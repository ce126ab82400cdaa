import type { FragmentSchema } from '../schema/schema-types';
import { storedMergedStory, storyIsUpToDate } from '../story/merged-story';
import type { Field, Fragment } from '../text/parse';
import { wordOccurrences } from '../text/pattern-text';
import type { IdentifierFinding } from './identifiers';
import { DIVISION_AFTER } from './tokens';

/**
 * The merged story field when it is up to date (FORMAT.md §4): then it says nothing its parts'
 * fields do not, each word theirs or a placeholder, and its identifying details are theirs
 * (`repeatedFindings`), found without reading it again. A story edited by hand is read as any text.
 */
export function upToDateStory(fragment: Fragment, schema: FragmentSchema): Field | undefined {
  const story = schema.mergedStory;
  if (!story) return undefined;
  const stored = storedMergedStory(fragment, story);
  return stored && storyIsUpToDate(fragment, story) ? stored : undefined;
}

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
