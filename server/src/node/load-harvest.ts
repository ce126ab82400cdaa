import type { HarvestPipeline } from './harvest-pipeline';

/**
 * The harvest pipeline, loaded on first use. In the bundles this `require` is rewritten to
 * dist/harvest.js (scripts/build.mjs), so the server and the linter start without exceljs.
 */
export function harvestPipeline(): HarvestPipeline {
  return require('./harvest-pipeline') as HarvestPipeline;
}
