/**
 * The workbook adapter for the web worker: built as dist/browser/harvest.js (scripts/build.mjs),
 * an IIFE that sets `outcomeFragmentsHarvest`, which the worker loads on first use
 * (./harvest-loader.ts): exceljs is most of its size, and the server starts without it.
 */
import * as l10n from '@vscode/l10n';

export { formatOfName, readWorkbook, writeWorkbook } from '../workbook';

/** This bundle's own @vscode/l10n speaks the language of the server that loads it. */
export function useMessages(contents: l10n.l10nJsonFormat): void {
  l10n.config({ contents });
}

export type BrowserHarvestBundle = typeof import('./harvest-bundle');
