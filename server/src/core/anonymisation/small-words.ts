import { LONGEST_COPIED, ownString } from './word-memo';

/** A step of the hash of a word of small letters (`SmallWords`). */
export const hashStep = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0;

/**
 * What a kept small word is to the finders, told once per word (`Token.kinds`, bits): the finders
 * ask it of every token, and most tokens are kept small words. Any other token's kinds are 0, and
 * the finders then look its text up in their lists.
 */
export const SmallWordKind = { kept: 1, title: 2, placeCue: 4, placePreposition: 8, appositionNoun: 16 } as const;

/** A kept small word: the list's own string, and its kinds (`SmallWordKind`, `kept` among them). */
export interface KeptWord {
  readonly word: string;
  readonly kinds: number;
}

/**
 * The words of small ASCII letters a reader of tokens keeps (`tokensOf`), by their hash: a word of
 * the text is compared where it stands, no string made of it (most words are left out).
 */
export class SmallWords {
  /** The words by the low bits of their hash, each with its whole hash (compared before any character). */
  private readonly byHash: Array<Array<KeptWord & { readonly hash: number }> | undefined> = new Array(HASHES);
  /** One bit per hash that a word has (a small table: most words of a text are told apart by it alone). */
  private readonly hashes = new Int32Array(HASHES >>> 5);

  /** `kindsOf` tells each word's kinds but `kept` (those the finders' lists give it). */
  constructor(words: Iterable<string>, kindsOf: (word: string) => number = () => 0) {
    for (const word of words) {
      if (!/^[a-z]+$/.test(word)) continue;
      let hash = 0;
      for (let at = 0; at < word.length; at++) hash = hashStep(hash, word.charCodeAt(at));
      const slot = (hash & (HASHES - 1)) >>> 5;
      this.hashes[slot] = (this.hashes[slot] as number) | (1 << (hash & 31));
      const entry = { hash, word, kinds: SmallWordKind.kept | kindsOf(word) };
      const bucket = this.byHash[hash & (HASHES - 1)];
      if (bucket === undefined) this.byHash[hash & (HASHES - 1)] = [entry];
      else if (!bucket.some((other) => other.word === word)) bucket.push(entry);
    }
  }

  /**
   * The word from `start` to `end` of `text`, whose hash is `hash`, when it is one of the words:
   * the list's own string, no copy (the finders then look it up in their lists again and again).
   */
  wordAt(text: string, start: number, end: number, hash: number): KeptWord | undefined {
    if (((this.hashes[(hash & (HASHES - 1)) >>> 5] as number) & (1 << (hash & 31))) === 0) return undefined;
    const bucket = this.byHash[hash & (HASHES - 1)];
    if (bucket === undefined) return undefined;
    for (let index = 0; index < bucket.length; index++) {
      const entry = bucket[index] as KeptWord & { readonly hash: number };
      if (entry.hash === hash && entry.word.length === end - start && standsAt(text, start, entry.word)) return entry;
    }
    return undefined;
  }
}

const HASHES = 1 << 14;

/** `text.startsWith(word, start)`, for a word as long as what stands there: its characters compared here (a builtin's call costs more for a short word). */
function standsAt(text: string, start: number, word: string): boolean {
  for (let at = 0; at < word.length; at++) if (text.charCodeAt(start + at) !== word.charCodeAt(at)) return false;
  return true;
}

/**
 * Words compared in any case (`Of`, `DE`, `Village`), asked of every token: a word longer than
 * the longest is not lower-cased (its lower case could not be shorter).
 */
export class AnyCaseWords {
  readonly words: ReadonlySet<string>;
  private readonly shortest: number;
  private readonly longest: number;
  /** The words' first letters in small ASCII (`t` for `town` and `Town`); a word starting with any other cannot be one. */
  private readonly firstLetters = new Uint8Array(128);
  /** A word starts with a character outside ASCII: the first-letter test says nothing. */
  private readonly anyFirst: boolean;

  constructor(words: readonly string[]) {
    this.words = new Set(words);
    this.shortest = Math.min(...words.map((word) => word.length));
    this.longest = Math.max(0, ...words.map((word) => word.length));
    let anyFirst = false;
    for (const word of words) {
      const first = word.toLowerCase().charCodeAt(0);
      if (first < 128) this.firstLetters[first] = 1;
      else anyFirst = true;
    }
    this.anyFirst = anyFirst;
  }

  has(word: string): boolean {
    return this.mayHave(word) && (this.words.has(word) || this.words.has(word.toLowerCase()));
  }

  /** False for a word that cannot be one (its length, its first letter): asked before anything dearer. */
  mayHave(word: string): boolean {
    if (word.length > this.longest || word.length < this.shortest) return false;
    let first = word.charCodeAt(0);
    if (first >= 128) return this.anyFirst;
    if (first >= 65 && first <= 90) first += 32;
    return this.firstLetters[first] === 1;
  }
}

/** A word of `WordTable`, with what its reader made of it once. */
export interface TableWord<Facts> {
  readonly hash: number;
  readonly word: string;
  readonly facts: Facts;
}

/**
 * The words of texts as strings of their own, one string per distinct word: a harvest writes
 * the same words again and again, and a word found here is neither sliced from its text again
 * nor described again (`facts`). The same string each time also lets every list it is then
 * looked up in reuse the hash V8 keeps with it. Past `limit` distinct words it starts afresh.
 */
export class WordTable<Facts> {
  private byHash: Array<Array<TableWord<Facts>> | undefined> = new Array(HASHES);
  private size = 0;

  constructor(
    private readonly describe: (word: string) => Facts,
    private readonly limit = 50_000,
  ) {}

  /** The word from `start` to `end` of `text`; `hash` is its hash when known (`hashStep` over its characters). */
  at(text: string, start: number, end: number, known?: number): TableWord<Facts> {
    // A run of letters this long is no word a harvest repeats: not kept.
    if (end - start > LONGEST_COPIED) {
      const word = text.slice(start, end);
      return { hash: 0, word, facts: this.describe(word) };
    }
    let hash = known ?? 0;
    if (known === undefined) for (let at = start; at < end; at++) hash = hashStep(hash, text.charCodeAt(at));
    const slot = hash & (HASHES - 1);
    const bucket = this.byHash[slot];
    if (bucket !== undefined)
      for (let index = 0; index < bucket.length; index++) {
        const entry = bucket[index] as TableWord<Facts>;
        if (entry.hash === hash && entry.word.length === end - start && standsAt(text, start, entry.word)) return entry;
      }
    if (this.size >= this.limit) {
      this.byHash = new Array(HASHES);
      this.size = 0;
    }
    const word = ownString(text, start, end);
    const entry = { hash, word, facts: this.describe(word) };
    const kept = this.byHash[slot];
    if (kept === undefined) this.byHash[slot] = [entry];
    else kept.push(entry);
    this.size++;
    return entry;
  }
}
