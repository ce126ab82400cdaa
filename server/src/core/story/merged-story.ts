import { diffArrays } from 'diff';
import type { MergedStorySchema } from '../schema/schema-types';
import { type Field, type Fragment, fieldNamed } from '../text/parse';

/** The anonymisation mark that hides one or more words of the merged story (FORMAT.md §4). */
export const REDACTION = '<redacted>';

export interface MergedStoryPart {
  /** The field the part comes from. */
  readonly field: string;
  readonly label: string;
  /** The field's value with line breaks flattened. */
  readonly text: string;
}

export interface MergedStory {
  /** The parts with a non-empty field, in order. */
  readonly parts: readonly MergedStoryPart[];
  readonly text: string;
}

/** The merged story derived from a fragment's current fields: non-empty parts with their labels, joined. */
export function computeMergedStory(fragment: Fragment, story: MergedStorySchema): MergedStory {
  const parts: MergedStoryPart[] = [];
  for (const part of story.parts) {
    const field = fieldNamed(fragment, part.field);
    const text = field ? flatten(field.value) : '';
    if (text !== '') parts.push({ field: part.field, label: part.label, text });
  }
  const text = parts.map((part) => (part.label === '' ? part.text : `${part.label} ${part.text}`)).join(story.separator);
  return { parts, text };
}

/** The stored merged story field of a fragment, if any. */
export function storedMergedStory(fragment: Fragment, story: MergedStorySchema): Field | undefined {
  return fieldNamed(fragment, story.field);
}

const upToDate = new WeakMap<Fragment, WeakMap<MergedStorySchema, boolean>>();

/**
 * Whether the fragment's stored merged story is up to date with its fields (`isUpToDate`); true
 * when it stores none. Kept with the fragment: stale-merged-story and possible-identifier both ask.
 */
export function storyIsUpToDate(fragment: Fragment, story: MergedStorySchema): boolean {
  let bySchema = upToDate.get(fragment);
  const known = bySchema?.get(story);
  if (known !== undefined) return known;
  const stored = storedMergedStory(fragment, story);
  const verdict = !stored || isUpToDate(stored.value, computeMergedStory(fragment, story).text);
  if (!bySchema) {
    bySchema = new WeakMap();
    upToDate.set(fragment, bySchema);
  }
  bySchema.set(story, verdict);
  return verdict;
}

/** Values are stored on one line in the story: line breaks (and the space around them) become one space. */
function flatten(value: string): string {
  return value.includes('\n') || value.includes('\r') ? value.replace(/\s*[\r\n]+\s*/g, ' ') : value;
}

/** Runs of white space as one space. Only runs and other white space are replaced: single spaces, the most of it, stay as they are. */
function normaliseSpace(text: string): string {
  return text.replace(/(?: \s|[^\S ])\s*/g, ' ').trim();
}

/**
 * Whether the stored story equals the computed one, each `<redacted>` standing for one or more
 * words. Runs of white space compare equal. Linear time: each literal piece between marks is
 * found at its leftmost place after the previous one, which is optimal for wildcards (V8's
 * indexOf falls back to Boyer-Moore, linear for a first match, on patterns that make it slow).
 */
export function isUpToDate(stored: string, computed: string): boolean {
  // Stories are mostly stored as they are computed, spacing included: try that first, and
  // normalise white space (two more passes over both texts) only when it does not match.
  return matchesWithRedactions(stored.trim(), computed.trim()) || matchesWithRedactions(normaliseSpace(stored), normaliseSpace(computed));
}

function matchesWithRedactions(stored: string, text: string): boolean {
  const pattern = stored.split(REDACTION);
  const first = pattern[0] as string;
  if (pattern.length === 1) return first === text;
  if (!text.startsWith(first)) return false;
  let position = first.length;
  for (let i = 1; i < pattern.length - 1; i++) {
    const piece = pattern[i] as string;
    // Each mark hides at least one character.
    const found = text.indexOf(piece, position + 1);
    if (found < 0) return false;
    position = found + piece.length;
  }
  const last = pattern[pattern.length - 1] as string;
  return text.length - last.length >= position + 1 && text.endsWith(last);
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Placeholders, words (with inner apostrophes and hyphens), then any other visible character.
const tokenPattern = /<[\p{L}_-]+>|[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*|\S/gu;

function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(tokenPattern), (found) => ({ text: found[0], start: found.index, end: found.index + found[0].length }));
}

