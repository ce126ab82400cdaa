import * as l10n from '@vscode/l10n';
import { markdownCell, markdownText, matrixAsMarkdown, tableAsMarkdown } from './markdown-text';
import type { ReportLine, ReportModel, ReportOutcome } from './report-model';

/** A chart's picture, as the Markdown writer links it (the caller writes the file beside the report). */
export type PictureLink = (chart: string) => string | undefined;

/** A label before its value, as the display language writes it: `Country:` in English, `Pays :` in French. */
export function labelText(label: string): string {
  return l10n.t('{0}:', label);
}

/** A chart's file name beside a Markdown report: its place, then its table's name, in letters a file system takes anywhere. */
export function chartFileName(index: number, chart: string): string {
  return `${String(index + 1).padStart(2, '0')}-${chart.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}.png`;
}

/** The report as CommonMark: every value escaped, so that it shows as written and runs nothing. */
export function reportMarkdown(report: ReportModel, pictureOf: PictureLink = () => undefined): string {
  const blocks: string[] = [`# ${markdownCell(report.title)}`];
  blocks.push(`## ${markdownCell(report.headings.scope)}`, lines(report.scope));
  blocks.push(`## ${markdownCell(report.headings.totals)}`, lines(report.totals));
  if (report.leftOut.length > 0) blocks.push(report.leftOut.map((sentence) => `> ${markdownText(sentence)}`).join('\n>\n'));
  blocks.push(`## ${markdownCell(report.headings.tables)}`);
  for (const table of report.tables) {
    blocks.push(`### ${markdownCell(table.title)}`);
    const picture = pictureOf(table.id);
    if (picture !== undefined)
      blocks.push(`![${markdownCell(l10n.t('{0}: the table below has the figures', table.title))}](<${picture.replace(/[<>\\]/g, '')}>)`);
    blocks.push(tableAsMarkdown(table));
  }
  if (report.matrix) blocks.push(`### ${markdownCell(report.matrix.title)}`, matrixAsMarkdown(report.matrix));
  blocks.push(`## ${markdownCell(report.headings.outcomes)}`);
  for (const group of report.objectives) {
    blocks.push(`### ${markdownCell(group.objective)}`);
    for (const outcome of group.outcomes) blocks.push(...outcomeBlocks(outcome, report.confidentialMark));
  }
  return `${blocks.join('\n\n')}\n`;
}

function lines(entries: readonly ReportLine[]): string {
  return entries.map((entry) => `- **${markdownCell(labelText(entry.label))}** ${markdownCell(entry.value)}`).join('\n');
}

function outcomeBlocks(outcome: ReportOutcome, confidentialMark: string): string[] {
  const blocks = [`#### ${markdownCell(outcome.id)}`];
  if (outcome.confidential) blocks.push(`**${markdownCell(confidentialMark)}**`);
  for (const section of outcome.story) blocks.push(`**${markdownCell(labelText(section.label))}** ${markdownText(section.text)}`);
  if (outcome.details.length > 0) blocks.push(lines(outcome.details));
  return blocks;
}
