import * as z from 'zod/mini';
import { described, lazily, nonEmptyString } from './zod-mini';

/** zod's schemas of the quality section, made on first use (see `schemaSchemas`). */
export const qualitySchemas = lazily(() => {
  /**
   * The words of one language that the quality hints (FORMAT.md §7) look for. An entry is a word
   * or a phrase, matched case-insensitively on word boundaries; `*` stands for any letters
   * (`sensibilis*` matches sensibilisé, sensibilisées…).
   */
  const qualityWordsSchema = z.strictObject({
    /** Frequent little words that tell this language from the others (which word lists a text gets). */
    markers: z._default(z.array(z.string()), []),
    /** Generic names of the programme in this language ("le programme", "nous"), beside the configured programme names. */
    programmeWords: z._default(z.array(z.string()), []),
    /** Words after which a programme name is no subject ("by PAX", "de l'alliance"). */
    prepositions: z._default(z.array(z.string()), []),
    /** Auxiliaries and adverbs that may stand between a subject and its verb ("has", "a", "ont"). */
    auxiliaries: z._default(z.array(z.string()), []),
    /** Verbs of programme activities: a description whose subject is the programme doing one reports an output. */
    activityVerbs: z._default(z.array(z.string()), []),
    /** Words that say another actor changed after the activity ("after which", "ce qui a conduit"). */
    changeConnectors: z._default(z.array(z.string()), []),
    /** Words that name a change only vaguely ("increased awareness", "renforcé"). */
    vagueWords: z._default(z.array(z.string()), []),
    /** Verbs of observable actions ("adopted", "opened"): with one of them, a vague word is not all the change says. */
    observableActions: z._default(z.array(z.string()), []),
    /** Words that say when (months, "since", "depuis"); years and dates are recognised by `timePatterns`. */
    timeWords: z._default(z.array(z.string()), []),
    /** Month names written with a capital letter only (English "May" is also a modal verb). */
    capitalisedTimeWords: z._default(z.array(z.string()), []),
    /** Words before a placeholder that make it stand for a date ("On <redacted>,", "Le <redacted>"). */
    timePrepositions: z._default(z.array(z.string()), []),
    /** Words that say what will or should happen ("will", "plans to", "prévoit de"). */
    futureMarkers: z._default(z.array(z.string()), []),
    /** Words that start a clause describing something else (a future marker after them is no future change). */
    relativePronouns: z._default(z.array(z.string()), []),
    /** A contribution that points elsewhere instead of answering ("see above", "idem"). */
    nonAnswers: z._default(z.array(z.string()), []),
    /** Verbs and nouns that name something the programme did ("trained", "funded", "workshop"). */
    contributionActions: z._default(z.array(z.string()), []),
    /** Words left out when comparing the significance with the description. */
    stopWords: z._default(z.array(z.string()), []),
  });

  /** What a hover says of one quality code: the criterion in two sentences, a good and a weak example. */
  const qualityExplanationSchema = z.strictObject({ title: z.string(), criterion: z.string(), good: z.string(), weak: z.string() });

  const qualitySchema = z.strictObject({
    /** The fields the hints read, by their keys in the schema. */
    fields: z.strictObject({
      description: z.string(),
      significance: z.string(),
      contribution: z.string(),
      status: z.string(),
      ratingSignificance: z.string(),
    }),
    /** The `Outcome status` value that claims an observed change, and the one for a change still to come. */
    outcomeStatus: z.string(),
    potentialStatus: z.string(),
    /** The `Rating significance` value that needs a significance that argues for it. */
    highRating: z.string(),
    /** The programme's own names (its alliance, partners, "we"): a description whose subject they are reports an activity. */
    programmeNames: z.array(z.string()),
    /** Placeholders that may hide a date: after a time preposition (`On <redacted>,`) they say when. */
    timePlaceholders: z.array(z.string()),
    /** Values that say nothing (`N/A`): left to `empty-field`, not reported again as a thin contribution. */
    emptyValues: z.array(z.string()),
    /** Years and dates, as JavaScript regular expressions (flag `u`), in any language. */
    timePatterns: z.array(z.string()),
    /** The word lists, by language code; a text gets the lists of the language its markers tell. */
    languages: z.record(z.string(), qualityWordsSchema),
    /** `significance-restates`: the share of the significance's words that are the description's. */
    restatedShare: z.number().check(z.gte(0), z.lte(1)),
    /** `unsupported-rating`: a significance of one sentence shorter than this many words is too short for `high`. */
    shortSignificanceWords: z.number().check(z.int(), z.gte(1)),
    explanations: z.record(z.string(), qualityExplanationSchema),
  });

  /** What a `.fragmentrc.json` may change of the quality hints: the programme's names and the word lists. */
  const qualityConfigSchema = z.partial(
    z.strictObject({
      programmeNames: described(z.array(nonEmptyString()), 'Your programme’s own names (alliance, partners, "we"). Replaces the default list.'),
      addProgrammeNames: described(z.array(nonEmptyString()), 'Names added to the default list of the programme’s names.'),
      words: described(
        z.record(z.string(), z.partial(qualityWordsSchema)),
        'Word lists by language code ("en", "fr", or a new one), each list replacing the default one.',
      ),
      addWords: described(z.record(z.string(), z.partial(qualityWordsSchema)), 'Words added to the default lists, by language code.'),
    }),
  );

  return { qualityWordsSchema, qualityExplanationSchema, qualitySchema, qualityConfigSchema };
});
type Schemas = ReturnType<typeof qualitySchemas>;

export type QualityWords = z.output<Schemas['qualityWordsSchema']>;
export type QualityExplanation = z.output<Schemas['qualityExplanationSchema']>;
export type QualitySchema = z.output<Schemas['qualitySchema']>;
export type QualityConfig = z.output<Schemas['qualityConfigSchema']>;
export type QualityWordList = keyof QualityWords;

/** The quality section with a configuration's changes applied. */
export function applyQualityConfig(base: QualitySchema, config: QualityConfig): QualitySchema {
  const programmeNames = [...(config.programmeNames ?? base.programmeNames), ...(config.addProgrammeNames ?? [])];
  const languages: Record<string, QualityWords> = { ...base.languages };
  const change = (changes: QualityConfig['words'], replace: boolean) => {
    for (const [language, lists] of Object.entries(changes ?? {})) {
      const current: QualityWords = { ...qualitySchemas().qualityWordsSchema.parse({}), ...languages[language] };
      for (const [list, words] of Object.entries(lists) as Array<[QualityWordList, string[] | undefined]>) {
        if (words) current[list] = replace ? words : [...current[list], ...words];
      }
      languages[language] = current;
    }
  };
  change(config.words, true);
  change(config.addWords, false);
  return { ...base, programmeNames, languages };
}
