// The telephone numbering plans of the programme's countries, cut at build time from
// libphonenumber-js's own metadata (Google's libphonenumber data): 4 KB instead of 83 KB.
import { createRequire } from 'node:module';
import { PROGRAMME_COUNTRY_CODES } from '../server/src/core/schema/anonymisation-defaults';

interface Metadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
}

export function phoneMetadataJson(): string {
  const require = createRequire(__filename);
  const full = require('libphonenumber-js/metadata.min.json') as Metadata;
  const keep = new Set<string>(PROGRAMME_COUNTRY_CODES);
  const countries = Object.fromEntries([...keep].sort().map((code) => [code, full.countries[code]]));
  const callingCodes: Record<string, string[]> = {};
  for (const [code, regions] of Object.entries(full.country_calling_codes)) {
    const ours = regions.filter((region) => keep.has(region));
    if (ours.length > 0) callingCodes[code] = ours;
  }
  const version = (require('libphonenumber-js/package.json') as { version: string }).version;
  return `${JSON.stringify({ generatedFrom: `libphonenumber-js ${version}`, version: full.version, country_calling_codes: callingCodes, countries })}\n`;
}
