import * as l10n from '@vscode/l10n';
import { z } from 'zod';
import { qualitySchema } from './quality-types';

/** The field types of FORMAT.md §3, by their own names. */
export const fieldTypes = ['id', 'text', 'choice', 'vocabulary', 'list', 'year', 'yesno', 'flag', 'derived'] as const;
export type FieldType = (typeof fieldTypes)[number];

const valuePattern = z
  .object({
    /** A JavaScript regular expression the whole value must match. */
    regex: z.string().refine(isValidRegex, { error: () => l10n.t('Not a valid regular expression') }),
    /** How a writer should read the pattern, e.g. `harvest N (N a whole number)`. */
    description: z.string(),
  })
  .strict();

export const fieldSchema = z
  .object({
    key: z.string().trim().min(1),
    type: z.enum(fieldTypes),
    required: z.boolean().default(false),
    /** What the field means for an outcome harvester (hover, messages). */
    description: z.string().default(''),
    /** Other keys that name this field (reported as non-canonical, renamed on fix). */
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** Allowed values of closed fields, listed entries of open ones. */
    values: z.array(z.string().trim().min(1)).default([]),
    /** What each listed value means (hover on a value). */
    valueDescriptions: z.record(z.string(), z.string()).default({}),
    /** Spellings accepted as they are, beside the canonical values (`1.0` for a flag). */
    acceptedAsIs: z.array(z.string()).default([]),
    pattern: valuePattern.optional(),
    /** Year fields: the first allowed year (the last is the current year). */
    minYear: z.number().int().optional(),
  })
  .strict();
export type FieldSchema = z.output<typeof fieldSchema>;

export const mergedStorySchema = z
  .object({
    /** The derived field that stores the story. */
    field: z.string(),
    /** Text between two parts. */
    separator: z.string().default('  '),
    parts: z.array(z.object({ field: z.string(), label: z.string().default('') }).strict()).min(1),
  })
  .strict();
export type MergedStorySchema = z.output<typeof mergedStorySchema>;

export const objectiveCheckSchema = z
  .object({
    /** The field holding the id; its first capture group is the objective code. */
    idField: z.string(),
    idCodePattern: z.string().refine(isValidRegex, { error: () => l10n.t('Not a valid regular expression') }),
    objectiveField: z.string(),
    objectiveCodePattern: z.string().refine(isValidRegex, { error: () => l10n.t('Not a valid regular expression') }),
  })
  .strict();
export type ObjectiveCheck = z.output<typeof objectiveCheckSchema>;

export const confidentialitySchema = z
  .object({
    /** The flag field that says whether a fragment may be shared. */
    field: z.string(),
    /** The only values that mean "may be shared"; anything else, empty or missing included, is confidential. */
    publicValues: z.array(z.string()).min(1),
  })
  .strict();
export type Confidentiality = z.output<typeof confidentialitySchema>;

export const previewSchema = z
  .object({
    /** Fields shown as badges under the title, in this order. */
    badges: z.array(z.string()).default([]),
    /** The field whose emptiness the preview warns about. */
    evidence: z.string().optional(),
    /** Fields whose entries are shown as chips. */
    chips: z.array(z.string()).default([]),
  })
  .strict();
export type PreviewSchema = z.output<typeof previewSchema>;

/** How the Harvest view and dashboard sum the harvest up: which fields group it, which two ratings cross. */
export const harvestSchema = z
  .object({
    /** The fields the harvest is grouped and counted by, in the order offered; `name` is a stable identifier. */
    dimensions: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/),
            label: z.string(),
            field: z.string(),
            /** How its groups are ordered: the field's listed values, years in order, or the largest group first. */
            order: z.enum(['listed', 'chronological', 'count']).default('count'),
          })
          .strict(),
      )
      .default([]),
    /** Two rating fields counted against each other (rows, then columns), in their listed values. */
    matrix: z.object({ rows: z.string(), columns: z.string() }).strict().optional(),
  })
  .strict();
export type HarvestSchema = z.output<typeof harvestSchema>;

export const fragmentSchemaSchema = z
  .object({
    name: z.string(),
    /** The field that starts a fragment and names it. */
    idField: z.string(),
    fields: z.array(fieldSchema).min(1),
    mergedStory: mergedStorySchema.optional(),
    objectiveCheck: objectiveCheckSchema.optional(),
    confidentiality: confidentialitySchema.optional(),
    preview: previewSchema.default({ badges: [], chips: [] }),
    /**
     * Values that say nothing (`N/A`, `TBD`, `néant`): alone in a required text field they count
     * as empty (FORMAT.md §2). Compared ignoring case.
     */
    nonAnswers: z.array(z.string().trim().min(1)).default([]),
    harvest: harvestSchema.default({ dimensions: [] }),
    /** The quality hints of FORMAT.md §7: their fields, word lists and explanations. */
    quality: qualitySchema.optional(),
  })
  .strict()
  .superRefine((schema, context) => {
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
    if (schema.harvest.matrix) {
      references.push([schema.harvest.matrix.rows, ['harvest', 'matrix', 'rows']]);
      references.push([schema.harvest.matrix.columns, ['harvest', 'matrix', 'columns']]);
    }
    for (const [key, path] of references) {
      if (!known(key)) context.addIssue({ code: 'custom', path, message: l10n.t('No field "{0}" in the schema', key) });
    }
  });
export type FragmentSchema = z.output<typeof fragmentSchemaSchema>;
export type FragmentSchemaInput = z.input<typeof fragmentSchemaSchema>;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
