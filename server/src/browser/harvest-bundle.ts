/**
 * Workbook import and export for the web worker, the adapter and the pure mappings the desktop's
 * pipeline uses: built as dist/browser/harvest.js (scripts/build.mjs), an IIFE that sets
 * `outcomeFragmentsHarvest`, which the worker loads on first use (./harvest-loader.ts): exceljs
 * is most of its size, and the server starts without it.
 */
import * as l10n from '@vscode/l10n';

export { causalMapSheets } from '../core/harvest/causal-map';
export { allLeftOutMessage, unwritableInXlsxWarning } from '../core/harvest/export-checks';
export { readHarvest } from '../core/harvest/harvest-fragments';
export { describeImport, overwriteRefused, planImport } from '../core/harvest/import-plan';
export { importSheet } from '../core/harvest/import-rows';
export { masterSheet } from '../core/harvest/master-layout';
export { formatOfName, readWorkbook, writeWorkbook } from '../workbook';
export { importSubstantiation, prepareSubstantiation } from '../workbook/substantiation';

/** This bundle's own @vscode/l10n speaks the language of the server that loads it. */
export function useMessages(contents: l10n.l10nJsonFormat): void {
  l10n.config({ contents });
}

export type BrowserHarvestBundle = typeof import('./harvest-bundle');
