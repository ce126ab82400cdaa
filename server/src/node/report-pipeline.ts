/**
 * The harvest report on disk, for the CLI and the language server. Built as its own bundle
 * (dist/report.js, see scripts/build.mjs) and loaded when a report is made: the .docx writer and
 * the charts are most of its size, and nothing else should load them.
 */
import * as l10n from '@vscode/l10n';

export { reportFormatOf } from '../report/report-files';
export { describeReport, reportHarvest } from './harvest-report';

/** This bundle's own @vscode/l10n speaks the language of the program that loads it. */
export function useMessages(contents: l10n.l10nJsonFormat): void {
  l10n.config({ contents });
}

export type ReportPipeline = typeof import('./report-pipeline');
