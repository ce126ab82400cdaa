import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { anonymisationSchemas } from './anonymisation-types';
import { qualitySchemas } from './quality-types';
import { substantiationReferences, substantiationSchemas } from './substantiation-types';
import { lazily, nonEmptyString } from './zod-mini';

/** The field types of FORMAT.md §3, by their own names. */
export const fieldTypes = ['id', 'text', 'choice', 'vocabulary', 'list', 'year', 'yesno', 'flag', 'derived'] as const;
export type FieldType = (typeof fieldTypes)[number];

/**
 * zod's schemas of a fragment schema, made on first use: the server needs them only for a
 * `.fragmentrc.json` (the default schema is plain data), so a start without one does not pay for them.
 */
export const schemaSchemas = lazily(() => {
  const regexSource = () => z.string().check(z.refine(isValidRegex, { error: () => l10n.t('Not a valid regular expression') }));
  const emptyList = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), []);

  const valuePattern = z.strictObject({
    /** A JavaScript regular expression the whole value must match. */
    regex: regexSource(),
    /** How a writer should read the pattern, e.g. `harvest N (N a whole number)`. */
    description: z.string(),
  });

  const fieldSchema = z.strictObject({
    key: nonEmptyString(),
    type: z.enum(fieldTypes),
    required: z._default(z.boolean(), false),
    /** What the field means for an outcome harvester (hover, messages). */
    description: z._default(z.string(), ''),
    /** Other keys that name this field (reported as non-canonical, renamed on fix). */
    aliases: emptyList(nonEmptyString()),
    /** Allowed values of closed fields, listed entries of open ones. */
    values: emptyList(nonEmptyString()),
    /** What each listed value means (hover on a value). */
    valueDescriptions: z._default(z.record(z.string(), z.string()), {}),
    /** Spellings accepted as they are, beside the canonical values (`1.0` for a flag). */
    acceptedAsIs: emptyList(z.string()),
    pattern: z.optional(valuePattern),
    /** Year fields: the first allowed year (the last is the current year). */
    minYear: z.optional(z.number().check(z.int())),
  });

  const mergedStorySchema = z.strictObject({
    /** The derived field that stores the story. */
    field: z.string(),
    /** Text between two parts. */
    separator: z._default(z.string(), '  '),
    parts: z.array(z.strictObject({ field: z.string(), label: z._default(z.string(), '') })).check(z.minLength(1)),
  });

  const objectiveCheckSchema = z.strictObject({
    /** The field holding the id; its first capture group is the objective code. */
    idField: z.string(),
    idCodePattern: regexSource(),
    objectiveField: z.string(),
    objectiveCodePattern: regexSource(),
    /**
     * A new fragment's FragmentID in a harvest that has none of its objective yet (FORMAT.md §3):
     * `{code}` is the objective's code, `{number}` its first number (`001`).
     */
    newId: z.optional(z.string().check(z.refine((text) => text.includes('{code}') && text.includes('{number}'), { error: () => l10n.t('Must hold {0} and {1}', '{code}', '{number}') }))),
  });

  const confidentialitySchema = z.strictObject({
    /** The flag field that says whether a fragment may be shared. */
    field: z.string(),
    /** The only values that mean "may be shared"; anything else, empty or missing included, is confidential. */
    publicValues: z.array(z.string()).check(z.minLength(1)),
  });

  const previewSchema = z.strictObject({
    /** Fields shown as badges under the title, in this order. */
    badges: emptyList(z.string()),
    /** The field whose emptiness the preview warns about. */
    evidence: z.optional(z.string()),
    /** Fields whose entries are shown as chips. */
    chips: emptyList(z.string()),
  });

  /** How the Harvest view and dashboard sum the harvest up: which fields group it, which two ratings cross. */
  const harvestSchema = z.strictObject({
    /** The fields the harvest is grouped and counted by, in the order offered; `name` is a stable identifier. */
    dimensions: emptyList(
      z.strictObject({
        name: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9-]*$/)),
        label: z.string(),
        field: z.string(),
        /** How its groups are ordered: the field's listed values, years in order, or the largest group first. */
        order: z._default(z.enum(['listed', 'chronological', 'count']), 'count'),
      }),
    ),
    /** Two rating fields counted against each other (rows, then columns), in their listed values. */
    matrix: z.optional(z.strictObject({ rows: z.string(), columns: z.string() })),
  });

  const fragmentSchemaSchema = z
    .strictObject({
      name: z.string(),
      /** The field that starts a fragment and names it. */
      idField: z.string(),
      fields: z.array(fieldSchema).check(z.minLength(1)),
      mergedStory: z.optional(mergedStorySchema),
      objectiveCheck: z.optional(objectiveCheckSchema),
      confidentiality: z.optional(confidentialitySchema),
      preview: z._default(previewSchema, { badges: [], chips: [] }),
      /**
       * Values that say nothing (`N/A`, `TBD`, `néant`): alone in a required text field they count
       * as empty (FORMAT.md §2). Compared ignoring case.
       */
      nonAnswers: emptyList(nonEmptyString()),
      harvest: z._default(harvestSchema, { dimensions: [] }),
      /** The quality hints of FORMAT.md §7: their fields, word lists and explanations. */
      quality: z.optional(qualitySchemas().qualitySchema),
      /** The `possible-identifier` check of FORMAT.md §8: each kind's severity, the allowed texts, the word lists. */
      anonymisation: z.optional(anonymisationSchemas().anonymisationSchema),
      /** Substantiation (FORMAT.md §9): which fields hold an outcome's status, substantiator, answers and comments, and the scale. */
      substantiation: z.optional(substantiationSchemas().substantiationSchema),
    })
    .check(
      z.superRefine((schema, context) => {
        const keys = new Map<string, number>();
        schema.fields.forEach((field, index) => {
          for (const key of [field.key, ...field.aliases]) {
            const folded = key.replace(/\s+/g, ' ').toLowerCase();
            const previous = keys.get(folded);
            if (previous !== undefined && previous !== index) {
              context.addIssue({ code: 'custom', path: ['fields', index, 'key'], message: l10n.t('Key "{0}" names two fields', key) });
            }
            keys.set(folded, index);
          }
        });
        const known = (key: string) => schema.fields.some((field) => field.key === key);
        const references: Array<[string, (string | number)[]]> = [[schema.idField, ['idField']]];
        if (schema.mergedStory) {
          references.push([schema.mergedStory.field, ['mergedStory', 'field']]);
          schema.mergedStory.parts.forEach((part, index) => {
            references.push([part.field, ['mergedStory', 'parts', index, 'field']]);
          });
        }
        if (schema.objectiveCheck) {
          references.push([schema.objectiveCheck.idField, ['objectiveCheck', 'idField']]);
          references.push([schema.objectiveCheck.objectiveField, ['objectiveCheck', 'objectiveField']]);
        }
        if (schema.confidentiality) references.push([schema.confidentiality.field, ['confidentiality', 'field']]);
        if (schema.preview.evidence !== undefined) references.push([schema.preview.evidence, ['preview', 'evidence']]);
        schema.preview.badges.forEach((key, index) => {
          references.push([key, ['preview', 'badges', index]]);
        });
        schema.preview.chips.forEach((key, index) => {
          references.push([key, ['preview', 'chips', index]]);
        });
        schema.harvest.dimensions.forEach((dimension, index) => {
          references.push([dimension.field, ['harvest', 'dimensions', index, 'field']]);
        });
        if (schema.anonymisation?.countryField !== undefined) references.push([schema.anonymisation.countryField, ['anonymisation', 'countryField']]);
        if (schema.substantiation) references.push(...substantiationReferences(schema.substantiation));
        if (schema.harvest.matrix) {
          references.push([schema.harvest.matrix.rows, ['harvest', 'matrix', 'rows']]);
          references.push([schema.harvest.matrix.columns, ['harvest', 'matrix', 'columns']]);
        }
        for (const [key, path] of references) {
          if (!known(key)) context.addIssue({ code: 'custom', path, message: l10n.t('No field "{0}" in the schema', key) });
        }
      }),
    );

  return { fieldSchema, mergedStorySchema, objectiveCheckSchema, confidentialitySchema, previewSchema, harvestSchema, fragmentSchemaSchema };
});
type Schemas = ReturnType<typeof schemaSchemas>;

export type FieldSchema = z.output<Schemas['fieldSchema']>;
export type MergedStorySchema = z.output<Schemas['mergedStorySchema']>;
export type ObjectiveCheck = z.output<Schemas['objectiveCheckSchema']>;
export type Confidentiality = z.output<Schemas['confidentialitySchema']>;
export type PreviewSchema = z.output<Schemas['previewSchema']>;
export type HarvestSchema = z.output<Schemas['harvestSchema']>;
export type FragmentSchema = z.output<Schemas['fragmentSchemaSchema']>;
export type FragmentSchemaInput = z.input<Schemas['fragmentSchemaSchema']>;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
