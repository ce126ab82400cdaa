import { NEVER_NAME_WORDS, PROGRAMME_COUNTRIES } from '../schema/anonymisation-defaults';
import { placeKey } from './place-words';

/** schema/place-names.json: the programme countries' places, cut from GeoNames by scripts/place-names.ts. */
export interface PlaceNamesData {
  readonly attribution: string;
  readonly source: string;
  /** Place names by ISO 3166 code, as GeoNames writes them (`Kajo Keji`, `Ségou`). */
  readonly names: Readonly<Record<string, readonly string[]>>;
  /** Names that are also words, given names or peoples (`Lira`, `Unity`, `Nuer`): places only beside a cue. */
  readonly ambiguous: readonly string[];
  /** Countries and nationalities, English and French: never a place. */
  readonly countries: readonly string[];
}

/** The places as the finder looks them up, built once (a few ms) and reused for every text. */
export interface Gazetteer {
  /** By key (`kajo keji`: lower case, no accents or apostrophes, one space between words): whether it needs a cue. */
  readonly names: ReadonlyMap<string, { readonly cueOnly: boolean }>;
  /** By the key of a name's first word: the most words a name starting with it has. */
  readonly longest: ReadonlyMap<string, number>;
  /** Keys of countries and nationalities, and of words that are never the name before or after a cue (`this`, `each`). */
  readonly notPlaces: ReadonlySet<string>;
  /** The words after the first of its names of several words (`es` of `dar es salaam`): small words the finder reads. */
  readonly innerWords: ReadonlySet<string>;
}

const CUE_ONLY = { cueOnly: true } as const;
const ANYWHERE = { cueOnly: false } as const;

export function gazetteerOf(data: PlaceNamesData, extraPlaces: readonly string[] = []): Gazetteer {
  const names = new Map<string, { readonly cueOnly: boolean }>();
  const longest = new Map<string, number>();
  const innerWords = new Set<string>();
  const ambiguous = new Set(data.ambiguous.map(placeKey));
  const add = (key: string, cueOnly: boolean) => {
    if (key === '') return;
    names.set(key, cueOnly ? CUE_ONLY : ANYWHERE);
    const space = key.indexOf(' ');
    const first = space < 0 ? key : key.slice(0, space);
    const parts = space < 0 ? undefined : key.split(' ');
    const count = parts === undefined ? 1 : parts.length;
    if (parts) for (let at = 1; at < parts.length; at++) innerWords.add(parts[at] as string);
    if ((longest.get(first) ?? 0) < count) longest.set(first, count);
  };
  for (const list of Object.values(data.names))
    for (const name of list) {
      const key = placeKey(name);
      add(key, ambiguous.has(key));
    }
  for (const name of extraPlaces) add(placeKey(name), false);
  const notPlaces = new Set([...data.countries, ...Object.keys(PROGRAMME_COUNTRIES), ...NEVER_NAME_WORDS, ...NOT_NAMES_BESIDE_CUE].map(placeKey));
  return { names, longest, notPlaces, innerWords };
}

/** Words a writer capitalises before `village` or after `district of` that name no place (`Each village`, `Rural district`). */
const NOT_NAMES_BESIDE_CUE = [
  ...'this that these those each every any some all both another other others our their his her its my your which what whose whichever such'.split(' '),
  ...'one two three four five six seven eight nine ten several many few most no same whole entire own first second third last next previous former'.split(' '),
  ...'new old nearby neighbouring neighboring adjacent surrounding local rural urban remote isolated small large big little major main key'.split(' '),
  ...'border market mining fishing farming trading frontier garrison capital provincial administrative model twin sister coastal island'.split(' '),
  ...'host target pilot project partner beneficiary selected participating covered concerned respective various different certain particular'.split(' '),
  ...'affected besieged occupied destroyed abandoned home native ancestral refugee refugees idp idps displaced transit camp sub'.split(' '),
  ...'mon ma mes notre nos votre vos leur leurs chaque tout toute tous toutes un une deux trois quel quelle autre autres meme grand grande petit'.split(' '),
  ...'petite nouveau nouvelle ancien ancienne rurale urbain urbaine'.split(' '),
];

let data: PlaceNamesData | undefined;

/**
 * The gazetteer of the programme's countries (schema/place-names.json, cut from GeoNames at
 * build time) with the schema's own places, read on first use: it is the largest of the check's
 * data. In the Node bundles this `require` names a file beside the bundle (scripts/build.mjs),
 * so that the server starts without reading it; the web worker's bundle holds it.
 */
export function programmeGazetteer(extraPlaces: readonly string[]): Gazetteer {
  data ??= require('../schema/place-names.json') as PlaceNamesData;
  return gazetteerOf(data, extraPlaces);
}
