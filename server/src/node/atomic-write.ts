import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as l10n from '@vscode/l10n';

/** A folder or file that cannot be written: the message names it, says why, and says what was and was not written. */
export class WriteError extends Error {}

/**
 * The file system operations a write can fail at, injectable so that tests can make a rename
 * fail as Windows does when Excel holds the file open or an antivirus scans it (EBUSY, EPERM).
 */
export interface WriteOperations {
  readonly rename: (from: string, to: string) => void;
  /** Blocks for a few milliseconds between two tries of a rename (the writes are synchronous). */
  readonly wait: (milliseconds: number) => void;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

const nodeOperations: WriteOperations = {
  // Looked up at each call, not once: a test that stands in for node:fs's renameSync is heard.
  rename: (from, to) => renameSync(from, to),
  // Sleeps without spinning: nothing ever notifies this cell, so the wait runs to its timeout.
  wait: (milliseconds) => void Atomics.wait(sleeper, 0, 0, milliseconds),
};

/** The codes of a file another program holds (Windows: open in Excel, being scanned): worth another try. */
const LOCKED = new Set(['EBUSY', 'EPERM', 'EACCES']);

/** The pauses between the tries of a rename: seven tries within 775 ms. */
const RETRY_PAUSES = [25, 50, 100, 200, 200, 200];

/** A rename, tried again for a while when the file is held by another program; the last failure is thrown. */
export function renameRetrying(from: string, to: string, operations: WriteOperations = nodeOperations): void {
  for (let attempt = 0; ; attempt++) {
    try {
      operations.rename(from, to);
      return;
    } catch (error) {
      const pause = RETRY_PAUSES[attempt];
      if (pause === undefined || !LOCKED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      operations.wait(pause);
    }
  }
}

/**
 * Why a write failed, in words. Windows says ENOENT where POSIX says ENOTDIR (a file where a
 * folder of the path should be): with the path, the nearest existing ancestor tells them apart.
 */
function reasonOf(error: unknown, path?: string): string {
  let code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && path !== undefined && fileInPathOf(path)) code = 'ENOTDIR';
  switch (code) {
    case 'EBUSY':
      return l10n.t('it is in use by another program (open in Excel, or being scanned by an antivirus); close it and try again');
    case 'EACCES':
    case 'EPERM':
      return l10n.t('it is locked or read-only (open in another program such as Excel, or without permission to write); close it and try again');
    case 'EROFS':
      return l10n.t('the disk is read-only');
    case 'ENOSPC':
      return l10n.t('the disk is full');
    case 'ENOTDIR':
      return l10n.t('a file stands where a folder should be');
    case 'EISDIR':
      return l10n.t('a folder stands where the file should be');
    case 'ENOENT':
      return l10n.t('the folder does not exist');
    default:
      return (error as Error).message;
  }
}

/** `a.txt`, `a.txt and b.txt`, `a.txt, b.txt and c.txt`. */
function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return l10n.t('{0} and {1}', names.slice(0, -1).join(', '), names[names.length - 1] as string);
}

/**
 * The failure of a write of several files in words: the file that could not be written and why,
 * then what was left written (moved in and not put back) and what was not.
 */
function failureMessage(failedAt: string, error: unknown, stuck: readonly string[], notWritten: readonly string[], keptIn?: string): string {
  const head = l10n.t('cannot write {0}: {1}', failedAt, reasonOf(error, failedAt));
  const parts: string[] = [];
  if (stuck.length > 0)
    parts.push(
      stuck.length === 1
        ? l10n.t('{0} was written and could not be put back as it was', listed(stuck))
        : l10n.t('{0} were written and could not be put back as they were', listed(stuck)),
    );
  // Never deleted: what could not be put back stays where it was moved aside, and the message says where.
  if (keptIn !== undefined) parts.push(l10n.t('the earlier versions that could not be put back are kept in {0}', keptIn));
  if (parts.length === 0) return l10n.t('{0}; nothing was written', head);
  if (notWritten.length > 0)
    parts.push(notWritten.length === 1 ? l10n.t('{0} was not written', listed(notWritten)) : l10n.t('{0} were not written', listed(notWritten)));
  return `${head}; ${parts.join('; ')}`;
}

/** Whether the nearest existing ancestor folder of `path` is in fact a file. */
function fileInPathOf(path: string): boolean {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    if (existsSync(folder)) return !statSync(folder).isDirectory();
    if (dirname(folder) === folder) return false;
  }
}

/**
 * Writes files into a folder all or nothing: every file is first written into a temporary folder
 * beside it, then moved in (the whole temporary folder, when the folder is new). Should a move
 * fail (after some tries, for a file another program holds), the files moved so far are moved
 * back and the files they replaced restored; the message says which could not be.
 */
