import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FRAGMENT_FIRST_LINE } from '../core/text/first-line';
import { renameRetrying } from '../node/atomic-write';
import { fragmentFilesIn, fragmentFilesMatching, globParts, isFolder, isGlob } from '../node/fragment-files';
import type { LintConfiguration } from '../node/lint-config';
import { UsageError } from './io';

/** A file to check; one found in a folder or by a glob is checked only if it is a fragment file. */
export interface Candidate {
  readonly path: string;
  /** A `.txt` found by searching: a fragment file only if its first line is a FragmentID line. */
  readonly needsFragmentFirstLine: boolean;
  /** The folder given (or the glob's fixed part, or the file's folder): the nearest configuration is looked for up to it. */
  readonly searchedFrom: string;
}

/** Whether a platform's usual file systems tell `a.txt` from `A.TXT` (Windows and macOS do not). */
function casesDiffer(platform: NodeJS.Platform): boolean {
  return platform !== 'win32' && platform !== 'darwin';
}

/**
 * Files, folders and globs to the list of files to check, each once, in the order given. On
 * Windows and macOS a path named twice in two casings (`a.txt A.TXT`) is one file, checked once
 * under the first spelling.
 */
export function expandPaths(
  paths: readonly string[],
  cwd: string,
  configuration: LintConfiguration,
  platform: NodeJS.Platform = process.platform,
): Candidate[] {
  const files = new Map<string, Candidate>();
  const keyOf = casesDiffer(platform) ? (path: string) => path : (path: string) => path.toLowerCase();
  // A file found by searching is checked only if its configuration counts it in the harvest; one named is checked as asked.
  const found = (path: string, searchedFrom: string) => {
    const key = keyOf(path);
    if (!files.has(key) && configuration.isIncluded(path, searchedFrom)) files.set(key, { path, needsFragmentFirstLine: path.endsWith('.txt'), searchedFrom });
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    // Searching lists .txt files without opening them: their first line is looked at once read.
    if (isFolder(absolute)) for (const file of fragmentFilesIn(absolute, () => false, false)) found(file, absolute);
    else if (isGlob(path)) for (const file of fragmentFilesMatching(path, cwd, false)) found(file, globBase(path, cwd));
    else {
      const earlier = files.get(keyOf(absolute));
      if (earlier === undefined) {
        try {
          statSync(absolute);
        } catch {
          throw new UsageError(`no such file or folder: ${path}`);
        }
      }
      // Named, it is checked as asked, under the spelling it was first met by.
      const spelling = earlier?.path ?? absolute;
      files.set(keyOf(absolute), { path: spelling, needsFragmentFirstLine: false, searchedFrom: dirname(spelling) });
    }
  }
  return [...files.values()];
}

/** The folder a glob's fixed leading part names. */
function globBase(glob: string, cwd: string): string {
  return resolve(cwd, globParts(glob).fixed || '.');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A fragment file's text, its BOM apart (kept out of the check, put back on write). */
export type ReadResult = { kind: 'text'; bom: string; content: string } | { kind: 'unreadable'; reason: string } | { kind: 'not-a-fragment-file' };

export function readCandidate(candidate: Candidate): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(candidate.path);
  } catch (error) {
    return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  // A searched .txt is a fragment file only if it starts with a FragmentID line (ASCII, so the
  // bytes tell): any other .txt, in whatever encoding, is none of our business.
  if (
    candidate.needsFragmentFirstLine &&
    !FRAGMENT_FIRST_LINE.test(
      bytes
        .subarray(0, 32)
        .toString('latin1')
        .replace(/^\xEF\xBB\xBF/, ''),
    )
  )
    return { kind: 'not-a-fragment-file' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'unreadable', reason: 'not valid UTF-8 text' };
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return { kind: 'text', bom, content: text.slice(bom.length) };
}

/** Writes through a temporary file in the same folder and a rename, so a file is never half-written. */
export function writeAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: statSync(file).mode });
    // Tried again for a while when another program holds the file (Windows: open in Excel, being scanned).
    renameRetrying(temporary, file);
  } finally {
    rmSync(temporary, { force: true }); // gone after the rename; removed after a failure
  }
}
