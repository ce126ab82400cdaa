import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { type HarvestFragment, readHarvestFile } from '../core/harvest/harvest-fragments';
import { type FileRecord, fileRecord } from '../core/harvest/records';
import { harvestSummary } from '../core/harvest/summary';
import { reportMarkdown } from '../core/report/report-markdown';
import { type ReportModel, reportModel } from '../core/report/report-model';
import type { Cancellation, FragmentService } from '../core/service';
import { CancelledError } from '../core/service';
import { reportDocx } from '../report/report-docx';
import { WorkbookError } from '../workbook/workbook-error';
import { replaceFilesAtomically } from './atomic-write';
import { harvestCandidates, readCandidate } from './harvest-candidates';

export type ReportFormat = 'docx' | 'md';

export interface ReportOptions {
  readonly service: FragmentService;
  /** The document's language (BCP 47): Word's spelling and hyphenation. */
  readonly language: string;
  /** Quote confidential outcomes too (marked so); counted but not quoted otherwise (fail-safe). */
  readonly includeConfidential?: boolean;
  /** Quote outcomes that may still name someone too; counted but not quoted otherwise (fail-safe). */
  readonly includeUnanonymised?: boolean;
  readonly cancellation?: Cancellation;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReportSummary {
  readonly file: string;
  readonly fragmentFiles: number;
  readonly outcomes: number;
  readonly quoted: number;
  readonly confidentialLeftOut: number;
  readonly unanonymisedLeftOut: number;
}

export function reportFormatOf(name: string): ReportFormat | undefined {
  const extension = extname(name).toLowerCase();
  return extension === '.docx' ? 'docx' : extension === '.md' ? 'md' : undefined;
}

/** Writes the harvest report of FORMAT.md §10 (.docx or .md), atomically. */
export async function reportHarvest(paths: readonly string[], output: string, options: ReportOptions): Promise<ReportSummary> {
  const format = reportFormatOf(output);
  if (!format) throw new WorkbookError(l10n.t('the report {0} must end in .docx or .md', output));
  const { service } = options;
  const candidates = harvestCandidates(paths);
  const harvestOptions = {
    includeConfidential: options.includeConfidential === true,
    includeUnanonymised: options.includeUnanonymised === true || !service.checksIdentifiers,
  };
  const records: FileRecord[] = [];
  const quoted: HarvestFragment[] = [];
  let confidentialLeftOut = 0;
  let unanonymisedLeftOut = 0;
  for (const [index, candidate] of candidates.entries()) {
    if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    if (options.cancellation?.isCancellationRequested) throw new CancelledError();
    const text = readCandidate(candidate);
    if (text !== undefined) {
      const uri = pathToFileURL(candidate.path).href;
      // Every outcome counts in the tables: its values and problems, as the dashboard's.
      const analysis = service.analyze(text.replace(/^\uFEFF/, ''), uri, { remember: false, keepParse: true });
      records.push(fileRecord(uri, analysis.file, analysis.diagnostics, service.schema, service.duplicateIdSeverity));
      const read = readHarvestFile({ name: candidate.path, text }, service.schema, service.index, harvestOptions);
      quoted.push(...read.fragments);
      confidentialLeftOut += read.confidentialLeftOut;
      unanonymisedLeftOut += read.unanonymisedLeftOut;
    }
    options.onProgress?.(index + 1, candidates.length);
  }
  if (records.length === 0) throw new WorkbookError(l10n.t('no fragment files in {0}', paths.join(', ')));
  const summary = harvestSummary(records, service.schema);
  if (summary.totals.outcomes === 0) throw new WorkbookError(l10n.t('no outcomes in {0}', paths.join(', ')));
  const report = reportModel({
    summary,
    harvest: quoted,
    leftOut: { confidential: confidentialLeftOut, unanonymised: unanonymisedLeftOut },
    schema: service.schema,
    language: options.language,
  });
  const content = await writeReport(report, format);
  if (options.cancellation?.isCancellationRequested) throw new CancelledError();
  const file = resolve(output);
  replaceFilesAtomically([{ path: file, content }]);
  return { file, fragmentFiles: records.length, outcomes: summary.totals.outcomes, quoted: quoted.length, confidentialLeftOut, unanonymisedLeftOut };
}

async function writeReport(report: ReportModel, format: ReportFormat): Promise<string | Uint8Array> {
  return format === 'md' ? reportMarkdown(report) : reportDocx(report);
}

export function describeReport(summary: ReportSummary): string {
  const outcomes = summary.outcomes === 1 ? l10n.t('1 outcome') : l10n.t('{0} outcomes', summary.outcomes);
  const files = summary.fragmentFiles === 1 ? l10n.t('1 file') : l10n.t('{0} files', summary.fragmentFiles);
  const lines = [l10n.t('Wrote the report of {0} from {1} to {2}.', outcomes, files, summary.file)];
  if (summary.confidentialLeftOut > 0)
    lines.push(
      summary.confidentialLeftOut === 1
        ? l10n.t('1 confidential outcome is counted but not quoted ({0} quotes it).', '--include-confidential')
        : l10n.t('{0} confidential outcomes are counted but not quoted ({1} quotes them).', summary.confidentialLeftOut, '--include-confidential'),
    );
  if (summary.unanonymisedLeftOut > 0)
    lines.push(
      summary.unanonymisedLeftOut === 1
        ? l10n.t('1 outcome that may still name someone is counted but not quoted ({0} quotes it).', '--include-unanonymised')
        : l10n.t(
            '{0} outcomes that may still name someone are counted but not quoted ({1} quotes them).',
            summary.unanonymisedLeftOut,
            '--include-unanonymised',
          ),
    );
  return lines.join(' ');
}
