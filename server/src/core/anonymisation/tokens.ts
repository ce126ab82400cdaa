import { hashStep, type SmallWords, WordTable } from './small-words';
import { TOKEN_MEMOS, type WordFacts } from './word-memo';

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
  /** What a kept small word is to the finders (`SmallWordKind`); 0 for any other token. */
  readonly kinds: number;
  /** What is known of the token's word (undefined for a kept small word): one object per distinct word. */
  readonly facts: WordFacts | undefined;
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
        const after = end < length ? text.charCodeAt(end) : 32;
        const goesOn = (after < 128 ? after >= 65 && after <= 90 : letterAt(text, end) > 0) || (isJoiner(after) && letterAt(text, end + 1) > 0);
        if (!goesOn) {
          // Kept: a word of small letters alone, no apostrophe, no capital (what pushToken would make of it).
          const word = kept.wordAt(text, at, end, hash);
          if (word !== undefined)
            tokens.push({ text: word.word, start: at, end, capital: false, allCaps: false, possessive: false, kinds: word.kinds, facts: undefined });
          at = end;
          continue;
        }
      }
    } else if (code >= 65 && code <= 90) {
      // A word of ASCII letters from a capital (`SECHA`, `Goma`: most capitalised words), read and hashed in one pass.
      let end = at + 1;
      let hash = hashStep(0, code);
      while (end < length) {
        const next = text.charCodeAt(end);
        if (!((next >= 97 && next <= 122) || (next >= 65 && next <= 90))) break;
        hash = hashStep(hash, next);
        end++;
      }
      // Unless it goes on past ASCII or across an apostrophe or a hyphen (`Mbuji-Mayi`, `N'Diaye`, `SECHA's`): then it is read below.
      if (end >= length || (text.charCodeAt(end) < 128 && !isJoiner(text.charCodeAt(end)))) {
        const { word, facts } = WORDS.at(text, at, end, hash);
        tokens.push({ text: word, start: at, end, capital: facts.capital, allCaps: facts.allCaps, possessive: false, kinds: 0, facts });
        at = end;
        continue;
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
    // `d'Appel`, `l'Université` (not `N'Diaye`): the article is a connector, the word after it a word of its own.
    if (end - start > 2 && isApostrophe(text.charCodeAt(start + 1)) && isArticle(text.charCodeAt(start)) && isUppercaseLetter(text, start + 2)) {
      const article = WORDS.at(text, start, start + 2);
      tokens.push({ text: article.word, start, end: start + 2, capital: false, allCaps: false, possessive: false, kinds: 0, facts: article.facts });
      pushToken(tokens, text, start + 2, end);
      continue;
    }
    pushToken(tokens, text, start, end);
  }
  return tokens;
}

/** The word from `start` to `end` of `text` as a token; a possessive `'s` after it is left out. */
function pushToken(tokens: Token[], text: string, start: number, end: number): void {
  const possessive = end - start > 2 && text.charCodeAt(end - 1) === 115 /* s */ && isApostrophe(text.charCodeAt(end - 2));
  const writtenEnd = possessive ? end - 2 : end;
  const { word, facts } = WORDS.at(text, start, writtenEnd);
  tokens.push({ text: word, start, end: writtenEnd, capital: facts.capital, allCaps: facts.allCaps, possessive, kinds: 0, facts });
}

/**
 * The words the tokens are made of, each told once whether it is capitalised: the finders then
 * look each token's word up in several lists, and the same string every time is found faster.
 */
const WORDS = new WordTable((word: string): WordFacts => {
  const capital = startsUpper(word, 0);
  return {
    capital,
    allCaps: capital && isAllCaps(word),
    answers: Array.from({ length: TOKEN_MEMOS }, () => undefined),
    answeredFrom: Array.from({ length: TOKEN_MEMOS }, () => 0),
  };
});

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
