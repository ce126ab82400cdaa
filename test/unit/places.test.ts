// The place finder of `possible-identifier` (FORMAT.md §8) over the programme's gazetteer
// (server/src/core/schema/place-names.json): gazetteer names, names a cue makes places, and what is never a place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gazetteerOf, type PlaceNamesData } from '../../server/src/core/anonymisation/place-data';
import { placeKey } from '../../server/src/core/anonymisation/place-words';
import { findPlaces } from '../../server/src/core/anonymisation/places';
import placeNames from '../../server/src/core/schema/place-names.json';

const data: PlaceNamesData = placeNames;
const gazetteer = gazetteerOf(data);
/** The places of a text, as written. */
const placesIn = (text: string, within = gazetteer) => findPlaces(text, within).map(({ start, end }) => text.slice(start, end));

describe('the gazetteer (place-names.json)', () => {
  it('holds the programme countries, with its attribution', () => {
    assert.deepEqual(Object.keys(data.names).sort(), ['BF', 'BI', 'CD', 'ET', 'IQ', 'KE', 'LB', 'ML', 'NE', 'NG', 'PS', 'SD', 'SO', 'SS', 'SY', 'UG', 'YE']);
    assert.match(data.attribution, /GeoNames.*CC BY 4\.0/);
    assert.match(data.source, /^cities\.json \d+\.\d+\.\d+$/);
    for (const [code, town] of [
      ['CD', 'Goma'],
      ['UG', 'Gulu'],
      ['ML', 'Mopti'],
      ['SS', 'Kajo Keji'],
      ['CD', 'Bunia'],
      ['CD', 'Masisi'],
    ] as const)
      assert.ok(data.names[code]?.includes(town), `${town} in ${code}`);
  });

  it('holds no province or region (admin-1): they are named as countries are, and identify nobody', () => {
    const all = Object.values(data.names).flat();
    for (const region of ['North Kivu', 'Ituri', 'Borno', 'Unity', 'Turkana', 'Darfur']) assert.ok(!all.includes(region), region);
  });

  it('holds no country, nationality, month, day or name of one or two letters', () => {
    const all = Object.values(data.names).flat();
    for (const never of ['Mali', 'Niger', 'Uganda', 'Congo', 'Somali', 'Sudan', 'Lebanon', 'March', 'Mai', 'Lundi', 'Sunday'])
      assert.ok(!all.includes(never), never);
    assert.ok(all.every((name) => placeKey(name).replace(/ /g, '').length > 2));
  });

  it('keeps names that are also words, given names or peoples for a cue only', () => {
    for (const name of ['Lira', 'Nuer', 'Bahati']) assert.ok(data.ambiguous.includes(name), name);
    for (const name of ['Goma', 'Gulu', 'Juba', 'Beni']) assert.ok(!data.ambiguous.includes(name), name);
  });
});

describe('findPlaces: gazetteer names', () => {
  it('finds a name as written with its capital, with exact offsets', () => {
    const text = 'The mediators met in Goma, then in Gulu.';
    assert.deepEqual(findPlaces(text, gazetteer), [
      { start: 21, end: 25 },
      { start: 35, end: 39 },
    ]);
    assert.deepEqual(placesIn('a goma of nothing, the gulu'), []);
  });

  it('finds the longest name of several words, with spaces or hyphens', () => {
    assert.deepEqual(placesIn('Women of Kajo Keji and Kajo-Keji met in Mbuji-Mayi and Mbuji Mayi.'), ['Kajo Keji', 'Kajo-Keji', 'Mbuji-Mayi', 'Mbuji Mayi']);
    assert.deepEqual(placesIn('Youth from Bobo-Dioulasso and Addis Ababa.'), ['Bobo-Dioulasso', 'Addis Ababa']);
    assert.deepEqual(placesIn('North Kivu, South Kivu and Nord-Kivu are provinces.'), []);
  });

  it('tolerates accents and apostrophes', () => {
    assert.deepEqual(placesIn('Ségou, Segou, SÉGOU and Ménaka, Menaka.'), ['Ségou', 'Segou', 'Ménaka', 'Menaka']);
    assert.deepEqual(placesIn("Murang'a and Murang’a and Muranga."), ["Murang'a", 'Murang’a', 'Muranga']);
  });

  it("reads the name before a possessive: Goma's youth", () => {
    assert.deepEqual(findPlaces("Goma's youth and Bunia’s women", gazetteer), [
      { start: 0, end: 4 },
      { start: 17, end: 22 },
    ]);
  });

  it("reads the name after an elided article: d'Uvira, l'Idiofa", () => {
    assert.deepEqual(placesIn("Les femmes d'Uvira et de l’Idiofa."), ['Uvira', 'Idiofa']);
  });

  it('gives the name alone, not its division word', () => {
    assert.deepEqual(placesIn('Gulu District, Kajo Keji County and the Masisi Territory.'), ['Gulu', 'Kajo Keji', 'Masisi']);
    assert.deepEqual(placesIn('Yei River County'), ['Yei River']);
  });

  it('finds an ambiguous name only beside a cue', () => {
    assert.deepEqual(placesIn('Lira is a currency; in Lira nothing is said; Unity matters; the Lakes are blue.'), []);
    assert.deepEqual(placesIn('Lira District, Lira town, Unity State, Lakes State, the town of Lira, province du Tanganyika.'), ['Lira', 'Lira', 'Lira']);
    assert.deepEqual(placesIn('Nuer and Dinka youth met; Nuer County sent two.'), ['Nuer']);
  });

  it('reads no name after a title or a given name as a place: it is a person', () => {
    assert.deepEqual(placesIn('Mr Goma and Dr. Beni spoke; Jean Bunia too.'), []);
  });

  it('adds the harvest’s own places, found without a cue', () => {
    const withOwn = gazetteerOf(data, ['Kasenyi', 'Nyiragongo Volcano']);
    assert.deepEqual(placesIn('From Kasenyi to Nyiragongo Volcano.', withOwn), ['Kasenyi', 'Nyiragongo Volcano']);
    assert.deepEqual(placesIn('From Kasenyi.'), []);
  });
});

