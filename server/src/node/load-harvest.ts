import { displayBundle } from '../core/l10n/display-language';
import type { HarvestPipeline } from './harvest-pipeline';

/**
 * The harvest pipeline, loaded on first use. In the bundles this `require` is rewritten to
 * dist/harvest.js (scripts/build.mjs), so the server and the linter start without exceljs.
 */
export function harvestPipeline(): HarvestPipeline {
  const pipeline = require('./harvest-pipeline') as HarvestPipeline;
  // A bundle of its own has its own @vscode/l10n: it is told the display language.
  const bundle = displayBundle();
  if (bundle) pipeline.useMessages(bundle);
  return pipeline;
}
