/**
 * Import and export on disk, for the CLI and the language server. Built as its own bundle
 * (dist/harvest.js, see scripts/build.mjs) and loaded on first use: exceljs is most of its size,
 * and neither the server nor the linter should start slower for it.
 */
import * as l10n from '@vscode/l10n';

export { importSubstantiation, prepareSubstantiation } from '../workbook/substantiation';
export { describeExport, exportHarvest } from './harvest-export';
export { describeImport, importWorkbookFile } from './harvest-import';
export { diskSubstantiationFiles } from './substantiation-files';

/** This bundle's own @vscode/l10n speaks the language of the program that loads it. */
export function useMessages(contents: l10n.l10nJsonFormat): void {
  l10n.config({ contents });
}

export type HarvestPipeline = typeof import('./harvest-pipeline');
