/**
 * The harvest report for the web worker: the collector, the writers and the charts the desktop's
 * pipeline uses (server/src/node/harvest-report.ts), built as dist/browser/report.js
 * (scripts/build.mjs), an IIFE that sets `outcomeFragmentsReport`, loaded when a report is made
 * (./report-loader.ts): Vega, resvg and docx are most of its size, and the server starts without them.
 */
import * as l10n from '@vscode/l10n';

export { ReportCollector } from '../core/report/report-collector';
export { documentLanguage } from '../core/report/report-model';
export { reportFiles, reportFormatOf } from '../report/report-files';

/** This bundle's own @vscode/l10n speaks the language of the server that loads it. */
export function useMessages(contents: l10n.l10nJsonFormat): void {
  l10n.config({ contents });
}

export type BrowserReportBundle = typeof import('./report-bundle');
