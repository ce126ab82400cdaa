import { ReportCollector } from '../../server/src/core/report/report-collector';
import type { ReportModel } from '../../server/src/core/report/report-model';
import { REPORT_FILES } from '../report-files';
import { service } from './helpers';

export { HOSTILE, REPORT_FILES } from '../report-files';

/** The report of REPORT_FILES, as the CLI makes it: every outcome counted, the ones it may not quote left out unless included. */
export function fixtureReport(options: { includeConfidential?: boolean; includeUnanonymised?: boolean; language?: string } = {}): ReportModel {
  const collector = new ReportCollector(service, { ...options, language: options.language ?? 'en' });
  for (const file of REPORT_FILES) collector.add({ uri: `file:///harvest/${file.name}`, name: file.name, text: file.text });
  return collector.finish('/harvest').report;
}
