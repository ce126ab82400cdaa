import { Severity } from '../rules/rule';
import type { FragmentSchema } from '../schema/schema-types';
import type { FileRecord, FragmentRecord } from './records';

/** The group of fragments that have no value for a dimension. */
export const NO_VALUE = '(none)';

/** One fragment as the Harvest view lists it; the dashboard refers to fragments by their index. */
export interface SummaryFragment {
  /** Its file: an index into `files`. */
  readonly file: number;
  readonly line: number;
  /** The FragmentID as written (empty when missing). Shown in the editor's view, never on the dashboard for a confidential fragment. */
  readonly id: string;
  readonly confidential: boolean;
  readonly evidence: FragmentRecord['evidence'];
  readonly problems: { readonly errors: number; readonly warnings: number; readonly other: number };
  /** Its `possible-identifier` findings: what sharing holds back (FORMAT.md §8). */
  readonly identifiers: number;
}

/** A value and the fragments (indexes into `fragments`) that hold it. */
export interface SummaryGroup {
  readonly value: string;
  readonly fragments: readonly number[];
}

export interface SummaryDimension {
  readonly name: string;
  readonly label: string;
  readonly field: string;
  readonly groups: readonly SummaryGroup[];
}

export interface HarvestSummary {
  /** The harvest's files (URIs), in order. */
  readonly files: readonly string[];
  readonly fragments: readonly SummaryFragment[];
  readonly totals: {
    readonly outcomes: number;
    readonly confidential: number;
    readonly withProblems: number;
    readonly withEvidence: number;
    /** Outcomes that still hold a possible identifying detail. */
    readonly withIdentifiers: number;
  };
  readonly dimensions: readonly SummaryDimension[];
  /** Two ratings against each other: `cells[row][column]` are fragment indexes; the last row and column are `NO_VALUE`. */
  readonly matrix?: {
    readonly rowField: string;
    readonly columnField: string;
    readonly rows: readonly string[];
    readonly columns: readonly string[];
    readonly cells: ReadonlyArray<ReadonlyArray<readonly number[]>>;
  };
  readonly evidence: { readonly field: string; readonly groups: readonly SummaryGroup[] };
  /** The substantiators' answers on each part asked about (FORMAT.md §9), in the scale's order; outcomes not answered are not counted. */
  readonly substantiation: ReadonlyArray<{ readonly name: string; readonly field: string; readonly about: string; readonly groups: readonly SummaryGroup[] }>;
  /** Each code found, most frequent first: its severity, how often, and in which fragments. */
  readonly problems: ReadonlyArray<{ readonly code: string; readonly severity: number; readonly occurrences: number; readonly fragments: readonly number[] }>;
}

export const EVIDENCE_GROUPS = { present: 'With evidence', empty: 'Evidence empty', missing: 'No evidence field' } as const;

/**
 * The harvest summed up: what the Harvest view and the dashboard show. Pure: the records of the
 * harvest's files in, plain data out. A FragmentID used in two files is a `duplicate-id` of each
 * (the records hold only the duplicates inside one file); `schema` orders the groups.
 */
