import { AnyCaseWords, hashStep, type SmallWords } from './small-words';
import { memoByWord } from './word-memo';

/** A word of a text as the name finders read it: where it stands and how it is written. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Starts with a capital letter (`Goma`, `KAVIRA`, `Jean-Pierre`). */
  readonly capital: boolean;
  /** Two letters or more, all capitals (`SECHA`, `KAVIRA`): an acronym, or a family name written the French way. */
  readonly allCaps: boolean;
  /** Written with a possessive `'s` after it (`SECHA's`), which `end` leaves out. */
  readonly possessive: boolean;
}

// Letters and marks (\p{L}, \p{M}), and the apostrophes and hyphens inside names (`N'Diaye`,
// `Mbuji-Mayi`, `al-Hassan`): the words are /[\p{L}\p{M}]+(?:['’\-‑][\p{L}\p{M}]+)*/u, read by
// a scanner (a pattern's match would make an array and a string for each of millions of words).
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const UPPER = /^\p{Lu}/u;
/** Whether each character of the BMP is a letter or a mark: 0 not asked yet, 1 yes, 2 no. */
const letterOrMark = new Uint8Array(0x10000);

/**
 * The length (1 or 2) of the letter or mark at `at`, or 0 (past the end too). No read here or in
 * `tokensOf` goes past the end: its NaN would make V8 hold every character code as a float,
 * which made the scan twice as slow (measured over the bench's corpus).
 */
function letterAt(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(at) as number;
    return point > 0xffff && LETTER_OR_MARK.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  let known = letterOrMark[code] as number;
  if (known === 0) {
    known = LETTER_OR_MARK.test(String.fromCharCode(code)) ? 1 : 2;
    letterOrMark[code] = known;
  }
  return known === 1 ? 1 : 0;
}

/** The end of the run of letters and marks from `at`. */
function lettersEnd(text: string, at: number): number {
  let end = at;
  for (let length = letterAt(text, end); length > 0; length = letterAt(text, end)) end += length;
  return end;
}

/** `'`, `’`, `-`, `‑`: what may join two parts of one word. */
const isJoiner = (code: number) => code === 39 || code === 0x2019 || code === 45 || code === 0x2011;

/**
 * The words of a text, in order; a possessive `'s` is not part of the word (`SECHA's` is `SECHA`).
 * Every word of every text passes here: its characters are looked at, no pattern per word.
 *
 * With `kept`, a word of small ASCII letters alone (`and`, `training`: most words) is left out
 * unless it is one of `kept`. The finders start from capitalised words and read only a few small
 * words (titles, roles, particles, connectors, cues, the inner words of place names: the
 * `kept`); what stands between two tokens they read from the text, so a word left out still
 * parts the words around it (`Goma and Beni` are no one name).
 */
export function tokensOf(text: string, kept?: SmallWords): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code < 128 && !(code >= 65 && code <= 90)) {
      // Blanks and punctuation: passed over here, without asking letterAt.
      if (code < 97 || code > 122) {
        at++;
        continue;
      }
      if (kept !== undefined) {
        // A word of small letters (most words), read and hashed in one pass: left out unless kept.
        let end = at + 1;
        let hash = hashStep(0, code);
        while (end < length) {
          const next = text.charCodeAt(end);
          if (next < 97 || next > 122) break;
          hash = hashStep(hash, next);
          end++;
        }
        // Unless the word goes on (`trainings’`, `sub-county`, `eBay`, `écoles`): then it is read below.
        const goesOn = end < length && (letterAt(text, end) > 0 || (isJoiner(text.charCodeAt(end)) && letterAt(text, end + 1) > 0));
        if (!goesOn) {
          // Kept: a word of small letters alone, no apostrophe, no capital (what pushToken would make of it).
          const word = kept.wordAt(text, at, end, hash);
          if (word !== undefined) tokens.push({ text: word, start: at, end, capital: false, allCaps: false, possessive: false });
          at = end;
          continue;
        }
      }
    }
    const first = letterAt(text, at);
    if (first === 0) {
      at++;
      continue;
    }
    const start = at;
    let end = lettersEnd(text, at + first);
    while (end < length && isJoiner(text.charCodeAt(end)) && letterAt(text, end + 1) > 0) end = lettersEnd(text, end + 1);
    at = end;
    const word = text.slice(start, end);
    // `d'Appel`, `l'Université` (not `N'Diaye`): the article is a connector, the word after it a word of its own.
    if (word.length > 2 && isApostrophe(word.charCodeAt(1)) && isArticle(word.charCodeAt(0)) && isUppercaseLetter(word, 2)) {
      tokens.push({ text: word.slice(0, 2), start, end: start + 2, capital: false, allCaps: false, possessive: false });
      pushToken(tokens, word.slice(2), start + 2);
      continue;
    }
    pushToken(tokens, word, start);
  }
  return tokens;
}

