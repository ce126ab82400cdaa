import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { causalMapSheets } from '../core/harvest/causal-map';
import type { Sheet } from '../core/harvest/cells';
import { allConfidentialMessage, unwritableInXlsxWarning } from '../core/harvest/export-checks';
import { readHarvest } from '../core/harvest/harvest-fragments';
import type { ExportLayout } from '../core/harvest/layout';
import { masterSheet } from '../core/harvest/master-layout';
import { naturalCompare } from '../core/natural-order';
import type { Cancellation, FragmentService } from '../core/service';
import { CancelledError } from '../core/service';
import { formatOfName, WorkbookError, writeWorkbook } from '../workbook';
import { replaceFilesAtomically } from './atomic-write';
import { fragmentFilesIn } from './fragment-files';

export interface ExportOptions {
  readonly service: FragmentService;
  readonly layout: ExportLayout;
  /** Export confidential fragments too; left out otherwise (fail-safe). */
  readonly includeConfidential?: boolean;
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
  readonly warnings: readonly string[];
}

/** The fragment files of folders and files, in the order given and, inside a folder, in natural order (`row_2` before `row_10`). */
export function harvestFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new WorkbookError(l10n.t('no such file or folder: {0}', path));
    }
    if (!isFolder) found.add(path);
    else for (const file of fragmentFilesIn(path).sort((a, b) => naturalCompare(relative(path, a), relative(path, b)))) found.add(file);
  }
  return [...found];
}

/** Exports fragment files to a workbook (or CSV files) in a layout of FORMAT.md §6, written atomically. */
export async function exportHarvest(paths: readonly string[], output: string, options: ExportOptions): Promise<ExportSummary> {
  const format = formatOfName(output);
  if (!format) throw new WorkbookError(l10n.t('the output {0} must end in .xlsx or .csv', output));
  const files = harvestFiles(paths);
  if (files.length === 0) throw new WorkbookError(l10n.t('no fragment files in {0}', paths.join(', ')));
  const texts: Array<{ name: string; text: string }> = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const [index, file] of files.entries()) {
    // Now and then, let a cancellation (or anything else waiting) come in.
    if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    if (options.cancellation?.isCancellationRequested) throw new CancelledError();
    let text: string;
    try {
      text = utf8.decode(readFileSync(file));
    } catch (error) {
      const reason = error instanceof TypeError ? 'not valid UTF-8 text' : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      throw new WorkbookError(l10n.t('cannot read {0}: {1}', file, reason));
    }
    texts.push({ name: file, text });
    options.onProgress?.(index + 1, files.length);
  }
  const harvest = readHarvest(texts, options.service.schema, options.service.index, { includeConfidential: options.includeConfidential === true });
  if (harvest.fragments.length === 0) {
    throw new WorkbookError(allConfidentialMessage(harvest.confidentialLeftOut));
  }
  const sheets: Sheet[] =
    options.layout === 'master' ? [masterSheet(harvest.fragments, options.service.schema)] : causalMapSheets(harvest.fragments, options.service.schema);
  if (options.cancellation?.isCancellationRequested) throw new CancelledError();
  const warnings = [...harvest.warnings];
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
    fragmentFiles: files.length,
    fragments: harvest.fragments.length,
    confidentialLeftOut: harvest.confidentialLeftOut,
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
  return `${l10n.t('Exported {0} from {1} to {2}.', fragments, files, summary.files.join(', '))}${leftOut}`;
}
