import { isWhiteSpace } from '../text/parse';

/**
 * Where a text may be cut into pieces the check reads one by one: after a sentence's end (not
 * after a title's dot: `Mrs. Rose`, `M. Mukendi`, `Dr. Okello`), and at the two spaces between
 * the merged story's parts. Nothing the check looks for runs across such a cut, so the pieces'
 * findings are the text's; the merged story's pieces are mostly the fields' own, read once.
 */
// What may cut: a sentence's end and the blanks after it, or a run of two spaces or more (tested further below).
const CUT = /[.!?][ \t]+| {2,}/g;
/** Abbreviations whose dot ends no sentence. */
const NO_END = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Prof|Hon|Rev|St|Mt|Mme|Mlle|Me|Mgr|Sr|Jr|Gen|Col|Capt|Lt|Sgt|No|Nos|Vol|vs|etc|cf|al|ca|approx|Inc|Ltd|Co)\.$/u;
const BEFORE_END = /[\p{Ll}\p{N})\]»"”'’]/u;
const STARTS_SENTENCE = /[\p{Lu}<«"“(]/u;

/** The character at `at` may end a sentence before its dot (`BEFORE_END`; ASCII told without the pattern). */
function endsSentence(text: string, at: number): boolean {
  if (at < 0) return false;
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 41 || code === 93 || code === 34 || code === 39; // ) ] " '
  return BEFORE_END.test(text[at] as string);
}

/** The character at `at` may start a sentence (`STARTS_SENTENCE`; ASCII told without the pattern). */
function startsSentence(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 65 && code <= 90) || code === 60 || code === 34 || code === 40; // < " (
  return STARTS_SENTENCE.test(text[at] as string);
}

/** Only spaces from `from` to `to` (no tab). */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (text.charCodeAt(at) !== 32) return false;
  return to - from >= 2;
}

/** `Mrs.`, `Dr.`: the text before `blanks` ends with an abbreviation's dot (`NO_END`). Every one ends with a letter and a dot. */
function endsAbbreviation(text: string, start: number, blanks: number): boolean {
  if (blanks - start < 2 || text.charCodeAt(blanks - 1) !== 46 /* . */) return false;
  const letter = text.charCodeAt(blanks - 2) | 32;
  return letter >= 97 && letter <= 122 && NO_END.test(text.slice(Math.max(start, blanks - 8), blanks));
}

/**
 * Where the cut that `CUT` found ending at `end` starts: its blanks, and whether a sentence's mark
 * stands before them. A mark and the blanks after it are one match, all of them (the pattern's
 * first choice, greedy); else the match is the run of spaces that ends at `end`.
 */
function cutAt(text: string, end: number): { blanks: number; afterMark: boolean } {
  let blanks = end;
  while (blanks > 0 && isBlankOrTab(text.charCodeAt(blanks - 1))) blanks--;
  const mark = blanks > 0 ? text.charCodeAt(blanks - 1) : 0;
  if (mark === 46 || mark === 33 || mark === 63 /* . ! ? */) return { blanks, afterMark: true };
  let spaces = end;
  while (spaces > 0 && text.charCodeAt(spaces - 1) === 32) spaces--;
  return { blanks: spaces, afterMark: false };
}

const isBlankOrTab = (code: number) => code === 32 || code === 9;

/** The pieces of a text, each with where it starts. */
export function piecesOf(text: string): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  let start = 0;
  CUT.lastIndex = 0;
  // Found by `test`, and read from the text around each cut: most cuts are passed over, and `exec` would make an array and a string for each.
  while (CUT.test(text)) {
    const end = CUT.lastIndex;
    if (end >= text.length) continue;
    const cut = cutAt(text, end);
    const blanks = cut.blanks;
    // `…Goma. The`: a sentence ends (after a small letter, a digit or a closing mark; before a capital or an opening one).
    const sentence = cut.afterMark && endsSentence(text, blanks - 2) && startsSentence(text, end);
    // `…Goma  Significance description:`: two spaces between non-blanks, as between the merged story's parts.
    const parts = !sentence && onlySpaces(text, blanks, end) && blanks > 0 && !isWhiteSpace(text.charCodeAt(blanks - 1)) && !isWhiteSpace(text.charCodeAt(end));
    if (!sentence && !parts) continue;
    if (endsAbbreviation(text, start, blanks)) continue;
    pieces.push({ text: text.slice(start, blanks), start });
    start = end;
  }
  pieces.push({ text: text.slice(start), start });
  return pieces;
}

/** Findings of a piece moved to where the piece stands in its text. */
export function shiftedFindings<Finding extends { readonly start: number; readonly end: number }>(findings: readonly Finding[], by: number): Finding[] {
  return by === 0 ? [...findings] : findings.map((finding) => ({ ...finding, start: finding.start + by, end: finding.end + by }));
}