export function writeFilesAtomically(
  folder: string,
  files: ReadonlyArray<{ readonly name: string; readonly content: string | Uint8Array }>,
  operations: WriteOperations = nodeOperations,
): void {
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new WriteError(l10n.t('cannot write into {0}: it is a file, not a folder', folder));
  const parent = dirname(folder);
  let temporary: string;
  try {
    mkdirSync(parent, { recursive: true });
    temporary = mkdtempSync(join(parent, `.${basename(folder)}.writing-`));
  } catch (error) {
    // A folder of one's own inside a folder one may not write to: stage inside it instead.
    if (!existsSync(folder)) throw new WriteError(l10n.t('cannot write into {0}: {1}', folder, reasonOf(error, join(folder, 'x'))));
    try {
      temporary = mkdtempSync(join(folder, '.fragments-writing-'));
    } catch (inside) {
      throw new WriteError(l10n.t('cannot write into {0}: {1}', folder, reasonOf(inside)));
    }
  }
  let keepTemporary = false;
  try {
    const staged = join(temporary, 'new');
    mkdirSync(staged);
    // Synchronous writes: for thousands of small files they beat overlapping asynchronous ones (measured).
    for (const file of files) writeFileSync(join(staged, file.name), file.content, { flag: 'wx' });
    if (!existsSync(folder)) {
      try {
        renameRetrying(staged, folder, operations);
      } catch (error) {
        throw new WriteError(l10n.t('cannot write into {0}: {1}; nothing was written', folder, reasonOf(error)));
      }
      return;
    }
    const replaced = join(temporary, 'replaced');
    const failure = moveInto(folder, staged, replaced, files, operations);
    if (failure) {
      // A replaced file that could not be put back is kept where it is, never deleted with the temporary folder.
      keepTemporary = failure.oldKeptAside;
      throw new WriteError(failureMessage(failure.failedAt, failure.error, failure.stuck, failure.notWritten, failure.oldKeptAside ? replaced : undefined));
    }
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(l10n.t('cannot write into {0}: {1}; nothing was changed', folder, reasonOf(error)));
  } finally {
    if (!keepTemporary) removeQuietly(temporary);
  }
}

/** Cleans up a temporary file or folder; one that never came to be (its folder cannot hold it) is no error. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing was there to remove
  }
}

interface MoveFailure {
  /** The file (in the folder) that could not be written. */
  readonly failedAt: string;
  readonly error: unknown;
  /** The files moved in and not moved back. */
  readonly stuck: string[];
  /** The files never moved in (the one that failed included). */
  readonly notWritten: string[];
  /** Whether a file moved aside could not be put back: it is still in the folder of replaced files. */
  readonly oldKeptAside: boolean;
}

/** Moves the staged files in, each old one aside first; on a failure, undoes what it can and says what it could not. */
function moveInto(
  folder: string,
  staged: string,
  replaced: string,
  files: ReadonlyArray<{ readonly name: string }>,
  operations: WriteOperations,
): MoveFailure | undefined {
  mkdirSync(replaced);
  const done: Array<{ name: string; hadOld: boolean; movedIn: boolean }> = [];
  let failedIndex = 0;
  let failure: unknown;
  for (const [index, { name }] of files.entries()) {
    const target = join(folder, name);
    const hadOld = existsSync(target);
    try {
      if (hadOld) renameRetrying(target, join(replaced, name), operations);
      done.push({ name, hadOld, movedIn: false });
      renameRetrying(join(staged, name), target, operations);
      (done[done.length - 1] as { movedIn: boolean }).movedIn = true;
    } catch (error) {
      failedIndex = index;
      failure = error;
      break;
    }
  }
  if (failure === undefined) return undefined;
  const stuck: string[] = [];
  let oldKeptAside = false;
  for (const { name, hadOld, movedIn } of done.reverse()) {
    const target = join(folder, name);
    try {
      // The old file back over the new one (a rename replaces it); a file that was not there, removed.
      if (hadOld) renameRetrying(join(replaced, name), target, operations);
      else if (movedIn) rmSync(target, { force: true, maxRetries: 5 });
    } catch {
      if (movedIn) stuck.unshift(name);
      if (hadOld) oldKeptAside = true;
    }
  }
  const failedName = (files[failedIndex] as { name: string }).name;
  return { failedAt: join(folder, failedName), error: failure, stuck, notWritten: files.slice(failedIndex).map((file) => file.name), oldKeptAside };
}

/**
 * Writes one or more files beside each other all or nothing: each through a temporary file in its
 * folder and a rename, which replaces the file it lands on at once. Should a rename fail (after
 * some tries, for a file another program holds), the files replaced so far get their old text
 * back from a copy made first; the message says which could not.
 */
export function replaceFilesAtomically(
  files: ReadonlyArray<{ readonly path: string; readonly content: string | Uint8Array }>,
  operations: WriteOperations = nodeOperations,
): void {
  const temporaries: string[] = [];
  const copies = new Map<number, string>();
  const stamp = `${process.pid}.${Date.now().toString(36)}`;
  try {
    for (const file of files) {
      const temporary = join(dirname(file.path), `.${basename(file.path)}.${stamp}.tmp`);
      temporaries.push(temporary);
      writeFileSync(temporary, file.content, { flag: 'wx' });
    }
  } catch (error) {
    for (const temporary of temporaries) removeQuietly(temporary);
    throw new WriteError(failureMessage(files[temporaries.length - 1]?.path ?? files[0]?.path ?? '', error, [], []));
  }
  let moved = 0;
  try {
    for (const [index, file] of files.entries()) {
      // The old text kept aside until all are written: the files replaced before a failure get it back.
      if (files.length > 1 && existsSync(file.path)) {
        const copy = join(dirname(file.path), `.${basename(file.path)}.${stamp}.old`);
        copyFileSync(file.path, copy);
        copies.set(index, copy);
      }
      renameRetrying(temporaries[index] as string, file.path, operations);
      moved++;
    }
  } catch (error) {
    const stuck: string[] = [];
    for (let index = moved - 1; index >= 0; index--) {
      const file = files[index] as { path: string };
      const copy = copies.get(index);
      try {
        if (copy !== undefined) renameRetrying(copy, file.path, operations);
        else rmSync(file.path, { force: true, maxRetries: 5 });
      } catch {
        stuck.unshift(file.path);
      }
    }
    throw new WriteError(
      failureMessage(
        (files[moved] as { path: string }).path,
        error,
        stuck,
        files.slice(moved).map((file) => file.path),
      ),
    );
  } finally {
    for (const temporary of temporaries) removeQuietly(temporary);
    for (const copy of copies.values()) removeQuietly(copy);
  }
}
