import { readHarvest } from '../../server/src/core/harvest/harvest-fragments';
import { fileRecord } from '../../server/src/core/harvest/records';
import { harvestSummary } from '../../server/src/core/harvest/summary';
import { type ReportModel, reportModel } from '../../server/src/core/report/report-model';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { SchemaIndex } from '../../server/src/core/schema/schema-index';
import { REPORT_FILES } from '../report-files';
import { analyze } from './helpers';

export { HOSTILE, REPORT_FILES } from '../report-files';

const index = new SchemaIndex(defaultSchema);

/** The report of REPORT_FILES, as the CLI makes it: every outcome counted, the ones it may not quote left out unless included. */
export function fixtureReport(options: { includeConfidential?: boolean; includeUnanonymised?: boolean; language?: string } = {}): ReportModel {
  const records = REPORT_FILES.map((file) => {
    const analysis = analyze(file.text, `file:///harvest/${file.name}`);
    return fileRecord(`file:///harvest/${file.name}`, analysis.file, analysis.diagnostics, defaultSchema, 1);
  });
  const harvest = readHarvest(REPORT_FILES, defaultSchema, index, options);
  return reportModel({
    summary: harvestSummary(records, defaultSchema),
    harvest: harvest.fragments,
    leftOut: { confidential: harvest.confidentialLeftOut, unanonymised: harvest.unanonymisedLeftOut },
    schema: defaultSchema,
    language: options.language ?? 'en',
  });
}