export function harvestSummary(files: readonly FileRecord[], schema: FragmentSchema): HarvestSummary {
  const sorted = [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  // Per FragmentID, the one file that uses it, or null when several do.
  const fileUsing = new Map<string, string | null>();
  for (const file of sorted)
    for (const fragment of file.fragments) {
      if (fragment.id === '') continue;
      const known = fileUsing.get(fragment.id);
      if (known === undefined) fileUsing.set(fragment.id, file.uri);
      else if (known !== file.uri) fileUsing.set(fragment.id, null);
    }

  const fragments: SummaryFragment[] = [];
  const records: FragmentRecord[] = [];
  const problemsByCode = new Map<string, { severity: number; occurrences: number; fragments: number[] }>();
  for (const [fileIndex, file] of sorted.entries()) {
    for (const fragment of file.fragments) {
      const index = fragments.length;
      let codes = fragment.problems;
      const usedElsewhere = fragment.id !== '' && fileUsing.get(fragment.id) === null;
      if (usedElsewhere && file.duplicateIdSeverity !== undefined && !codes['duplicate-id'])
        codes = { ...codes, 'duplicate-id': { severity: file.duplicateIdSeverity, count: 1 } };
      const problems = { errors: 0, warnings: 0, other: 0 };
      for (const code in codes) {
        const { severity, count } = codes[code] as { severity: number; count: number };
        if (severity === Severity.error) problems.errors += count;
        else if (severity === Severity.warning) problems.warnings += count;
        else problems.other += count;
        const entry = problemsByCode.get(code) ?? { severity, occurrences: 0, fragments: [] };
        entry.severity = Math.min(entry.severity, severity);
        entry.occurrences += count;
        entry.fragments.push(index);
        problemsByCode.set(code, entry);
      }
      const identifiers = codes['possible-identifier']?.count ?? 0;
      fragments.push({
        file: fileIndex,
        line: fragment.line,
        id: fragment.id,
        confidential: fragment.confidential,
        evidence: fragment.evidence,
        problems,
        identifiers,
      });
      records.push(fragment);
    }
  }

  const dimensions = schema.harvest.dimensions.map((dimension): SummaryDimension => {
    const listed = schema.fields.find((field) => field.key === dimension.field)?.values ?? [];
    return { ...dimension, groups: ordered(groupBy(records, dimension.name), dimension.order, listed) };
  });
  const evidence = {
    field: schema.preview.evidence ?? '',
    groups: nonEmpty(groupsOf(records, (record) => [EVIDENCE_GROUPS[record.evidence]], Object.values(EVIDENCE_GROUPS))),
  };
  return {
    files: sorted.map((file) => file.uri),
    fragments,
    totals: {
      outcomes: fragments.length,
      confidential: fragments.filter((fragment) => fragment.confidential).length,
      withProblems: fragments.filter((fragment) => fragment.problems.errors + fragment.problems.warnings > 0).length,
      withEvidence: fragments.filter((fragment) => fragment.evidence === 'present').length,
      withIdentifiers: fragments.filter((fragment) => fragment.identifiers > 0).length,
    },
    dimensions,
    ...(schema.harvest.matrix ? { matrix: matrixOf(records, schema, schema.harvest.matrix) } : {}),
    evidence,
    substantiation: (schema.substantiation?.parts ?? []).map((part) => ({
      name: part.name,
      field: part.field,
      about: part.about,
      groups: nonEmpty(
        ordered(
          groupBy(records, part.field),
          'listed',
          (schema.substantiation?.scale ?? []).map((step) => step.value),
        ),
      ).filter((group) => group.value !== NO_VALUE),
    })),
    problems: [...problemsByCode]
      .map(([code, entry]) => ({ code, ...entry }))
      .sort((a, b) => b.fragments.length - a.fragments.length || b.occurrences - a.occurrences || (a.code < b.code ? -1 : 1)),
  };
}

function groupBy(records: readonly FragmentRecord[], name: string): SummaryGroup[] {
  return groupsOf(records, (record) => {
    const values = record.values[name] ?? [];
    return values.length > 0 ? values : [NO_VALUE];
  });
}

/** Groups in order of first appearance, after the `first` values (kept even when empty, for the caller to drop). */
function groupsOf(records: readonly FragmentRecord[], valuesOf: (record: FragmentRecord) => readonly string[], first: readonly string[] = []): SummaryGroup[] {
  const groups = new Map<string, number[]>(first.map((value) => [value, []]));
  records.forEach((record, index) => {
    for (const value of valuesOf(record)) {
      let group = groups.get(value);
      if (!group) {
        group = [];
        groups.set(value, group);
      }
      group.push(index);
    }
  });
  return [...groups].map(([value, fragments]) => ({ value, fragments }));
}

const nonEmpty = (groups: SummaryGroup[]) => groups.filter((group) => group.fragments.length > 0);
// Made on first use: a collator loads ICU's collation data, milliseconds of every server start otherwise.
let collator: Intl.Collator | undefined;
function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}

/** Listed values in the schema's order, years in order, or the largest first; the rest by name, and "(none)" last. */
function ordered(groups: SummaryGroup[], order: 'listed' | 'chronological' | 'count', listed: readonly string[]): SummaryGroup[] {
  const rank = (group: SummaryGroup) => (group.value === NO_VALUE ? 2 : order === 'listed' && !listed.includes(group.value) ? 1 : 0);
  return [...groups].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (order === 'listed' && rank(a) === 0) return listed.indexOf(a.value) - listed.indexOf(b.value);
    if (order === 'count' && a.fragments.length !== b.fragments.length) return b.fragments.length - a.fragments.length;
    return compareNames(a.value, b.value);
  });
}

function matrixOf(
  records: readonly FragmentRecord[],
  schema: FragmentSchema,
  matrix: { rows: string; columns: string },
): NonNullable<HarvestSummary['matrix']> {
  const axis = (key: string) => [...(schema.fields.find((field) => field.key === key)?.values ?? []), NO_VALUE];
  const rows = axis(matrix.rows);
  const columns = axis(matrix.columns);
  const cells = rows.map(() => columns.map((): number[] => []));
  // A value that is not listed (a typo, or hidden) counts as not rated.
  const place = (values: readonly string[] | undefined, on: readonly string[]) => {
    const at = on.indexOf(values?.[0] ?? NO_VALUE);
    return at < 0 ? on.length - 1 : at;
  };
  records.forEach((record, index) => {
    cells[place(record.values[matrix.rows], rows)]?.[place(record.values[matrix.columns], columns)]?.push(index);
  });
  return { rowField: matrix.rows, columnField: matrix.columns, rows, columns, cells };
}
