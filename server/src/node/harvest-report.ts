import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { URI } from 'vscode-uri';
import { type ReportChoices, ReportCollector, type ReportCounts } from '../core/report/report-collector';
import type { Cancellation, FragmentService } from '../core/service';
import { CancelledError } from '../core/service';
import { reportFiles, reportFormatOf } from '../report/report-files';
import { WorkbookError } from '../workbook/workbook-error';
import { replaceFilesAtomically } from './atomic-write';
import { chartResources } from './chart-resources';
import { harvestCandidates, readCandidate } from './harvest-candidates';

export interface ReportOptions extends ReportChoices {
  readonly service: FragmentService;
  readonly cancellation?: Cancellation;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReportSummary extends ReportCounts {
  readonly file: string;
  /** Every file written: the report, and a Markdown report's charts. */
  readonly files: readonly string[];
}

/** Writes the harvest report of FORMAT.md §10 (.docx, or .md with its charts beside it), all or nothing. */
export async function reportHarvest(paths: readonly string[], output: string, options: ReportOptions): Promise<ReportSummary> {
  const format = reportFormatOf(output);
  if (!format) throw new WorkbookError(l10n.t('the report {0} must end in .docx or .md', output));
  const candidates = harvestCandidates(paths);
  const collector = new ReportCollector(options.service, options);
  for (const [index, candidate] of candidates.entries()) {
    if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    if (options.cancellation?.isCancellationRequested) throw new CancelledError();
    const text = readCandidate(candidate);
    // As VS Code spells a file's URI (vscode-uri: `file:///c%3A/…` on Windows), as the server's index names it.
    if (text !== undefined) collector.add({ uri: URI.file(candidate.path).toString(), name: candidate.path, text });
    options.onProgress?.(index + 1, candidates.length);
  }
  const { report, counts } = collector.finish(paths.join(', '));
  const file = resolve(output);
  const files = (await reportFiles(report, format, basename(file), chartResources())).map((written) => ({
    path: join(dirname(file), ...written.path),
    content: written.content,
  }));
  if (options.cancellation?.isCancellationRequested) throw new CancelledError();
  writeAllOrNothing(files);
  return { ...counts, file, files: files.map((written) => written.path) };
}

/** The files written all or nothing; a folder they need (a Markdown report's charts) made, and removed again if the write fails. */
function writeAllOrNothing(files: ReadonlyArray<{ path: string; content: string | Uint8Array }>): void {
  const folders = [...new Set(files.map((file) => dirname(file.path)))].filter((folder) => !existsSync(folder));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  try {
    replaceFilesAtomically(files);
  } catch (error) {
    for (const folder of folders) rmSync(folder, { recursive: false, force: true });
    throw error;
  }
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
