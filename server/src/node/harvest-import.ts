import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { DEFAULT_NAME_PATTERN } from '../core/harvest/file-names';
import { importSheet } from '../core/harvest/import-rows';
import type { FragmentService } from '../core/service';
import { readWorkbook } from '../workbook';
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
}

export interface ImportSummary {
  readonly workbook: string;
  readonly folder: string;
  /** Rows imported (empty rows aside). */
  readonly rows: number;
  readonly emptyRows: number;
  readonly created: readonly string[];
  readonly changed: readonly string[];
  readonly unchanged: readonly string[];
  /** Whether files were written (false for a dry run, or when there was nothing to write). */
  readonly written: boolean;
}

/** Existing files would be overwritten and the user has not said so: nothing was written. */
export class OverwriteRefusedError extends Error {
  constructor(readonly summary: ImportSummary) {
    const count = summary.changed.length;
    super(
      `${count} file${count === 1 ? '' : 's'} in ${summary.folder} already exist${count === 1 ? 's' : ''} with other text (${summary.changed.slice(0, 3).join(', ')}${count > 3 ? ', …' : ''}): nothing was written; overwrite with --force`,
    );
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
  const sheet = await readWorkbook(bytes, basename(workbookPath));
  const imported = importSheet(sheet, options.service.schema, options.namePattern ?? DEFAULT_NAME_PATTERN);
  const created: string[] = [];
  const changed: string[] = [];
  const unchanged: string[] = [];
  const toWrite: Array<{ name: string; content: string }> = [];
  const folderExists = isFolder(folder);
  for (const fragment of imported.fragments) {
    const path = join(folder, fragment.fileName);
    const text = options.fix ? options.service.fixAll(fragment.text, pathToFileURL(path).toString()) : fragment.text;
    const existing = folderExists ? readIfThere(path) : undefined;
    if (existing === undefined) created.push(fragment.fileName);
    else if (sameText(existing, text)) {
      unchanged.push(fragment.fileName);
      continue;
    } else changed.push(fragment.fileName);
    toWrite.push({ name: fragment.fileName, content: text });
  }
  const summary = { workbook: workbookPath, folder, rows: imported.fragments.length, emptyRows: imported.emptyRows.length, created, changed, unchanged };
  if (options.dryRun) return { ...summary, written: false };
  if (changed.length > 0 && !options.force) throw new OverwriteRefusedError({ ...summary, written: false });
  if (toWrite.length > 0) writeFilesAtomically(folder, toWrite);
  return { ...summary, written: toWrite.length > 0 };
}

/** The same text, whatever its line ends and BOM: a file the writer saved with CRLF is not changed for that. */
function sameText(existing: string, text: string): boolean {
  return existing === text || existing.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') === text;
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
  const fileCount = summary.created.length + summary.changed.length + summary.unchanged.length;
  const parts = [
    l10n.t('{0} created', summary.created.length),
    l10n.t('{0} changed', summary.changed.length),
    summary.unchanged.length === 1 ? l10n.t('1 left as it was') : l10n.t('{0} left as they were', summary.unchanged.length),
  ];
  const imported = l10n.t(
    '{0} imported into {1}: {2} ({3})',
    summary.rows === 1 ? l10n.t('1 row') : l10n.t('{0} rows', summary.rows),
    summary.folder,
    fileCount === 1 ? l10n.t('1 file') : l10n.t('{0} files', fileCount),
    parts.join(', '),
  );
  if (summary.emptyRows === 0) return `${imported}.`;
  return l10n.t('{0}; {1}.', imported, summary.emptyRows === 1 ? l10n.t('1 empty row skipped') : l10n.t('{0} empty rows skipped', summary.emptyRows));
}
