import { confidentialityOf } from '../confidentiality';
import { fold, foldListed, nearMatches } from '../near';
import { type Field, type Fragment, fieldNamed, type ParsedFile } from '../parse';
import { Severity } from '../rules/rule';
import type { FieldSchema, FragmentSchema } from '../schema/schema-types';
import { listEntries } from '../values';

/** The group of a confidential fragment whose value is none of the field's listed values: its own words are never shown. */
export const OTHER_CONFIDENTIAL = 'Other (confidential)';

/** What the harvest summary needs of one fragment: plain data, made when its file is checked. */
export interface FragmentRecord {
  /** The FragmentID as written; empty when the fragment has none. */
  readonly id: string;
  readonly line: number;
  readonly confidential: boolean;
  /**
   * Its values by dimension name (and the matrix's two fields by their keys), in the field's
   * listed spelling when listed. A confidential fragment's value that is not listed (nor a year)
   * is `OTHER_CONFIDENTIAL`: counted, never shown.
   */
  readonly values: Readonly<Record<string, readonly string[]>>;
  readonly evidence: 'present' | 'empty' | 'missing';
  /** Its diagnostics, counted by code, with their severity. */
  readonly problems: Readonly<Record<string, { readonly severity: number; readonly count: number }>>;
}

export interface FileRecord {
  readonly uri: string;
  readonly fragments: readonly FragmentRecord[];
  /** The severity of `duplicate-id` in this file (LSP severity), or undefined when it is off. */
  readonly duplicateIdSeverity: number | undefined;
}

/** The records of one checked file: its fragments' values and its diagnostics, each counted in the fragment it falls in. */
export function fileRecord(
  uri: string,
  file: ParsedFile,
  diagnostics: ReadonlyArray<{ readonly code?: number | string; readonly severity?: number; readonly range: { readonly start: { readonly line: number } } }>,
  schema: FragmentSchema,
  duplicateIdSeverity: number | undefined,
): FileRecord {
  const { keys, counted } = layoutOf(schema);
  const problems = file.fragments.map(() => new Map<string, { severity: number; count: number }>());
  for (const diagnostic of diagnostics) {
    // Text before the first fragment counts for the first; text after a separator for the one before it.
    const line = diagnostic.range.start.line;
    let index = 0;
    for (let candidate = file.fragments.length - 1; candidate > 0; candidate--) {
      if ((file.fragments[candidate] as Fragment).startLine <= line) {
        index = candidate;
        break;
      }
    }
    const counts = problems[index];
    if (!counts) continue;
    const code = String(diagnostic.code);
    const entry = counts.get(code) ?? { severity: diagnostic.severity ?? Severity.error, count: 0 };
    entry.count++;
    counts.set(code, entry);
  }
  const fragments = file.fragments.map((fragment, index): FragmentRecord => {
    const confidential = confidentialityOf(fragment, schema).confidential;
    const values: Record<string, string[]> = {};
    for (const { name, key, schemaField } of counted) {
      const field = harvestField(fragment, key, keys);
      values[name] = field && schemaField ? shownValues(field, schemaField, confidential) : [];
    }
    const evidenceKey = schema.preview.evidence;
    const evidenceField = evidenceKey === undefined ? undefined : harvestField(fragment, evidenceKey, keys);
    return {
      id: harvestField(fragment, schema.idField, keys)?.value ?? '',
      line: fragment.startLine,
      confidential,
      values,
      evidence: !evidenceField ? 'missing' : evidenceField.value === '' ? 'empty' : 'present',
      problems: Object.fromEntries(problems[index] ?? []),
    };
  });
  return { uri, fragments, duplicateIdSeverity };
}

const layouts = new WeakMap<FragmentSchema, { keys: string[]; counted: Array<{ name: string; key: string; schemaField: FieldSchema | undefined }> }>();

/** What is counted, worked out once per schema. */
function layoutOf(schema: FragmentSchema) {
  let layout = layouts.get(schema);
  if (!layout) {
    const { dimensions, matrix } = schema.harvest;
    const counted = [
      ...dimensions.map((dimension) => ({ name: dimension.name, key: dimension.field })),
      ...(matrix ? [matrix.rows, matrix.columns].map((key) => ({ name: key, key })) : []),
    ].map((entry) => ({ ...entry, schemaField: schema.fields.find((field) => field.key === entry.key) }));
    layout = { keys: schema.fields.flatMap((field) => [field.key, ...field.aliases]), counted };
    layouts.set(schema, layout);
  }
  return layout;
}

/** Per schema's keys, the field a misspelt key clearly nearly names: the same slips recur in every file of a harvest. */
const nearKeysOf = new WeakMap<readonly string[], Map<string, string | undefined>>();

/**
 * The field of a fragment that names `key`, or else one under a misspelt key whose clearly
 * nearest field is `key` (the harvest's `coutnry` is its Country).
 */
function harvestField(fragment: Fragment, key: string, keys: readonly string[]): Field | undefined {
  const named = fieldNamed(fragment, key);
  if (named) return named;
  let nearKeys = nearKeysOf.get(keys);
  if (!nearKeys) {
    nearKeys = new Map();
    nearKeysOf.set(keys, nearKeys);
  }
  for (const field of fragment.fields) {
    if (field.schemaField !== undefined) continue;
    if (!nearKeys.has(field.key)) {
      if (nearKeys.size > 10_000) nearKeys.clear(); // a bound, should a harvest misspell without end
      nearKeys.set(field.key, nearMatches(field.key, keys).unique);
    }
    if (nearKeys.get(field.key) === key) return field;
  }
  return undefined;
}

/** A field's values as the summary counts them: listed spelling, years as whole numbers, confidential words hidden. */
function shownValues(field: Field, schemaField: FieldSchema, confidential: boolean): string[] {
  const raw = schemaField.type === 'list' ? listEntries(field).map((entry) => entry.text) : field.value === '' ? [] : [field.value];
  return [
    ...new Set(
      raw.map((value) => {
        const folded = fold(value);
        const listed = schemaField.values.find((candidate) => foldListed(candidate) === folded);
        if (listed !== undefined) return listed;
        const year = schemaField.type === 'year' ? /^(\d{4})(?:\.0+)?$/.exec(value.trim()) : null;
        if (year) return year[1] as string;
        return confidential ? OTHER_CONFIDENTIAL : value;
      }),
    ),
  ];
}
