import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import * as l10n from '@vscode/l10n';
import { naturalCompare } from '../core/harvest/natural-order';
import { WorkbookError } from '../workbook/workbook-error';
import { fragmentFilesIn, searchedFragmentFileBytes } from './fragment-files';

/** A file to export: one named is exported as asked; a `.txt` found in a folder only if its first line is a FragmentID line. */
export interface HarvestCandidate {
  readonly path: string;
  readonly needsFragmentFirstLine: boolean;
}

/**
 * The files of folders and files, in the order given and, inside a folder, in natural order
 * (`row_2` before `row_10`). A folder's `.txt` files are listed without being opened: their first
 * line is looked at once they are read, so that each file is opened once.
 */
export function harvestCandidates(paths: readonly string[]): HarvestCandidate[] {
  const found = new Map<string, HarvestCandidate>();
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new WorkbookError(l10n.t('no such file or folder: {0}', path));
    }
    if (!isFolder) {
      // Named, it is exported whatever its first line (where its folder listed it already, it stays there).
      found.set(path, { path, needsFragmentFirstLine: false });
      continue;
    }
    // Each file's name inside the folder worked out once, not at every comparison of the sort.
    const inFolder = fragmentFilesIn(path, () => false, false).map((file) => ({ file, name: relative(path, file) }));
    inFolder.sort((a, b) => naturalCompare(a.name, b.name));
    for (const { file } of inFolder) if (!found.has(file)) found.set(file, { path: file, needsFragmentFirstLine: file.endsWith('.txt') });
  }
  return [...found.values()];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A candidate's text; undefined for a searched `.txt` that is no fragment file. */
export function readCandidate(candidate: HarvestCandidate): string | undefined {
  let bytes: Buffer | undefined;
  try {
    bytes = candidate.needsFragmentFirstLine ? searchedFragmentFileBytes(candidate.path) : readFileSync(candidate.path);
  } catch (error) {
    throw new WorkbookError(l10n.t('cannot read {0}: {1}', candidate.path, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  if (bytes === undefined) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    throw new WorkbookError(l10n.t('cannot read {0}: {1}', candidate.path, 'not valid UTF-8 text'));
  }
}
