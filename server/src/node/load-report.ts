import { displayBundle } from '../core/l10n/display-language';
import type { ReportPipeline } from './report-pipeline';

/** The report pipeline, loaded on first use; in the bundles this `require` is rewritten to dist/report.js (scripts/build.mjs). */
export function reportPipeline(): ReportPipeline {
  const pipeline = require('./report-pipeline') as ReportPipeline;
  const bundle = displayBundle();
  if (bundle) pipeline.useMessages(bundle);
  return pipeline;
}
