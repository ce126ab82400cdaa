import { GIVEN_NAMES, PERSON_TITLES } from '../schema/anonymisation-defaults';
import type { Gazetteer } from './place-data';
import { placeKey, type Word, wordsOf } from './place-words';
import { SmallWordKind } from './small-words';
import { type Token, tokensOf } from './tokens';
import { memoByToken } from './word-memo';

/** `a, b c`: the phrases `a` and `b c`, as keys. */
const phrases = (list: string) => list.split(',').map(placeKey);

/** Cue before a name: `the village of Kasenyi`, `territoire de Beni`, `quartier Majengo` (keys of the words, elided `d'` read as `de`). */
const CUES_BEFORE = new Set([
  ...phrases(
    'village, villages, town, towns, city, district, districts, county, counties, sub county, parish, camp, territory, municipality, settlement, payam, boma, chiefdom, ward',
  ).map((noun) => `${noun} of`),
  ...phrases('village, villages, ville, villes, territoire, territoires, commune, communes, localite, localites, cercle, chefferie, groupement, secteur')
    .concat(
      phrases('district, camp, camp de deplaces, camp de refugies, site de deplaces, sites de deplaces, zone de sante, cite, quartier, colline, municipalite'),
    )
    .map((noun) => `${noun} de`),
  'quartier',
  'quartiers',
]);
/** Cue after a name: `Gulu District`, `Kajo Keji County`, `Kasenyi IDP camp`. */
const CUES_AFTER = new Set(
  phrases(
    'district, districts, county, counties, sub county, sub counties, subcounty, village, villages, town, territory, parish, municipality, settlement, payam, boma, chiefdom, ward, camp, ' +
      'idp camp, idp camps, idp site, idp settlement, idps camp, refugee settlement, refugee camp, refugees camp',
  ),
);
/** Division words that confirm an ambiguous name of the gazetteer (`Lakes State`, `province du Tanganyika`) but make no place of any word (`Islamic State`). */
const DIVISION_BEFORE = new Set(
  phrases('province of, province de, province du, region de, region du, state of, governorate of, gouvernorat de, prefecture de, departement de'),
);
const DIVISION_AFTER = new Set(
  phrases('state, states, province, provinces, region, regions, governorate, governorates, zone, woreda, cercle, department, locality, lga'),
);

/** Between two words of one name: blanks or a hyphen (`Kajo Keji`, `Kajo-Keji`, `Tharaka - Nithi`). */
const JOINS_NAME = /^(?:[ \t\u00a0]{1,2}|[ \u00a0]?[-‐‑][ \u00a0]?)$/u;
/** Between a cue and its name: blanks, or nothing after an elided `d'`. */
const JOINS_CUE = /^[ \t\u00a0]{0,2}$/u;
const TITLES = new Set(PERSON_TITLES.map(placeKey));
const PERSON_BEFORE = new Set([...PERSON_TITLES, ...GIVEN_NAMES].map(placeKey));

/**
 * The places named in a text (UTF-16 offsets of the name alone): gazetteer names as written with
 * their capital, longest first (an ambiguous one only beside a cue), and any capitalised name a
 * strong cue makes a place (`the village of Kasenyi`, `Kasenyi IDP camp`, `quartier Majengo`).
 * Countries and placeholders are never places; a name inside an organisation's is the caller's to drop.
 */
