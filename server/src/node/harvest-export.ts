import { basename, dirname, extname, join, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { causalMapSheets } from '../core/harvest/causal-map';
import type { Sheet } from '../core/harvest/cells';
import { allLeftOutMessage, unanonymisedLeftOutMessage, unwritableInXlsxWarning } from '../core/harvest/export-checks';
import { type HarvestFragment, readHarvestFile } from '../core/harvest/harvest-fragments';
import type { ExportLayout } from '../core/harvest/layout';
import { MasterSheetBuilder } from '../core/harvest/master-layout';
import type { Cancellation, FragmentService } from '../core/service';
import { CancelledError } from '../core/service';
import { formatOfName, WorkbookError, writeWorkbook } from '../workbook';
import { replaceFilesAtomically } from './atomic-write';
import { harvestCandidates, readCandidate } from './harvest-candidates';

export interface ExportOptions {
  readonly service: FragmentService;
  readonly layout: ExportLayout;
  /** Export confidential fragments too; left out otherwise (fail-safe). */
  readonly includeConfidential?: boolean;
  /** Export fragments that still hold a possible identifying detail too; left out otherwise (fail-safe). */
  readonly includeUnanonymised?: boolean;
  readonly cancellation?: Cancellation;
  /** Told after each file read, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ExportSummary {
  /** The files written: one workbook, or one CSV file per sheet. */
  readonly files: readonly string[];
  readonly fragmentFiles: number;
  readonly fragments: number;
  readonly confidentialLeftOut: number;
  readonly unanonymisedLeftOut: number;
  readonly warnings: readonly string[];
}

/** Exports fragment files to a workbook (or CSV files) in a layout of FORMAT.md §6, written atomically. */
export async function exportHarvest(paths: readonly string[], output: string, options: ExportOptions): Promise<ExportSummary> {
  const format = formatOfName(output);
  if (!format) throw new WorkbookError(l10n.t('the output {0} must end in .xlsx or .csv', output));
  const candidates = harvestCandidates(paths);
  const { schema, index: schemaIndex } = options.service;
  const harvestOptions = {
    includeConfidential: options.includeConfidential === true,
    // With the check turned off (`"possible-identifier": "off"`), nothing is held back for it.
    includeUnanonymised: options.includeUnanonymised === true || !options.service.checksIdentifiers,
  };
  // Each file is read, parsed and mapped before the next: the master layout keeps its rows, not every parse.
  const master = options.layout === 'master' ? new MasterSheetBuilder(schema) : undefined;
  const fragments: HarvestFragment[] = [];
  const warnings: string[] = [];
  let fragmentFiles = 0;
  let fragmentCount = 0;
  let confidentialLeftOut = 0;
  let unanonymisedLeftOut = 0;
  for (const [index, candidate] of candidates.entries()) {
    // Now and then, let a cancellation (or anything else waiting) come in.
    if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    if (options.cancellation?.isCancellationRequested) throw new CancelledError();
    const text = readCandidate(candidate);
    if (text !== undefined) {
      fragmentFiles++;
      const read = readHarvestFile({ name: candidate.path, text }, schema, schemaIndex, harvestOptions);
      if (read.warning !== undefined) warnings.push(read.warning);
      confidentialLeftOut += read.confidentialLeftOut;
      unanonymisedLeftOut += read.unanonymisedLeftOut;
      fragmentCount += read.fragments.length;
      for (const fragment of read.fragments) {
        if (master) master.add(fragment);
        else fragments.push(fragment);
      }
    }
    options.onProgress?.(index + 1, candidates.length);
  }
  if (fragmentFiles === 0) throw new WorkbookError(l10n.t('no fragment files in {0}', paths.join(', ')));
  if (fragmentCount === 0) throw new WorkbookError(allLeftOutMessage(confidentialLeftOut, unanonymisedLeftOut));
  const sheets: Sheet[] = master ? [master.sheet()] : causalMapSheets(fragments, schema);
  if (options.cancellation?.isCancellationRequested) throw new CancelledError();
  const unwritable = format === 'xlsx' ? unwritableInXlsxWarning(sheets) : undefined;
  if (unwritable) warnings.push(unwritable);
  const written =
    format === 'xlsx' || sheets.length === 1
      ? [{ path: resolve(output), content: await writeWorkbook(sheets, format) }]
      : // A CSV file holds one sheet: one file per sheet, `harvest.statements.csv` beside `harvest.sources.csv`.
        await Promise.all(
          sheets.map(async (sheet) => ({
            path: join(dirname(resolve(output)), `${basename(output, extname(output))}.${sheet.name}.csv`),
            content: await writeWorkbook([sheet], 'csv'),
          })),
        );
  if (options.cancellation?.isCancellationRequested) throw new CancelledError();
  replaceFilesAtomically(written);
  return {
    files: written.map((file) => file.path),
    fragmentFiles,
    fragments: fragmentCount,
    confidentialLeftOut,
    unanonymisedLeftOut,
    warnings,
  };
}

export function describeExport(summary: ExportSummary): string {
  const leftOut =
    summary.confidentialLeftOut === 0
      ? ''
      : ` ${
          summary.confidentialLeftOut === 1
            ? l10n.t('1 confidential fragment left out ({0} exports them).', '--include-confidential')
            : l10n.t('{0} confidential fragments left out ({1} exports them).', summary.confidentialLeftOut, '--include-confidential')
        }`;
  const fragments = summary.fragments === 1 ? l10n.t('1 fragment') : l10n.t('{0} fragments', summary.fragments);
  const files = summary.fragmentFiles === 1 ? l10n.t('1 file') : l10n.t('{0} files', summary.fragmentFiles);
  const unanonymised = summary.unanonymisedLeftOut > 0 ? ` ${unanonymisedLeftOutMessage(summary.unanonymisedLeftOut)}` : '';
  return `${l10n.t('Exported {0} from {1} to {2}.', fragments, files, summary.files.join(', '))}${leftOut}${unanonymised}`;
}
