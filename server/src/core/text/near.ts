/** Folds case and runs of white space, the way keys and listed values are compared (FORMAT.md §2, §3). */
export function fold(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const listedFolds = new Map<string, string>();

/** `fold` of a listed string (a key or value of the schema), remembered: the same few strings are folded again and again. */
export function foldListed(text: string): string {
  let folded = listedFolds.get(text);
  if (folded === undefined) {
    if (listedFolds.size > 10_000) listedFolds.clear(); // a bound, should a schema be huge
    folded = fold(text);
    listedFolds.set(text, folded);
  }
  return folded;
}

/** FORMAT.md §3: how many edits still count as a near miss of a listed string of this length. */
export function nearThreshold(length: number): number {
  if (length <= 4) return 1;
  if (length <= 11) return 2;
  return 3;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: adjacent transpositions count once),
 * or `max + 1` as soon as the distance is known to exceed `max`, so comparing a long value
 * against a list stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  // Three rows of the table, reused from call to call: a value is compared with every listed one.
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(Math.max(3 * width, 2 * rows.length));
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[current + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const oldest = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = oldest;
    rows[current] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min((rows[previous + j] as number) + 1, (rows[current + j - 1] as number) + 1, (rows[previous + j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, (rows[beforePrevious + j - 2] as number) + 1);
      rows[current + j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return max + 1;
  }
  const distance = rows[current + b.length] as number;
  return distance > max ? max + 1 : distance;
}

let rows = new Int32Array(3 * 64);

export interface NearMatch {
  readonly candidate: string;
  readonly distance: number;
}

/**
 * The listed strings that `input` nearly is (after folding), nearest first.
 * `unique` is the one clearly nearest candidate, absent when two are equally near.
 */
export function nearMatches(input: string, candidates: readonly string[]): { matches: NearMatch[]; unique?: string } {
  const folded = fold(input);
  const matches: NearMatch[] = [];
  for (const candidate of candidates) {
    const target = foldListed(candidate);
    const max = nearThreshold(Math.max(folded.length, target.length));
    const distance = editDistance(folded, target, max);
    if (distance <= max) matches.push({ candidate, distance });
  }
  matches.sort((x, y) => x.distance - y.distance);
  const [first, second] = matches;
  const unique = first && (!second || second.distance > first.distance) ? first.candidate : undefined;
  return unique === undefined ? { matches } : { matches, unique };
}

/** All candidates ordered by distance to `input`, nearest first (for fixes that offer every allowed value). */
export function byDistance(input: string, candidates: readonly string[]): NearMatch[] {
  const folded = fold(input);
  return candidates.map((candidate) => ({ candidate, distance: editDistance(folded, foldListed(candidate), 1000) })).sort((x, y) => x.distance - y.distance);
}
