import type { FragmentSchema } from '../schema/schema-types';

/** The layouts of an export (FORMAT.md §6). */
export const EXPORT_LAYOUTS = ['master', 'causal-map'] as const;
export type ExportLayout = (typeof EXPORT_LAYOUTS)[number];

/**
 * How the master workbook folds a schema into columns (FORMAT.md §6): each `list` field is a set
 * of one-hot columns `{key}_{label}`, each `yesno` field a 1/0 column. Derived from the schema, so
 * a programme's own `.fragmentrc.json` lists fold the same way.
 */
export interface MasterLayout {
  /** The folded fields in schema order, each with its column prefix and its listed labels. */
  readonly oneHot: ReadonlyArray<{ readonly key: string; readonly prefix: string; readonly labels: readonly string[] }>;
  /** The keys written `YES` for a 1 and `NO` otherwise. */
  readonly yesNo: ReadonlySet<string>;
}

export function masterLayout(schema: FragmentSchema): MasterLayout {
  return {
    oneHot: schema.fields.filter((field) => field.type === 'list').map((field) => ({ key: field.key, prefix: `${field.key}_`, labels: field.values })),
    yesNo: new Set(schema.fields.filter((field) => field.type === 'yesno').map((field) => field.key)),
  };
}