/** Past this many token edits the alignment is given up and every changed part is hidden. */
const MAX_ALIGNMENT_EDITS = 4000;
/** How far (in tokens) a dropped mark looks for the changed words it may have hidden. */
const DROPPED_MARK_REACH = 40;

/**
 * The computed story with every redaction of the stored one kept: words that stood under a
 * `<redacted>` mark stay hidden. The stored story's tokens are aligned with the computed ones by
 * a diff in which a mark may stand for any token; where a mark cannot be placed with certainty,
 * more is hidden, never less.
 */
export function regenerateMergedStory(stored: string, computed: string): string {
  if (!stored.includes(REDACTION)) return computed;
  // Nothing to place when nothing changed: the stored story is the story.
  if (isUpToDate(stored, computed)) return stored;
  const storedTokens = tokenize(stored).map((token) => token.text);
  const computedTokens = tokenize(computed);
  const changes = diffArrays(
    storedTokens,
    computedTokens.map((token) => token.text),
    { maxEditLength: MAX_ALIGNMENT_EDITS, comparator: (storedToken, computedToken) => storedToken === computedToken || storedToken === REDACTION },
  );
  if (!changes) return hideAll(computed, computedTokens);

  const hidden = new Array<boolean>(computedTokens.length).fill(false);
  /** Computed tokens a mark was aligned with: the words next to them may be hidden by the same mark. */
  const underMark = new Array<boolean>(computedTokens.length).fill(false);
  const addedRuns: Array<{ start: number; end: number }> = [];
  const droppedMarks: number[] = [];
  let storedIndex = 0;
  let computedIndex = 0;
  let hunkStart = 0;
  let hunkHasMark = false;
  // A hunk is a run of changes between two common runs.
  const closeHunk = () => {
    if (computedIndex > hunkStart) {
      if (hunkHasMark) hidden.fill(true, hunkStart, computedIndex);
      else addedRuns.push({ start: hunkStart, end: computedIndex });
    } else if (hunkHasMark) {
      droppedMarks.push(computedIndex);
    }
    hunkHasMark = false;
  };
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      if (storedTokens.slice(storedIndex, storedIndex + count).includes(REDACTION)) hunkHasMark = true;
      storedIndex += count;
    } else if (change.added) {
      computedIndex += count;
    } else {
      closeHunk();
      for (let offset = 0; offset < count; offset++) {
        if (storedTokens[storedIndex + offset] === REDACTION) underMark[computedIndex + offset] = hidden[computedIndex + offset] = true;
      }
      storedIndex += count;
      computedIndex += count;
      hunkStart = computedIndex;
    }
  }
  closeHunk();

  for (const run of addedRuns) {
    // New words right beside a hidden one may be the rest of what its mark hid ("one or more words").
    const besideMark = underMark[run.start - 1] === true || underMark[run.end] === true;
    // A mark that aligned with nothing may have been matched away by a repeated word, its words
    // then showing up as new ones nearby.
    const nearDroppedMark = droppedMarks.some((at) => (at < run.start ? run.start - at : at > run.end ? at - run.end : 0) <= DROPPED_MARK_REACH);
    if (besideMark || nearDroppedMark) hidden.fill(true, run.start, run.end);
  }
  return render(computed, computedTokens, hidden);
}

/** The computed text with each run of hidden tokens (white space between them included) replaced by one mark. */
function render(computed: string, tokens: readonly Token[], hidden: readonly boolean[]): string {
  let result = '';
  let cursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!hidden[i]) continue;
    let last = i;
    while (last + 1 < tokens.length && hidden[last + 1]) last++;
    result += computed.slice(cursor, (tokens[i] as Token).start) + REDACTION;
    cursor = (tokens[last] as Token).end;
    i = last;
  }
  return result + computed.slice(cursor);
}

function hideAll(computed: string, tokens: readonly Token[]): string {
  return render(computed, tokens, new Array<boolean>(tokens.length).fill(true));
}

/** How many `<redacted>` marks a text holds. */
export function countRedactions(text: string): number {
  return text.split(REDACTION).length - 1;
}
