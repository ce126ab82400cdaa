/**
 * A reproducible sample (FORMAT.md §9): the same outcomes, the same seed, the same sample, on any
 * machine and in any order the files are read. Outcomes are put in the order of their
 * FragmentIDs first, then drawn with a pseudo-random generator seeded from the seed's text.
 */
import { naturalCompare } from '../harvest/natural-order';

export interface Sampled<T> {
  /** The group the item was drawn from (the value of the field sampled per, or '' for all). */
  readonly group: string;
  readonly item: T;
}

/**
 * `count` items of each group, drawn with `seed`; a group of `count` or fewer gives all of its
 * items. Groups come in the order given by `groupOrder`, items of a group in the order of their ids.
 */
export function sampleGroups<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  groupOf: (item: T) => string,
  count: number,
  seed: string,
  groupOrder: (a: string, b: string) => number = naturalCompare,
): Array<Sampled<T>> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groupOf(item);
    const members = groups.get(group);
    if (members) members.push(item);
    else groups.set(group, [item]);
  }
  const sampled: Array<Sampled<T>> = [];
  for (const group of [...groups.keys()].sort(groupOrder)) {
    const members = (groups.get(group) as T[]).slice().sort((a, b) => naturalCompare(idOf(a), idOf(b)));
    // Each group draws from its own generator: adding an outcome to one group changes no other group's draw.
    const random = seededRandom(`${seed}\u0000${group}`);
    const drawn = drawFrom(members, count, random);
    drawn.sort((a, b) => naturalCompare(idOf(a), idOf(b)));
    for (const item of drawn) sampled.push({ group, item });
  }
  return sampled;
}

/** `count` of `members` (all of them when there are no more), by a partial Fisher–Yates shuffle. */
function drawFrom<T>(members: T[], count: number, random: () => number): T[] {
  if (members.length <= count) return members;
  const pool = members.slice();
  for (let index = 0; index < count; index++) {
    const pick = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick] as T, pool[index] as T];
  }
  return pool.slice(0, count);
}

/**
 * A generator of numbers in [0, 1) from a text: the text hashed with FNV-1a into a 32-bit state,
 * then mulberry32. Not for secrets; the same on every JavaScript engine.
 */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) {
    state ^= seed.charCodeAt(index);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for a sample the user gave none for: recorded in the forms, so that it can be drawn again. */
export function newSeed(random: () => number = Math.random): string {
  return String(Math.floor(random() * 1_000_000)).padStart(6, '0');
}