export function findPlaces(text: string, gazetteer: Gazetteer, tokens: readonly Token[] = tokensOf(text)): Array<{ start: number; end: number }> {
  if (!mayNamePlace(text, tokens, gazetteer)) return [];
  const words = wordsOf(text, tokens, (key) => gazetteer.longest.has(key));
  const found: Array<{ start: number; end: number }> = [];
  const joined = (at: number, pattern: RegExp) => {
    // Never `words[-1]`: a negative index is a property lookup, far slower than this test.
    if (at < 1) return false;
    const before = words[at - 1];
    const word = words[at];
    return before !== undefined && word !== undefined && pattern.test(text.slice(before.end, word.start));
  };
  /** Keys of `count` words ending at `last`, when they are one phrase. */
  const phrase = (last: number, count: number, pattern: RegExp) => {
    if (last - count + 1 < 0) return undefined;
    for (let at = last - count + 2; at <= last; at++) if (!joined(at, pattern)) return undefined;
    return words
      .slice(last - count + 1, last + 1)
      .map((word) => word.key)
      .join(' ');
  };
  const cueBefore = (first: number, cues: ReadonlySet<string>) => {
    if (!joined(first, JOINS_CUE)) return false;
    for (let count = 1; count <= 4; count++) {
      const keys = phrase(first - 1, count, JOINS_NAME);
      if (keys !== undefined && cues.has(keys)) return true;
    }
    return false;
  };
  const cueAfter = (last: number, cues: ReadonlySet<string>) => {
    for (let count = 1; count <= 2; count++) {
      if (!joined(last + 1, JOINS_CUE) || last + count >= words.length) return false;
      const keys = phrase(last + count, count, JOINS_NAME);
      if (keys !== undefined && cues.has(keys)) return true;
    }
    return false;
  };
  /** The last of the capitalised words of one name from `first` on, stopping before a cue (`Kajo Keji` of `Kajo Keji County`). */
  let runFrom = -1;
  let runTo = -1;
  const run = (first: number) => {
    // A word inside the last run ends where it ends: a long run of capitals stays linear.
    if (first >= runFrom && first <= runTo) return runTo;
    let last = first;
    while (last + 1 < words.length && words[last + 1]?.capital && joined(last + 1, JOINS_NAME) && !startsCue(last + 1)) last++;
    runFrom = first;
    runTo = last;
    return last;
  };
  const startsCue = (at: number) => CUES_AFTER.has((words[at] as Word).key) || CUES_AFTER.has(phrase(at + 1, 2, JOINS_NAME) ?? '');
  /** `Mr Goma`, `Amani Bahati`: the word before makes it a person's name. */
  const personBefore = (at: number) => {
    const before = at > 0 ? words[at - 1] : undefined;
    return before?.capital === true && PERSON_BEFORE.has(before.key) && /^\.?[ \t\u00a0]{1,2}$/.test(text.slice(before.end, (words[at] as Word).start));
  };
  /** Words `first` to `last` name a place, unless they are more than three or one names nothing (`Each village`, `Chief's village`). */
  const namesAPlace = (first: number, last: number) => {
    const name = words.slice(first, last + 1);
    if (name.length === 0 || name.length > 3) return false;
    if (name.some((part) => gazetteer.notPlaces.has(part.key) || TITLES.has(part.key) || part.possessive)) return false;
    return !gazetteer.notPlaces.has(name.map((part) => part.key).join(' '));
  };
  const push = (first: number, last: number) => {
    if (namesAPlace(first, last)) found.push({ start: (words[first] as Word).start, end: (words[last] as Word).end });
  };

  let index = 0;
  let noCueUntil = -1;
  while (index < words.length) {
    const word = words[index] as Word;
    if (!word.capital) {
      index++;
      continue;
    }
    const known = longestName(words, index, gazetteer, (at) => joined(at, JOINS_NAME));
    if (known && !personBefore(index)) {
      const cued = () =>
        cueBefore(index, CUES_BEFORE) || cueBefore(index, DIVISION_BEFORE) || cueAfter(known.last, CUES_AFTER) || cueAfter(known.last, DIVISION_AFTER);
      if (!known.cueOnly || cued()) {
        // `Yei River County`, `the village of Kiri Kiri Ntaba`: the capitalised words beside a known name and a cue are the name's.
        const end = Math.min(run(index), index + 2);
        const longer =
          end > known.last && namesAPlace(known.last + 1, end) && (cueAfter(end, CUES_AFTER) || cueAfter(end, DIVISION_AFTER) || cueBefore(index, CUES_BEFORE));
        const last = longer ? end : known.last;
        found.push({ start: word.start, end: (words[last] as Word).end });
        index = last + 1;
        continue;
      }
    }
    // A name the gazetteer does not know, before a cue (`In Kasenyi village`: a first word that names nothing left out)…
    const end = run(index);
    if (index > noCueUntil) {
      if (cueAfter(end, CUES_AFTER)) {
        push(gazetteer.notPlaces.has(word.key) ? index + 1 : index, end);
        index = end + 1;
        continue;
      }
      noCueUntil = end;
    }
    // …or after one (`the village of Kasenyi`, `quartier Majengo`).
    if (cueBefore(index, CUES_BEFORE)) {
      const last = Math.min(end, index + 2);
      push(index, last);
      index = last + 1;
      continue;
    }
    index++;
  }
  return found;
}

