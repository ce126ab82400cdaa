import { chartFileName, reportMarkdown } from '../core/report/report-markdown';
import type { ReportModel } from '../core/report/report-model';
import { type ChartResources, reportCharts } from './report-charts';
import { reportDocx } from './report-docx';

export type ReportFormat = 'docx' | 'md';

/** A file of the report, named from the report's folder: `['report.md']`, `['report-charts', '01-objective.png']`. */
export interface ReportFile {
  readonly path: readonly string[];
  readonly content: string | Uint8Array;
}

/** The report's format from its file name; undefined for any other. */
export function reportFormatOf(fileName: string): ReportFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'docx' || extension === 'md' ? extension : undefined;
}

/**
 * The report's files: the .docx with its charts inside, or the .md and its charts as PNG files in
 * a folder beside it (`report-charts/` for `report.md`), linked relatively. The same on the disk
 * and in the web worker; the adapters write them, all or nothing.
 */
export async function reportFiles(report: ReportModel, format: ReportFormat, fileName: string, resources: ChartResources): Promise<ReportFile[]> {
  const pictureOf = await reportCharts(report, resources);
  if (format === 'docx') return [{ path: [fileName], content: await reportDocx(report, pictureOf) }];
  const folder = `${fileName.replace(/\.[^.]*$/, '')}-charts`;
  const charts = report.tables.flatMap((table, index) => {
    const picture = pictureOf(table.id);
    return picture ? [{ id: table.id, name: chartFileName(index, table.id), png: picture.png }] : [];
  });
  const links = new Map(charts.map((chart) => [chart.id, `${encodeURIComponent(folder)}/${encodeURIComponent(chart.name)}`]));
  return [
    { path: [fileName], content: reportMarkdown(report, (chart) => links.get(chart)) },
    ...charts.map((chart) => ({ path: [folder, chart.name], content: chart.png })),
  ];
}
