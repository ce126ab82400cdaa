import type { AnonymisationSchema } from '../schema/anonymisation-types';
import type { SeveritySetting } from '../schema/config-names';
import { patternText } from '../text/pattern-text';
import { ORGANISATION_SMALL_WORDS } from './organisations';
import { PERSON_SMALL_WORDS, type PersonWords } from './persons';
import { APPOSITION_NOUNS, CUED_PLACE_SMALL_WORDS, PLACE_PREPOSITIONS } from './place-cues';
import { type Gazetteer, programmeGazetteer } from './place-data';
import { PLACE_CUE_WORDS, PLACE_SMALL_WORDS } from './places';
import { SmallWordKind, SmallWords } from './small-words';
import { bare } from './tokens';

/** The kinds of identifying detail of FORMAT.md §8. */
export const IDENTIFIER_KINDS = ['person', 'place', 'email', 'phone'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** The anonymisation section as the check reads it: sets made once per schema. */
export interface CompiledAnonymisation {
  readonly section: AnonymisationSchema;
  /** The severity of each kind that is on. */
  readonly kinds: ReadonlyMap<IdentifierKind, Exclude<SeveritySetting, 'off'>>;
  /** Whether each kind is looked for (`kinds`, asked of every piece of text as plain fields). */
  readonly looksFor: Readonly<Record<IdentifierKind, boolean>>;
  readonly persons: PersonWords;
  /** The allowed texts, lower-cased; `allowedPattern` finds them in a text (undefined when there are none). */
  readonly allowed: ReadonlySet<string>;
  readonly allowedPattern: RegExp | undefined;
  /** ISO 3166 code by the country field's value, lower-cased; `countryCodes` the codes alone. */
  readonly countries: ReadonlyMap<string, string>;
  readonly countryCodes: readonly string[];
  /** The places of the programme's countries and the section's own: read on first use (it is the largest data). */
  gazetteer(): Gazetteer;
  /** The words of small letters the finders read (`tokensOf`'s `kept`): the others are not made tokens. */
  smallWords(): SmallWords;
}

const compiled = new WeakMap<AnonymisationSchema, CompiledAnonymisation>();

export function compileAnonymisation(section: AnonymisationSchema): CompiledAnonymisation {
  let known = compiled.get(section);
  if (known) return known;
  const withBare = (words: readonly string[]) => new Set(words.flatMap((word) => [word, bare(word)]));
  const kinds = new Map<IdentifierKind, Exclude<SeveritySetting, 'off'>>();
  for (const kind of IDENTIFIER_KINDS) {
    const setting = section[kind];
    if (setting !== 'off') kinds.set(kind, setting);
  }
  const allowed = section.allow.map((text) => text.trim()).filter((text) => text !== '');
  let gazetteer: Gazetteer | undefined;
  const loadGazetteer = () => {
    gazetteer ??= programmeGazetteer(section.places);
    return gazetteer;
  };
  let smallWords: SmallWords | undefined;
  const persons: PersonWords = {
    titles: new Set(section.titles),
    givenNames: withBare(section.givenNames),
    neverNames: withBare(section.neverNames),
    organisationWords: withBare(section.organisationWords),
  };
  known = {
    section,
    kinds,
    looksFor: { person: kinds.has('person'), place: kinds.has('place'), email: kinds.has('email'), phone: kinds.has('phone') },
    persons,
    allowed: new Set(allowed.map((text) => text.toLowerCase())),
    allowedPattern:
      allowed.length === 0
        ? undefined
        : new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${allowed
              .sort((a, b) => b.length - a.length)
              .map((text) => patternText(text).replace(/\s+/g, '\\s+'))
              .join('|')})(?![\\p{L}\\p{N}])`,
            'giu',
          ),
    countries: new Map(Object.entries(section.countries).map(([name, code]) => [name.toLowerCase(), code])),
    countryCodes: [...new Set(Object.values(section.countries))],
    gazetteer: loadGazetteer,
    smallWords() {
      smallWords ??= new SmallWords(
        new Set([
          ...section.titles,
          ...PERSON_SMALL_WORDS,
          ...ORGANISATION_SMALL_WORDS,
          ...PLACE_SMALL_WORDS,
          ...CUED_PLACE_SMALL_WORDS,
          ...(kinds.has('place') ? loadGazetteer().innerWords : []),
        ]),
        (word) =>
          (persons.titles.has(word) ? SmallWordKind.title : 0) |
          (PLACE_CUE_WORDS.has(word) ? SmallWordKind.placeCue : 0) |
          (PLACE_PREPOSITIONS.has(word) ? SmallWordKind.placePreposition : 0) |
          (APPOSITION_NOUNS.has(word) ? SmallWordKind.appositionNoun : 0),
      );
      return smallWords;
    },
  };
  compiled.set(section, known);
  return known;
}