/** The words of the cues, but `of` and `de`: every cue holds one (a kept small word's `placeCue`). */
export const PLACE_CUE_WORDS: ReadonlySet<string> = new Set(
  [...CUES_BEFORE, ...CUES_AFTER].flatMap((cue) => cue.split(' ')).filter((word) => word !== 'of' && word !== 'de'),
);
/** The small words `findPlaces` reads besides the gazetteer's inner words (`tokensOf`'s `kept`): its cues' words. */
export const PLACE_SMALL_WORDS: readonly string[] = [...CUES_BEFORE, ...CUES_AFTER, ...DIVISION_BEFORE, ...DIVISION_AFTER].flatMap((cue) => cue.split(' '));

/** Whether a capitalised word of plain letters, lower-cased, is a cue's word or starts a gazetteer name: asked of every such word. */
const startsPlace = memoByToken((word: string, gazetteer: Gazetteer) => {
  const key = word.toLowerCase();
  return PLACE_CUE_WORDS.has(key) || gazetteer.longest.has(key);
});

/** `[A-Za-z]+`. */
function isPlainWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index) | 32;
    if (code < 97 || code > 122) return false;
  }
  return true;
}

function isPlainLowerCase(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/**
 * Whether the text may name a place at all, read from the tokens alone: a word that starts a
 * gazetteer name, or a cue's word. Most texts hold neither, and are not read further. A word that
 * is not plain letters is read as the finder reads it (its hyphens, its elided article).
 */
function mayNamePlace(text: string, tokens: readonly Token[], gazetteer: Gazetteer): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.kinds !== 0) {
      if ((token.kinds & SmallWordKind.placeCue) !== 0) return true;
      continue;
    }
    if (!token.capital && isPlainLowerCase(token.text)) {
      if (PLACE_CUE_WORDS.has(token.text)) return true;
      continue;
    }
    if (isPlainWord(token.text)) {
      if (token.capital ? startsPlace(token, gazetteer) : PLACE_CUE_WORDS.has(token.text)) return true;
      continue;
    }
    // With the word after it: an elided article the tokenizer split off may be part of a name (`L'Ituri`).
    const words = wordsOf(text, tokens.slice(index, index + 2), (key) => gazetteer.longest.has(key));
    if (words.some((word) => PLACE_CUE_WORDS.has(word.key) || (word.capital && gazetteer.longest.has(word.key)))) return true;
  }
  return false;
}

/** The longest gazetteer name starting at word `first`: a Map lookup per length, no more lengths than its first word starts. */
function longestName(
  words: readonly Word[],
  first: number,
  gazetteer: Gazetteer,
  joined: (at: number) => boolean,
): { last: number; cueOnly: boolean } | undefined {
  const most = gazetteer.longest.get((words[first] as Word).key);
  if (most === undefined) return undefined;
  let last = first;
  while (last + 1 < words.length && last - first + 1 < most && joined(last + 1)) last++;
  for (; last >= first; last--) {
    const key =
      last === first
        ? (words[first] as Word).key
        : words
            .slice(first, last + 1)
            .map((word) => word.key)
            .join(' ');
    const entry = gazetteer.names.get(key);
    // A name of several words ends on a capitalised word (`Bahr el Ghazal`, not `Goma and`).
    if (entry && (last === first || words[last]?.capital)) return { last, cueOnly: entry.cueOnly };
  }
  return undefined;
}
