/**
 * Import and export on disk, for the CLI and the language server. Built as its own bundle
 * (dist/harvest.js, see scripts/build.mjs) and loaded on first use: exceljs is most of its size,
 * and neither the server nor the linter should start slower for it.
 */
export { describeExport, exportHarvest } from './harvest-export';
export { describeImport, importWorkbookFile } from './harvest-import';

export type HarvestPipeline = typeof import('./harvest-pipeline');
