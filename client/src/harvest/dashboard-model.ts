import * as l10n from '@vscode/l10n';
import { URI, Utils } from 'vscode-uri';
import { EVIDENCE_GROUPS, type HarvestSummary, NO_VALUE } from '../../../server/src/protocol';

/**
 * What the Harvest Dashboard shows, made from the server's summary. Pure (no `vscode`). It is
 * all the webview ever receives: counts, the schema's words, the values of public fragments,
 * and fragment indexes. A confidential fragment is a count and an index, nothing of its text:
 * not its FragmentID, not its file's name (files are often named after the FragmentID).
 */
export interface DashboardModel {
  readonly totals: {
    readonly outcomes: number;
    readonly files: number;
    readonly confidential: number;
    readonly withProblems: number;
    readonly withEvidence: number;
    /** Outcomes that still hold a possible identifying detail (FORMAT.md §8). */
    readonly withIdentifiers: number;
  };
  readonly tables: readonly DashboardTable[];
  readonly matrix?: DashboardMatrix;
  /** How a list of fragments names each one. */
  readonly fragments: ReadonlyArray<{ readonly label: string; readonly detail: string; readonly confidential: boolean }>;
}

export type ChartKind = 'bar' | 'column' | 'doughnut';

export interface DashboardTable {
  readonly id: string;
  readonly title: string;
  readonly chart: ChartKind;
  /** The first column names the row; the second is the count the chart draws; any others follow. */
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ readonly label: string; readonly count: number; readonly extra: readonly string[]; readonly fragments: readonly number[] }>;
}

export interface DashboardMatrix {
  readonly title: string;
  readonly rowField: string;
  readonly columnField: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: ReadonlyArray<ReadonlyArray<readonly number[]>>;
}

const CHARTS: Record<string, ChartKind> = { year: 'column' };

/** Every word is in the display language (@vscode/l10n, configured by the extension); the schema's labels are translated when they are the default schema's. */
export function dashboardModel(summary: HarvestSummary): DashboardModel {
  const severityNames: Record<number, string> = { 1: l10n.t('error'), 2: l10n.t('warning'), 3: l10n.t('information'), 4: l10n.t('hint') };
  const tables: DashboardTable[] = summary.dimensions.map((dimension) => ({
    id: dimension.name,
    title: l10n.t('Outcomes per {0}', l10n.t(dimension.label).toLowerCase()),
    chart: CHARTS[dimension.name] ?? 'bar',
    columns: [l10n.t(dimension.label), l10n.t('Outcomes')],
    rows: dimension.groups.map((group) => ({
      label: group.value === NO_VALUE ? l10n.t('(none)') : group.value,
      count: group.fragments.length,
      extra: [],
      fragments: group.fragments,
    })),
  }));
  // What the substantiators said of each part, once some have answered (FORMAT.md §9).
  const agreement = summary.substantiation
    .filter((part) => part.groups.length > 0)
    .map(
      (part): DashboardTable => ({
        id: `substantiation-${part.name}`,
        title: l10n.t('Substantiators on "{0}"', l10n.t(part.about)),
        chart: 'bar',
        columns: [l10n.t('Answer'), l10n.t('Outcomes')],
        rows: part.groups.map((group) => ({ label: group.value, count: group.fragments.length, extra: [], fragments: group.fragments })),
      }),
    );
  const evidence: DashboardTable = {
    id: 'evidence',
    title: l10n.t('Evidence'),
    chart: 'doughnut',
    columns: [l10n.t('Evidence'), l10n.t('Outcomes'), l10n.t('Share')],
    rows: summary.evidence.groups.map((group) => ({
      label: evidenceLabel(group.value),
      count: group.fragments.length,
      extra: [percent(group.fragments.length, summary.totals.outcomes)],
      fragments: group.fragments,
    })),
  };
  const problems: DashboardTable = {
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
  // The dimensions first, as the schema lists them, then the substantiators' answers, with the type of change last; evidence and problems between.
  const typeOfChange = tables.findIndex((table) => table.id === 'type-of-change');
  const ordered =
    typeOfChange < 0
      ? [...tables, ...agreement, evidence, problems]
      : [...tables.filter((_, index) => index !== typeOfChange), ...agreement, evidence, problems, tables[typeOfChange] as DashboardTable];
  const { matrix } = summary;
  return {
    totals: { ...summary.totals, files: summary.files.length },
    tables: ordered,
    ...(matrix
      ? {
          matrix: {
            title: `${matrix.rowField} × ${matrix.columnField}`,
            rowField: matrix.rowField,
            columnField: matrix.columnField,
            rows: matrix.rows.map(notRated),
            columns: matrix.columns.map(notRated),
            cells: matrix.cells,
          },
        }
      : {}),
    fragments: summary.fragments.map((fragment) =>
      fragment.confidential
        ? { label: l10n.t('Confidential outcome'), detail: '', confidential: true }
        : {
            label: fragment.id === '' ? l10n.t('Fragment without an ID') : fragment.id,
            detail: `${fileName(summary.files[fragment.file] ?? '')}:${fragment.line + 1}`,
            confidential: false,
          },
    ),
  };
}

/** The fragments a table row or a matrix cell stands for, and how to name that selection. */
export function selectionOf(model: DashboardModel, table: string, row: number, column?: number): { title: string; fragments: readonly number[] } | undefined {
  if (table === 'matrix') {
    const matrix = model.matrix;
    const fragments = column === undefined ? undefined : matrix?.cells[row]?.[column];
    if (!matrix || !fragments || column === undefined) return undefined;
    return { title: `${matrix.rowField}: ${matrix.rows[row]}, ${matrix.columnField}: ${matrix.columns[column]}`, fragments };
  }
  const found = model.tables.find((candidate) => candidate.id === table);
  const entry = found?.rows[row];
  if (!found || !entry) return undefined;
  return { title: `${found.columns[0]}: ${entry.label}`, fragments: entry.fragments };
}

/** A table as Markdown, for a report: pipes and line breaks in labels escaped. */
export function markdownTable(model: DashboardModel, table: string): string | undefined {
  const cell = (text: string) =>
    text
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\r?\n|\r/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  if (table === 'matrix') {
    const matrix = model.matrix;
    if (!matrix) return undefined;
    return [
      line([`${matrix.rowField} \\ ${matrix.columnField}`, ...matrix.columns]),
      line(['---', ...matrix.columns.map(() => '---:')]),
      ...matrix.rows.map((row, index) => line([row, ...matrix.columns.map((_, column) => String(matrix.cells[index]?.[column]?.length ?? 0))])),
    ].join('\n');
  }
  const found = model.tables.find((candidate) => candidate.id === table);
  if (!found) return undefined;
  return [
    line(found.columns),
    line(found.columns.map((_, index) => (index === 0 ? '---' : '---:'))),
    ...found.rows.map((row) => line([row.label, String(row.count), ...row.extra])),
  ].join('\n');
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

function percent(part: number, whole: number): string {
  return l10n.t('{0}%', whole === 0 ? 0 : Math.round((part / whole) * 100));
}

function fileName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}
