import type { PlaceNamesData } from './places';
import { type Gazetteer, gazetteerOf } from './places';

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
