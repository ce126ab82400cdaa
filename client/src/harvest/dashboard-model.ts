import * as l10n from '@vscode/l10n';
import { URI, Utils } from 'vscode-uri';
import { matrixAsMarkdown, tableAsMarkdown } from '../../../server/src/core/report/markdown-text';
import { type SummaryMatrix, type SummaryTable, summaryTables } from '../../../server/src/core/report/summary-tables';
import type { HarvestSummary } from '../../../server/src/protocol';

export type { ChartKind } from '../../../server/src/core/report/summary-tables';
export type DashboardTable = SummaryTable;
export type DashboardMatrix = SummaryMatrix;

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

/** Every word is in the display language (@vscode/l10n, configured by the extension); the schema's labels are translated when they are the default schema's. */
export function dashboardModel(summary: HarvestSummary): DashboardModel {
  const { tables, matrix } = summaryTables(summary);
  return {
    totals: { ...summary.totals, files: summary.files.length },
    tables,
    ...(matrix ? { matrix } : {}),
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
  if (table === 'matrix') return model.matrix && matrixAsMarkdown(model.matrix);
  const found = model.tables.find((candidate) => candidate.id === table);
  return found && tableAsMarkdown(found);
}

function fileName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}
