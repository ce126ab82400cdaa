import { Severity } from '../rules/rule';
import type { FieldSchema, FragmentSchema } from '../schema/schema-types';
import { confidentialityOf } from '../story/confidentiality';
import { fold, foldListed } from '../text/near';
import { type Field, type Fragment, fieldNamed, type ParsedFile } from '../text/parse';
import { saysNothing } from '../values/non-answer';
import { listEntries } from '../values/values';

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
  const { counted } = layoutOf(schema);
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
      const field = fieldNamed(fragment, key);
      values[name] = field && schemaField ? shownValues(field, schemaField, confidential) : [];
    }
    const evidenceKey = schema.preview.evidence;
    const evidenceField = evidenceKey === undefined ? undefined : fieldNamed(fragment, evidenceKey);
    return {
      id: fieldNamed(fragment, schema.idField)?.value ?? '',
      line: fragment.startLine,
      confidential,
      values,
      evidence: !evidenceField ? 'missing' : saysNothing(evidenceField, schema) ? 'empty' : 'present',
      problems: Object.fromEntries(problems[index] ?? []),
    };
  });
  return { uri, fragments, duplicateIdSeverity };
}

const layouts = new WeakMap<FragmentSchema, { counted: Array<{ name: string; key: string; schemaField: FieldSchema | undefined }> }>();

/** What is counted, worked out once per schema. */
function layoutOf(schema: FragmentSchema) {
  let layout = layouts.get(schema);
  if (!layout) {
    const { dimensions, matrix } = schema.harvest;
    const counted = [
      ...dimensions.map((dimension) => ({ name: dimension.name, key: dimension.field })),
      ...(matrix ? [matrix.rows, matrix.columns].map((key) => ({ name: key, key })) : []),
      // Each substantiated part's answers (FORMAT.md §9), by the answer field's key.
      ...(schema.substantiation?.parts ?? []).map((part) => ({ name: part.field, key: part.field })),
    ].map((entry) => ({ ...entry, schemaField: schema.fields.find((field) => field.key === entry.key) }));
    layout = { counted };
    layouts.set(schema, layout);
  }
  return layout;
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
