/** A step of the hash of a word of small letters (`SmallWords`). */
export const hashStep = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0;

/**
 * The words of small ASCII letters a reader of tokens keeps (`tokensOf`), by their hash: a word of
 * the text is compared where it stands, no string made of it (most words are left out).
 */
export class SmallWords {
  private readonly byHash: Array<string[] | undefined> = new Array(HASHES);
  /** One bit per hash that a word has (a small table: most words of a text are told apart by it alone). */
  private readonly hashes = new Int32Array(HASHES >>> 5);

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!/^[a-z]+$/.test(word)) continue;
      let hash = 0;
      for (let at = 0; at < word.length; at++) hash = hashStep(hash, word.charCodeAt(at));
      const slot = (hash & (HASHES - 1)) >>> 5;
      this.hashes[slot] = (this.hashes[slot] as number) | (1 << (hash & 31));
      const bucket = this.byHash[hash & (HASHES - 1)];
      if (bucket === undefined) this.byHash[hash & (HASHES - 1)] = [word];
      else if (!bucket.includes(word)) bucket.push(word);
    }
  }

  /**
   * The word from `start` to `end` of `text`, whose hash is `hash`, when it is one of the words:
   * the list's own string, no copy (the finders then look it up in their lists again and again).
   */
  wordAt(text: string, start: number, end: number, hash: number): string | undefined {
    if (((this.hashes[(hash & (HASHES - 1)) >>> 5] as number) & (1 << (hash & 31))) === 0) return undefined;
    const bucket = this.byHash[hash & (HASHES - 1)];
    if (bucket === undefined) return undefined;
    for (const word of bucket) if (word.length === end - start && text.startsWith(word, start)) return word;
    return undefined;
  }
}

const HASHES = 1 << 14;

/**
 * Words compared in any case (`Of`, `DE`, `Village`), asked of every token: a word longer than
 * the longest is not lower-cased (its lower case could not be shorter).
 */
export class AnyCaseWords {
  readonly words: ReadonlySet<string>;
  private readonly longest: number;

  constructor(words: readonly string[]) {
    this.words = new Set(words);
    this.longest = Math.max(0, ...words.map((word) => word.length));
  }

  has(word: string): boolean {
    return word.length <= this.longest && (this.words.has(word) || this.words.has(word.toLowerCase()));
  }
}