function pushToken(tokens: Token[], word: string, at: number): void {
  const possessive = endsPossessive(word);
  const written = possessive ? word.slice(0, -2) : word;
  const capital = startsUpper(written, 0);
  tokens.push({ text: written, start: at, end: at + written.length, capital, allCaps: capital && isAllCaps(written), possessive });
}

/** Two letters or more, every letter a capital (`SECHA`, `KAVIRA`, `N'DIAYE`). */
function isAllCaps(word: string): boolean {
  // `Goma`: a small letter second, the most common case, says it at once.
  if (word.length < 2) return false;
  const second = word.charCodeAt(1);
  if (second >= 97 && second <= 122) return false;
  // Plain ASCII (`SECHA`): its letters counted where they stand.
  let capitals = 0;
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at);
    if (code >= 128) return isAllCapitalLetters(word);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) capitals++;
  }
  return capitals >= 2;
}

function isAllCapitalLetters(word: string): boolean {
  if (word !== word.toUpperCase()) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** The character at `at` has a lower case and is not it (`É`; not `1`, `ß` or `ǅ`). */
function startsUpper(word: string, at: number): boolean {
  const code = word.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const first = word[at] as string;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** The character at `at` is an upper-case letter (Unicode's Lu). */
function isUppercaseLetter(word: string, at: number): boolean {
  const code = word.charCodeAt(at);
  return code < 128 ? code >= 65 && code <= 90 : UPPER.test(word.slice(at, at + 2));
}

export const isApostrophe = (code: number) => code === 39 || code === 0x2019;

/** `SECHA's`, `Goma’s`: a word of more than its `'s`. */
export function endsPossessive(word: string): boolean {
  const length = word.length;
  return length > 2 && word.charCodeAt(length - 1) === 115 /* s */ && isApostrophe(word.charCodeAt(length - 2));
}

/** `d`, `l`, `D`, `L`: the French articles that elide. */
export const isArticle = (code: number) => code === 100 || code === 108 || code === 68 || code === 76;

/** A division word right after a name: a place's (`Hodan district`, `Kolnyang payam`). */
export const DIVISION_AFTER =
  /^[ \t]+(?:district|county|sub-county|payam|boma|town|village|camp|territory|commune|parish|ward|location|quartier|colline)(?![\p{L}])/iu;

/** What stands between two tokens: only blanks (one name may run across them), or anything else. */
export function joinedByBlanks(text: string, before: Token, after: Token): boolean {
  // Asked of most pairs of words: the characters are looked at, no string is made.
  const gap = after.start - before.end;
  return (gap === 1 || gap === 2) && isBlank(text.charCodeAt(before.end)) && (gap === 1 || isBlank(text.charCodeAt(before.end + 1)));
}

/** A space, a tab or a no-break space. */
const isBlank = (code: number) => code === 32 || code === 9 || code === 0xa0;

/** A word's forms a list is compared with: as written, and without its accents. */
export function bare(word: string): string {
  // Most words are plain ASCII: nothing to take off, and no normalisation to pay for.
  return NON_ASCII.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '') : word;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: any character outside ASCII is what is looked for
export const NON_ASCII = /[^\x00-\x7f]/;

/** The small words that join the parts of an organisation's name (`Ministry of Justice`, `Tribunal de Grande Instance de Bunia`). */
// Not `and`, `et`: they join two names (`the Ministry of Justice and Jean Mukendi`) more often than one.
const CONNECTORS = new AnyCaseWords(['of', 'for', 'the', 'on', 'de', 'des', 'du', 'la', 'le', 'les', 'pour', 'sur', 'en', "d'", "l'", 'd’', 'l’']);
/** The small words `organisationSpans` reads (`tokensOf`'s `kept`). */
export const ORGANISATION_SMALL_WORDS: readonly string[] = [...CONNECTORS.words];

/**
 * The spans of organisation, institution and project names: a run of capitalised words holding
 * one of `organisationWords` (with the `of …` parts after it), or followed by an acronym in
 * brackets (`Seconde Chance (SECHA)`). A name or a place inside one is not a
 * person's name or a place to hide: it names the organisation (FORMAT.md §8).
 */
export function organisationSpans(text: string, tokens: readonly Token[], organisationWords: ReadonlySet<string>): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let bracket = text.indexOf('(');
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index] as Token;
    if (!first.capital) {
      index++;
      continue;
    }
    // A run of capitalised words, each next to the one before; then connectors and more such runs.
    // The first run holding an organisation's word starts the name (`organisedFrom`).
    let organisedFrom = -1;
    let end = index;
    let to = end;
    for (;;) {
      to = end;
      while (to + 1 < tokens.length && (tokens[to + 1] as Token).capital && joinedByBlanks(text, tokens[to] as Token, tokens[to + 1] as Token)) to++;
      if (organisedFrom < 0 && holdsOrganisationWord(tokens, end, to, organisationWords)) organisedFrom = end;
      // `of the`, `de la`, `d'`: connectors between two capitalised runs.
      let next = to + 1;
      let previous = tokens[to] as Token;
      let connectors = 0;
      while (next < tokens.length && connectors < 2 && !(tokens[next] as Token).capital && CONNECTORS.has((tokens[next] as Token).text)) {
        if (!joinsOrganisation(text, previous.end, (tokens[next] as Token).start)) break;
        previous = tokens[next] as Token;
        next++;
        connectors++;
      }
      if (connectors === 0) break;
      const candidate = tokens[next];
      if (!candidate?.capital || !joinsOrganisation(text, previous.end, candidate.start)) break;
      end = next;
    }
    const runEnd = tokens[to] as Token;
    // Asked after every run of capitalised words: the pattern only where a bracket opens (looked for again once passed).
    if (bracket >= 0 && bracket < runEnd.end) bracket = text.indexOf('(', runEnd.end);
    const acronymAfter = bracket >= 0 && bracket < runEnd.end + 20 && ACRONYM_AFTER.test(text.slice(runEnd.end, runEnd.end + 20));
    // The run holding the word and every `of …` part after it; the runs before a connector are names of their own.
    if (organisedFrom >= 0) spans.push({ start: (tokens[organisedFrom] as Token).start, end: runEnd.end });
    else if (acronymAfter) spans.push({ start: first.start, end: runEnd.end });
    index = to + 1;
  }
  return spans;
}

