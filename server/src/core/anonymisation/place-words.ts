import { endsPossessive, isApostrophe, NON_ASCII, type Token } from './tokens';

/** The key a name is looked up by: `Kajo-Keji`, `Kajo Keji` and `KAJO KEJI` are one; `Ségou` is `Segou`. */
export function placeKey(name: string): string {
  // A single plain word (most of them): its lower case is its key.
  if (/^[A-Za-z]+$/.test(name)) return name.toLowerCase();
  const lower = name.toLowerCase().replace(/['’‘ʼʻ`]/g, '');
  const plain = /[^ -~]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
  return plain.replace(/[\s\-‐‑]+/g, ' ').trim();
}

/** A word as the place finder reads it: the words of a name, hyphens apart (`Kajo-Keji` is two). */
export class Word {
  private lookedUp: string | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly written: string,
    /** Capitalised, not all capitals (an acronym). */
    readonly capital: boolean,
    /** Ends in `'s` (`Chief's`). */
    readonly possessive: boolean,
    key?: string,
  ) {
    this.lookedUp = key;
  }

  /** Its key (`placeKey`): made when first asked, as most words are never looked up. */
  get key(): string {
    this.lookedUp ??= placeKey(this.written);
    return this.lookedUp;
  }
}

// A place's words: letters and marks, the apostrophes inside them; no hyphen (`Kajo-Keji` is `Kajo`, `Keji`).
const PLACE_WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*/gu;

/**
 * The place finder's words, from the name finders' tokens (one reading of the text): each token
 * cut at its hyphens; text inside `<…>` (a placeholder) left out. `startsName` says whether a key
 * starts a gazetteer name (`N'Débougou` keeps its `N'`).
 */
export function wordsOf(text: string, tokens: readonly Token[], startsName: (key: string) => boolean): Word[] {
  const hidden = text.includes('<') ? [...text.matchAll(/<[^<>\n]{0,40}>/g)].map((match) => [match.index, match.index + match[0].length] as const) : [];
  const words: Word[] = [];
  const push = (word: string, start: number) => {
    if (hidden.length > 0 && hidden.some(([from, to]) => from <= start && start < to)) return;
    const elided = elisionOf(word);
    // `d'Uvira`, `l'Ituri`: the article is a word of its own, unless the whole is a name (`N'Débougou`).
    if (elided > 0 && word.length > elided && !startsName(placeKey(word))) {
      const article = word.charCodeAt(0) | 32;
      words.push(new Word(start, start + elided, word.slice(0, elided), false, false, article === 100 /* d */ ? 'de' : 'le'));
      pushWord(words, word.slice(elided), start + elided);
      return;
    }
    pushWord(words, word, start);
  };
  for (let index = 0; index < tokens.length; index++) {
    // The text the tokenizer read as one word: an elided article it split off joined again, and the possessive.
    const first = tokens[index] as Token;
    let last = first;
    if (first.end - first.start === 2 && isApostrophe(text.charCodeAt(first.start + 1)) && tokens[index + 1]?.start === first.end) {
      last = tokens[index + 1] as Token;
      index++;
    }
    const start = first.start;
    const read = text.slice(start, last.possessive ? last.end + 2 : last.end);
    if (!NON_ASCII.test(read)) {
      // Plain ASCII: the words are the hyphen's parts, each a place word as it is.
      let from = 0;
      for (let hyphen = read.indexOf('-'); hyphen >= 0; hyphen = read.indexOf('-', from)) {
        push(read.slice(from, hyphen), start + from);
        from = hyphen + 1;
      }
      push(from === 0 ? read : read.slice(from), start + from);
      continue;
    }
    PLACE_WORD.lastIndex = 0;
    for (let match = PLACE_WORD.exec(read); match !== null; match = PLACE_WORD.exec(read)) push(match[0], start + match.index);
  }
  return words;
}

function pushWord(words: Word[], word: string, start: number): void {
  // `Goma's youth`: the place is `Goma`, and `Chief's` before a cue names no place.
  const possessive = endsPossessive(word);
  const written = possessive ? word.slice(0, -2) : word;
  words.push(new Word(start, start + written.length, written, isCapitalised(written), possessive));
}

/** The length of an elided article the word starts with (`d'`, `l'`, `qu'`), or 0. */
function elisionOf(word: string): number {
  const first = word.charCodeAt(0) | 32;
  if ((first === 100 || first === 108) && isApostrophe(word.charCodeAt(1))) return 2;
  return first === 113 /* q */ && word.charCodeAt(1) === 117 /* u */ && isApostrophe(word.charCodeAt(2)) ? 3 : 0;
}

/** Written with a capital, and not all in capitals (an acronym): `Goma`, `Ségou`, `A`; not `SECHA`, `goma`. */
function isCapitalised(written: string): boolean {
  const code = written.charCodeAt(0);
  if (code < 128 ? code >= 97 || code < 65 || code > 90 : written[0] === (written[0] as string).toLowerCase()) return false;
  if (written.length === 1) return true;
  const rest = written.slice(1);
  return rest !== rest.toUpperCase() || !/\p{L}/u.test(rest);
}
