import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { URI } from 'vscode-uri';
import { DEFAULT_NAME_PATTERN } from '../core/harvest/file-names';
import { describeImport as describeCounts, type ImportCounts, overwriteRefused, planImport } from '../core/harvest/import-plan';
import { importSheet } from '../core/harvest/import-rows';
import type { FragmentService } from '../core/service';
import { type GivenLimits, type RaiseLimitWith, readWorkbook } from '../workbook';
import { WorkbookError } from '../workbook/workbook-error';
import { writeFilesAtomically } from './atomic-write';

export interface ImportOptions {
  readonly service: FragmentService;
  /** `row_{n}.txt` unless given; `{n}` the row's number, `{id}` its FragmentID made safe. */
  readonly namePattern?: string | undefined;
  /** Apply every preferred fix to each fragment while importing. */
  readonly fix?: boolean;
  /** Overwrite files whose text differs. */
  readonly force?: boolean;
  /** Plan only: say what would be created and changed, write nothing. */
  readonly dryRun?: boolean;
  /** How much of the workbook is read at most (FORMAT.md §6); each limit left out is the default. */
  readonly limits?: GivenLimits | undefined;
  /** How a refusal says to raise a limit: the CLI's flags (the default) or the editor's settings. */
  readonly raiseWith?: RaiseLimitWith;
}

export interface ImportSummary extends ImportCounts {
  readonly workbook: string;
  /** Whether files were written (false for a dry run, or when there was nothing to write). */
  readonly written: boolean;
}

/** Existing files would be overwritten and the user has not said so: nothing was written. */
export class OverwriteRefusedError extends Error {
  constructor(readonly summary: ImportSummary) {
    super(overwriteRefused(summary));
  }
}

/**
 * Imports a workbook into a folder of fragment files (FORMAT.md §6), all or nothing: a file whose
 * text differs is overwritten only with `force`; files with the same text are left as they are.
 */
export async function importWorkbookFile(workbookPath: string, folder: string, options: ImportOptions): Promise<ImportSummary> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(workbookPath);
  } catch (error) {
    throw new WorkbookError(
      l10n.t('cannot read {0}: {1}', workbookPath, (error as NodeJS.ErrnoException).code === 'ENOENT' ? l10n.t('no such file') : (error as Error).message),
    );
  }
  return importWorkbookBytes(bytes, workbookPath, folder, options);
}

/** The same, from the workbook's bytes (`workbookPath` names it in the summary, and tells .csv by its name). */
export async function importWorkbookBytes(bytes: Uint8Array, workbookPath: string, folder: string, options: ImportOptions): Promise<ImportSummary> {
  const sheet = await readWorkbook(bytes, basename(workbookPath), { limits: options.limits, raiseWith: options.raiseWith });
  const imported = importSheet(sheet, options.service.schema, options.namePattern ?? DEFAULT_NAME_PATTERN);
  const folderExists = isFolder(folder);
  const fixed = imported.fragments.map((fragment) => ({
    fileName: fragment.fileName,
    text: options.fix ? options.service.fixAll(fragment.text, URI.file(join(folder, fragment.fileName)).toString()) : fragment.text,
  }));
  const { created, changed, unchanged, toWrite } = planImport(fixed, (fileName) => (folderExists ? readIfThere(join(folder, fileName)) : undefined));
  const summary = { workbook: workbookPath, folder, rows: imported.fragments.length, emptyRows: imported.emptyRows.length, created, changed, unchanged };
  if (options.dryRun) return { ...summary, written: false };
  if (changed.length > 0 && !options.force) throw new OverwriteRefusedError({ ...summary, written: false });
  if (toWrite.length > 0) writeFilesAtomically(folder, toWrite);
  return { ...summary, written: toWrite.length > 0 };
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The summary in words: `12 rows: 10 files created, 1 changed, 1 left as it was; 1 empty row skipped.` */
export function describeImport(summary: ImportSummary): string {
  return describeCounts(summary);
}
