import { z } from 'zod';

/**
 * The words of one language that the quality hints (FORMAT.md §7) look for. An entry is a word
 * or a phrase, matched case-insensitively on word boundaries; `*` stands for any letters
 * (`sensibilis*` matches sensibilisé, sensibilisées…).
 */
export const qualityWordsSchema = z
  .object({
    /** Frequent little words that tell this language from the others (which word lists a text gets). */
    markers: z.array(z.string()).default([]),
    /** Generic names of the programme in this language ("le programme", "nous"), beside the configured programme names. */
    programmeWords: z.array(z.string()).default([]),
    /** Words after which a programme name is no subject ("by PAX", "de l'alliance"). */
    prepositions: z.array(z.string()).default([]),
    /** Auxiliaries and adverbs that may stand between a subject and its verb ("has", "a", "ont"). */
    auxiliaries: z.array(z.string()).default([]),
    /** Verbs of programme activities: a description whose subject is the programme doing one reports an output. */
    activityVerbs: z.array(z.string()).default([]),
    /** Words that say another actor changed after the activity ("after which", "ce qui a conduit"). */
    changeConnectors: z.array(z.string()).default([]),
    /** Words that name a change only vaguely ("increased awareness", "renforcé"). */
    vagueWords: z.array(z.string()).default([]),
    /** Verbs of observable actions ("adopted", "opened"): with one of them, a vague word is not all the change says. */
    observableActions: z.array(z.string()).default([]),
    /** Words that say when (months, "since", "depuis"); years and dates are recognised by `timePatterns`. */
    timeWords: z.array(z.string()).default([]),
    /** Month names written with a capital letter only (English "May" is also a modal verb). */
    capitalisedTimeWords: z.array(z.string()).default([]),
    /** Words before a placeholder that make it stand for a date ("On <redacted>,", "Le <redacted>"). */
    timePrepositions: z.array(z.string()).default([]),
    /** Words that say what will or should happen ("will", "plans to", "prévoit de"). */
    futureMarkers: z.array(z.string()).default([]),
    /** Words that start a clause describing something else (a future marker after them is no future change). */
    relativePronouns: z.array(z.string()).default([]),
    /** A contribution that points elsewhere instead of answering ("see above", "idem"). */
    nonAnswers: z.array(z.string()).default([]),
    /** Verbs and nouns that name something the programme did ("trained", "funded", "workshop"). */
    contributionActions: z.array(z.string()).default([]),
    /** Words left out when comparing the significance with the description. */
    stopWords: z.array(z.string()).default([]),
  })
  .strict();
export type QualityWords = z.output<typeof qualityWordsSchema>;
export type QualityWordList = keyof QualityWords;

/** What a hover says of one quality code: the criterion in two sentences, a good and a weak example. */
export const qualityExplanationSchema = z.object({ title: z.string(), criterion: z.string(), good: z.string(), weak: z.string() }).strict();
export type QualityExplanation = z.output<typeof qualityExplanationSchema>;

export const qualitySchema = z
  .object({
    /** The fields the hints read, by their keys in the schema. */
    fields: z
      .object({
        description: z.string(),
        significance: z.string(),
        contribution: z.string(),
        status: z.string(),
        ratingSignificance: z.string(),
      })
      .strict(),
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
    restatedShare: z.number().min(0).max(1),
    /** `unsupported-rating`: a significance of one sentence shorter than this many words is too short for `high`. */
    shortSignificanceWords: z.number().int().min(1),
    explanations: z.record(z.string(), qualityExplanationSchema),
  })
  .strict();
export type QualitySchema = z.output<typeof qualitySchema>;

/** What a `.fragmentrc.json` may change of the quality hints: the programme's names and the word lists. */
export const qualityConfigSchema = z
  .object({
    programmeNames: z.array(z.string().trim().min(1)).describe('Your programme’s own names (alliance, partners, "we"). Replaces the default list.'),
    addProgrammeNames: z.array(z.string().trim().min(1)).describe('Names added to the default list of the programme’s names.'),
    words: z
      .record(z.string(), qualityWordsSchema.partial())
      .describe('Word lists by language code ("en", "fr", or a new one), each list replacing the default one.'),
    addWords: z.record(z.string(), qualityWordsSchema.partial()).describe('Words added to the default lists, by language code.'),
  })
  .partial()
  .strict();
export type QualityConfig = z.output<typeof qualityConfigSchema>;

/** The quality section with a configuration's changes applied. */
export function applyQualityConfig(base: QualitySchema, config: QualityConfig): QualitySchema {
  const programmeNames = [...(config.programmeNames ?? base.programmeNames), ...(config.addProgrammeNames ?? [])];
  const languages: Record<string, QualityWords> = { ...base.languages };
  const change = (changes: QualityConfig['words'], replace: boolean) => {
    for (const [language, lists] of Object.entries(changes ?? {})) {
      const current: QualityWords = { ...qualityWordsSchema.parse({}), ...languages[language] };
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
