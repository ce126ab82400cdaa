import { NOT_PLACE_WORDS } from '../schema/anonymisation-defaults';
import type { PersonWords } from './persons';
import type { Gazetteer } from './place-data';
import { placeKey } from './place-words';
import { AnyCaseWords, SmallWordKind } from './small-words';
import { bare, type Token } from './tokens';
import { memoByWord } from './word-memo';

/**
 * Places the gazetteer's own cues leave out, read from how a sentence names a place:
 * - after French `à` (`arrêtés à Kiliba`, `menant à Kanyabayonga`), any capitalised name;
 * - after `in`, `to`, `from`, `near`, `à`, a gazetteer name that needs a cue (`travel to Adama`);
 * - a name before `, a small town`, `, petite ville` (`Diré, petite ville sur le fleuve Niger`);
 * - the names joined to a place found (`the villages of Mushere and Butura`, `communes de Baye et de Kani-Bonzon`).
 * Never a country, a language, a tool, a city outside the programme's countries, a title, a given
 * name or an organisation word. `found` are the places found so far; the new ones are returned.
 */
export function findCuedPlaces(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  words: PersonWords,
  found: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  // Asked first, in a function of its own: most texts hold no cue, and the finder's closures are then never made.
  return found.length === 0 && !holdsCue(tokens) ? [] : cuedPlaces(text, tokens, gazetteer, words, found);
}

function cuedPlaces(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  words: PersonWords,
  found: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const added: Array<{ start: number; end: number }> = [];
  const holds = (at: number) => (span: { start: number; end: number }) => span.start <= (tokens[at] as Token).start && (tokens[at] as Token).end <= span.end;
  const isFound = (at: number) => found.some(holds(at)) || added.some(holds(at));
  const excluded = (token: Token) =>
    !token.capital ||
    token.allCaps ||
    NOT_PLACES.has(token.text) ||
    gazetteer.notPlaces.has(placeKey(token.text)) ||
    words.titles.has(token.text) ||
    words.givenNames.has(token.text) ||
    words.organisationWords.has(token.text) ||
    words.neverNames.has(token.text) ||
    words.neverNames.has(bare(token.text));
  /** The capitalised words of one name from `first` (at most three, joined by blanks or a hyphen). */
  const nameFrom = (first: number): number | undefined => {
    if (first >= tokens.length || excluded(tokens[first] as Token)) return undefined;
    let last = first;
    while (last + 1 < tokens.length && last - first < 2 && !excluded(tokens[last + 1] as Token) && /^[ \t\u00a0-]$/.test(gap(last + 1))) last++;
    return last;
  };
  const gap = (at: number) => text.slice((tokens[at - 1] as Token).end, (tokens[at] as Token).start);
  const add = (first: number, last: number) => added.push({ start: (tokens[first] as Token).start, end: (tokens[last] as Token).end });

  for (let index = 1; index < tokens.length; index++) {
    const before = tokens[index - 1] as Token;
    const token = tokens[index] as Token;
    if (!token.capital || isFound(index) || !/^[ \t\u00a0]{1,2}$/.test(gap(index))) continue;
    const cue = before.text.toLowerCase();
    if (cue === 'à') {
      const last = nameFrom(index);
      if (last !== undefined) {
        add(index, last);
        index = last;
        continue;
      }
    }
    if (PLACE_PREPOSITIONS.has(cue) && gazetteer.names.get(placeKey(token.text))?.cueOnly) {
      add(index, index);
      continue;
    }
    // `in Kavumu`, `in Laini Saba`: a name after `in` that is no month, country, language, tool, title or name.
    if (cue === 'in' && before.text === 'in') {
      const last = nameFrom(index);
      if (last !== undefined) {
        add(index, last);
        index = last;
      }
    }
  }
  // `Diré, petite ville…`: a name the apposition says is a town.
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (!token.capital || isFound(index)) continue;
    const last = nameFrom(index);
    if (last === undefined) continue;
    if (TOWN_APPOSITION.test(text.slice((tokens[last] as Token).end, (tokens[last] as Token).end + 40))) add(index, last);
    index = last;
  }
  // `Mushere and Butura`, `Baye et de Kani-Bonzon`: a name joined to a place found.
  for (let round = 0; round < 4; round++) {
    let more = false;
    for (const span of [...found, ...added]) {
      const next = tokens.findIndex((token) => token.start >= span.end);
      if (next < 0) continue;
      const joiner = JOINED.exec(text.slice(span.end, (tokens[next] as Token).start + 8));
      if (!joiner) continue;
      const first = tokens.findIndex((token) => token.start === span.end + joiner[0].length);
      if (first < 0 || isFound(first)) continue;
      const last = nameFrom(first);
      if (last === undefined) continue;
      add(first, last);
      more = true;
    }
    if (!more) break;
  }
  return added;
}

/** A preposition before a capitalised word, or a word of a town's apposition: without one (and no place found), nothing to look for. */
function holdsCue(tokens: readonly Token[]): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    // A kept small word says at once what it is (`kinds`); any other is looked up.
    if (token.capital && index > 0) {
      const before = tokens[index - 1] as Token;
      if (
        before.kinds !== 0
          ? (before.kinds & SmallWordKind.placePreposition) !== 0
          : PLACE_PREPOSITIONS.mayHave(before.text) && isPreposition(before.text, PLACE_PREPOSITIONS)
      )
        return true;
    }
    if (
      token.kinds !== 0
        ? (token.kinds & SmallWordKind.appositionNoun) !== 0
        : APPOSITION_NOUNS.mayHave(token.text) && isAppositionNoun(token.text, APPOSITION_NOUNS)
    )
      return true;
  }
  return false;
}

/** Whether a word is one of `cues` in any case, remembered by word; one memo per list, each asked of with its own list only. */
const isCueWord = (word: string, cues: AnyCaseWords) => cues.has(word);
const isPreposition = memoByWord(isCueWord);
const isAppositionNoun = memoByWord(isCueWord);

const NOT_PLACES = new Set(NOT_PLACE_WORDS);
export const PLACE_PREPOSITIONS = new AnyCaseWords(['in', 'to', 'from', 'near', 'à', 'vers', 'près', 'depuis']);
const TOWN_APPOSITION =
  /^,[ \t]+(?:(?:a|an|une|un|la|le|the)[ \t]+)?(?:(?:small|little|big|remote|border|mining|petite|grande|petit|grand)[ \t]+)?(?:town|village|city|ville|bourgade|localité|cité|commune)(?![\p{L}])/iu;
/** The nouns of TOWN_APPOSITION. */
export const APPOSITION_NOUNS = new AnyCaseWords(['town', 'village', 'city', 'ville', 'bourgade', 'localité', 'cité', 'commune']);
/** The small words `findCuedPlaces` reads (`tokensOf`'s `kept`). */
export const CUED_PLACE_SMALL_WORDS: readonly string[] = [...PLACE_PREPOSITIONS.words, ...APPOSITION_NOUNS.words];
const JOINED = /^(?:[ \t]+(?:and|or|et|ou)[ \t]+(?:(?:de|d['’]|in|à)[ \t]*)?|,[ \t]+)/u;