function holdsOrganisationWord(tokens: readonly Token[], from: number, to: number, organisationWords: ReadonlySet<string>): boolean {
  for (let at = from; at <= to; at++) if (isOrganisationWord((tokens[at] as Token).text, organisationWords)) return true;
  return false;
}

/** `(SECHA)`, `(CNDH-RDC)`: an acronym in brackets after a name. */
const ACRONYM_AFTER = /^\s*\(\s*[\p{Lu}\p{N}][\p{Lu}\p{N}&.\-‑/ ]{1,15}\)/u;

/** Between two parts of an organisation's name: at most two blanks or apostrophes (`[ \t\u00a0']{0,2}`). */
function joinsOrganisation(text: string, from: number, to: number): boolean {
  if (to - from > 2 || to < from) return false;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 0xa0 && code !== 39) return false;
  }
  return true;
}

/** `Foundation`, `Foundations`, `Fondation`, `Ministère`: compared without accents, plural or singular. */
const isOrganisationWord = memoByWord((word: string, organisationWords: ReadonlySet<string>) => {
  const plain = bare(word);
  return organisationWords.has(word) || organisationWords.has(plain) || (plain.endsWith('s') && organisationWords.has(plain.slice(0, -1)));
});

/** Whether a span lies inside one of the spans (sorted or not: the lists are short). */
export function inside(span: { start: number; end: number }, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  return spans.some((other) => other.start <= span.start && span.end <= other.end);
}
