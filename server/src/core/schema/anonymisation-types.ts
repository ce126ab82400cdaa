import * as z from 'zod/mini';
import { severitySettings } from './config-names';
import { described, lazily, nonEmptyString } from './zod-mini';

/** zod's schemas of the anonymisation section (FORMAT.md §8), made on first use (see `schemaSchemas`). */
export const anonymisationSchemas = lazily(() => {
  const list = () => z._default(z.array(z.string()), []);
  const kind = () => z._default(z.enum(severitySettings), 'warning');

  const anonymisationSchema = z.strictObject({
    /** The severity of each kind of `possible-identifier`, or "off". */
    person: kind(),
    place: kind(),
    email: kind(),
    phone: kind(),
    /** Texts the harvest allows: never reported, compared ignoring case ("Allow … in this harvest"). */
    allow: list(),
    /** The field whose value names the fragment's country, and the ISO 3166 code of each value (telephone plans). */
    countryField: z.optional(z.string()),
    countries: z._default(z.record(z.string(), z.string()), {}),
    /** Titles and honorifics before a person's name (`Mrs`, `Maître`), without their dot. */
    titles: list(),
    /** Given names that start a person's name when a family name follows. */
    givenNames: list(),
    /** Words that make a capitalised run an organisation's name, not a person's (`Foundation`, `Radio`). */
    organisationWords: list(),
    /** Capitalised words that never start or carry a person's name (months, sentence openers, roles). */
    neverNames: list(),
    /** Places below the country, beside the gazetteer of the programme's countries. */
    places: list(),
    /** What each kind is replaced with ("Replace with <person>"). */
    placeholders: z._default(z.strictObject({ person: z.string(), place: z.string(), email: z.string(), phone: z.string() }), {
      person: '<person>',
      place: '<LOC>',
      email: '<redacted>',
      phone: '<redacted>',
    }),
  });

  const setting = (what: string) => described(z.enum(severitySettings), `The severity of ${what} found in the text, or "off".`);
  const added = (what: string) => described(z.array(nonEmptyString()), `${what}, added to the default list.`);
  /** What a `.fragmentrc.json` may change of the check: each kind's severity, the allowed texts, more words. */
  const anonymisationConfigSchema = z.partial(
    z.strictObject({
      person: setting('person names'),
      place: setting('places below the country'),
      email: setting('e-mail addresses'),
      phone: setting('telephone numbers'),
      allow: described(
        z.array(nonEmptyString()),
        'Texts that are not identifying in this harvest (an organisation that reads as a name, a public figure): never reported. Compared ignoring case.',
      ),
      addTitles: added('Titles and honorifics that come before a name (without their dot)'),
      addGivenNames: added('Given names that start a person’s name'),
      addOrganisationWords: added('Words that make a capitalised name an organisation’s, not a person’s'),
      addPlaces: added('Places below the country to look for (villages, districts)'),
    }),
  );

  return { anonymisationSchema, anonymisationConfigSchema };
});
type Schemas = ReturnType<typeof anonymisationSchemas>;

export type AnonymisationSchema = z.output<Schemas['anonymisationSchema']>;
export type AnonymisationConfig = z.output<Schemas['anonymisationConfigSchema']>;

/** The anonymisation section with a configuration's changes applied: settings replaced, lists added to. */
export function applyAnonymisationConfig(base: AnonymisationSchema, config: AnonymisationConfig): AnonymisationSchema {
  const plus = (list: readonly string[], more: readonly string[] | undefined) => (more ? [...new Set([...list, ...more])] : [...list]);
  return {
    ...base,
    person: config.person ?? base.person,
    place: config.place ?? base.place,
    email: config.email ?? base.email,
    phone: config.phone ?? base.phone,
    allow: plus(base.allow, config.allow),
    titles: plus(base.titles, config.addTitles),
    givenNames: plus(base.givenNames, config.addGivenNames),
    organisationWords: plus(base.organisationWords, config.addOrganisationWords),
    places: plus(base.places, config.addPlaces),
  };
}