describe('findPlaces: a name a cue makes a place', () => {
  it('English cues before the name', () => {
    assert.deepEqual(placesIn('In the village of Kasenyi, the town of Kiwalaba, the city of Ntamugenga and the district of Mukuru.'), [
      'Kasenyi',
      'Kiwalaba',
      'Ntamugenga',
      'Mukuru',
    ]);
    assert.deepEqual(placesIn('the county of Rwambuka, the parish of Kitoba, the camp of Ndokola'), ['Rwambuka', 'Kitoba', 'Ndokola']);
  });

  it('English cues after the name', () => {
    assert.deepEqual(placesIn('Kasenyi village, Kiwalaba town, Rwambuka District, Kitoba district, Ndokola County, Mukuru Sub-county.'), [
      'Kasenyi',
      'Kiwalaba',
      'Rwambuka',
      'Kitoba',
      'Ndokola',
      'Mukuru',
    ]);
    assert.deepEqual(placesIn('Families in Kanyaruzi IDP camp and Nyamugali refugee settlement.'), ['Kanyaruzi', 'Nyamugali']);
    assert.deepEqual(placesIn('In Kasenyi village'), ['Kasenyi']);
  });

  it('French cues', () => {
    assert.deepEqual(
      placesIn(
        'Le village de Kasenyi, la ville de Kiwalaba, le territoire de Rwambuka, la commune de Kitoba, la localité de Ndokola, le quartier Mukuru, le cercle de Tinzawa.',
      ),
      ['Kasenyi', 'Kiwalaba', 'Rwambuka', 'Kitoba', 'Ndokola', 'Mukuru', 'Tinzawa'],
    );
    assert.deepEqual(
      placesIn(
        'La chefferie de Bwisha, le groupement de Kisigari, le secteur de Ruwenzori, le district de Tshangu, le camp de Lushebere, le camp de déplacés de Kanyaruzi.',
      ),
      ['Bwisha', 'Kisigari', 'Ruwenzori', 'Tshangu', 'Lushebere', 'Kanyaruzi'],
    );
    assert.deepEqual(placesIn("la ville d'Itebero"), ['Itebero']);
  });

  it('a name of several words, at most three', () => {
    assert.deepEqual(placesIn('the village of Kiri Kiri Ntaba, Mwaro Nkoko District'), ['Kiri Kiri Ntaba', 'Mwaro Nkoko']);
    assert.deepEqual(placesIn('the Women Human Rights Defenders Network district'), []);
  });

  it('not a word that names nothing before the cue', () => {
    assert.deepEqual(placesIn('Each village sent two. Every district, Rural district and Host district. The county agreed. Refugee settlement rules.'), []);
    assert.deepEqual(placesIn("Our village. The Chief's village. Mr village."), []);
  });
});

describe('findPlaces: never a place', () => {
  it('a country, in any form', () => {
    assert.deepEqual(placesIn('au Mali, in Uganda, en RDC, in DR Congo, au Burkina Faso, in South Sudan, the Congolese army, au Niger.'), []);
    assert.deepEqual(placesIn('the district of Uganda, Mali District'), []);
  });

  it('a placeholder', () => {
    assert.deepEqual(placesIn('In <LOC>, the <Goma> office, <village of Kasenyi>.'), []);
    assert.deepEqual(findPlaces('<LOC> and Goma', gazetteer), [{ start: 10, end: 14 }]);
  });

  it('a month, a day, an organisation word alone, an acronym', () => {
    assert.deepEqual(placesIn('In March, on Monday, the Foundation met UNICEF, GOMA and SECHA.'), []);
  });
});
