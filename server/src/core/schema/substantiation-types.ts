import * as z from 'zod/mini';
import { lazily, nonEmptyString } from './zod-mini';

/** What an answer on the substantiation scale says (FORMAT.md §9), whatever its words. */
export const agreements = ['agrees', 'partly agrees', 'disagrees', 'does not know'] as const;
export type Agreement = (typeof agreements)[number];

/** What the status field says of an outcome's substantiation, whatever its words. */
export const substantiationStages = ['selected', 'sent', 'answered', 'not substantiated'] as const;
export type SubstantiationStage = (typeof substantiationStages)[number];

/**
 * zod's schema of the substantiation section (FORMAT.md §9), made on first use (see
 * `schemaSchemas`). The fields it names are fields of the schema like any other; this section
 * says what each one is for, so that a harvest may name them in its own words.
 */
export const substantiationSchemas = lazily(() => {
  const substantiationSchema = z.strictObject({
    /** The choice field that says where an outcome's substantiation stands, and its value for each stage. */
    statusField: z.string(),
    statuses: z.strictObject({
      selected: nonEmptyString(),
      sent: nonEmptyString(),
      answered: nonEmptyString(),
      'not substantiated': nonEmptyString(),
    }),
    /** The text field naming who substantiated the outcome (a role and an organisation). */
    substantiatorField: z.string(),
    /** The text field for what the substantiator adds. */
    commentsField: z.string(),
    /** The parts a substantiator is asked about: the answer's field, and the field whose text is shown for it. */
    parts: z
      .array(
        z.strictObject({
          name: z.string().check(z.regex(/^[a-z][a-z-]*$/)),
          field: z.string(),
          about: z.string(),
        }),
      )
      .check(z.minLength(1)),
    /** The answers of the scale, in the order offered, each with what it says. */
    scale: z.array(z.strictObject({ value: nonEmptyString(), agreement: z.enum(agreements) })).check(z.minLength(2)),
  });
  return { substantiationSchema };
});

export type SubstantiationSchema = z.output<ReturnType<typeof substantiationSchemas>['substantiationSchema']>;

/** The keys of the fields a substantiation section names: status, substantiator, comments, then each part's answer. */
export function substantiationFieldKeys(section: SubstantiationSchema): string[] {
  return [section.statusField, section.substantiatorField, section.commentsField, ...section.parts.map((part) => part.field)];
}

/** The fields a substantiation section names, with where each reference stands (the schema's check that each exists). */
export function substantiationReferences(section: SubstantiationSchema): Array<[string, (string | number)[]]> {
  return [
    [section.statusField, ['substantiation', 'statusField']],
    [section.substantiatorField, ['substantiation', 'substantiatorField']],
    [section.commentsField, ['substantiation', 'commentsField']],
    ...section.parts.flatMap(
      (part, index): Array<[string, (string | number)[]]> => [
        [part.field, ['substantiation', 'parts', index, 'field']],
        [part.about, ['substantiation', 'parts', index, 'about']],
      ],
    ),
  ];
}
