import * as l10n from '@vscode/l10n';
import { OTHER_CONFIDENTIAL } from '../harvest/records';
import { EVIDENCE_GROUPS, type HarvestSummary, NO_VALUE } from '../harvest/summary';

/**
 * The harvest summary's tables, in the display language: what the dashboard draws and the
 * report prints. Pure; the labels of the schema's words are translated when they are the
 * default schema's, field values stay as written.
 */
export type ChartKind = 'bar' | 'column' | 'doughnut';

/** What a row's colour says, where the colour means something (evidence): good, doubtful, missing. */
export type RowTone = 'good' | 'doubtful' | 'missing';

export interface SummaryTable {
  readonly id: string;
  readonly title: string;
  readonly chart: ChartKind;
  /** The first column names the row; the second is the count the chart draws; any others follow. */
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{
    readonly label: string;
    readonly count: number;
    readonly extra: readonly string[];
    readonly fragments: readonly number[];
    readonly tone?: RowTone;
  }>;
}

export interface SummaryMatrix {
  readonly title: string;
  readonly rowField: string;
  readonly columnField: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: ReadonlyArray<ReadonlyArray<readonly number[]>>;
}

const CHARTS: Record<string, ChartKind> = { year: 'column' };

/** The dimensions first, as the schema lists them, then the substantiators' answers, evidence and problems, with the type of change last. */
export function summaryTables(summary: HarvestSummary): { readonly tables: readonly SummaryTable[]; readonly matrix?: SummaryMatrix } {
  const severityNames: Record<number, string> = { 1: l10n.t('error'), 2: l10n.t('warning'), 3: l10n.t('information'), 4: l10n.t('hint') };
  const dimensions: SummaryTable[] = summary.dimensions.map((dimension) => ({
    id: dimension.name,
    title: l10n.t('Outcomes per {0}', l10n.t(dimension.label).toLowerCase()),
    chart: CHARTS[dimension.name] ?? 'bar',
    columns: [l10n.t(dimension.label), l10n.t('Outcomes')],
    rows: dimension.groups.map((group) => ({
      label: group.value === NO_VALUE ? l10n.t('(none)') : group.value === OTHER_CONFIDENTIAL ? l10n.t('Other (confidential)') : group.value,
      count: group.fragments.length,
      extra: [],
      fragments: group.fragments,
    })),
  }));
  // What the substantiators said of each part, once some have answered (FORMAT.md §9).
  const agreement = summary.substantiation
    .filter((part) => part.groups.length > 0)
    .map(
      (part): SummaryTable => ({
        id: `substantiation-${part.name}`,
        title: l10n.t('Substantiators on "{0}"', l10n.t(part.about)),
        chart: 'bar',
        columns: [l10n.t('Answer'), l10n.t('Outcomes')],
        rows: part.groups.map((group) => ({ label: group.value, count: group.fragments.length, extra: [], fragments: group.fragments })),
      }),
    );
  const evidence: SummaryTable = {
    id: 'evidence',
    title: l10n.t('Evidence'),
    chart: 'doughnut',
    columns: [l10n.t('Evidence'), l10n.t('Outcomes'), l10n.t('Share')],
    rows: summary.evidence.groups.map((group) => ({
      label: evidenceLabel(group.value),
      count: group.fragments.length,
      ...evidenceTone(group.value),
      extra: [percent(group.fragments.length, summary.totals.outcomes)],
      fragments: group.fragments,
    })),
  };
  const problems: SummaryTable = {
    id: 'problems',
    title: l10n.t('Problems per code'),
    chart: 'bar',
    columns: [l10n.t('Code'), l10n.t('Outcomes'), l10n.t('Occurrences'), l10n.t('Severity')],
    rows: summary.problems.map((problem) => ({
      label: problem.code,
      count: problem.fragments.length,
      extra: [String(problem.occurrences), severityNames[problem.severity] ?? l10n.t('error')],
      fragments: problem.fragments,
    })),
  };
  const typeOfChange = dimensions.findIndex((table) => table.id === 'type-of-change');
  const tables =
    typeOfChange < 0
      ? [...dimensions, ...agreement, evidence, problems]
      : [...dimensions.filter((_, index) => index !== typeOfChange), ...agreement, evidence, problems, dimensions[typeOfChange] as SummaryTable];
  const { matrix } = summary;
  if (!matrix) return { tables };
  return {
    tables,
    matrix: {
      title: `${matrix.rowField} × ${matrix.columnField}`,
      rowField: matrix.rowField,
      columnField: matrix.columnField,
      rows: matrix.rows.map(notRated),
      columns: matrix.columns.map(notRated),
      cells: matrix.cells,
    },
  };
}

function notRated(value: string): string {
  return value === NO_VALUE ? l10n.t('Not rated') : value;
}

/** The summary's evidence groups are English data: named here in the display language. */
function evidenceLabel(value: string): string {
  switch (value) {
    case EVIDENCE_GROUPS.present:
      return l10n.t('With evidence');
    case EVIDENCE_GROUPS.empty:
      return l10n.t('Evidence empty');
    case EVIDENCE_GROUPS.missing:
      return l10n.t('No evidence field');
    default:
      return value;
  }
}

/** An evidence group's colour follows its meaning, not its place: the groups without outcomes are left out. */
function evidenceTone(value: string): { tone?: RowTone } {
  if (value === EVIDENCE_GROUPS.present) return { tone: 'good' };
  if (value === EVIDENCE_GROUPS.empty) return { tone: 'doubtful' };
  if (value === EVIDENCE_GROUPS.missing) return { tone: 'missing' };
  return {};
}

function percent(part: number, whole: number): string {
  return l10n.t('{0}%', whole === 0 ? 0 : Math.round((part / whole) * 100));
}
