import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A folder or file that cannot be written: the message names it and says why. Nothing was changed. */
export class WriteError extends Error {}

/**
 * Why a write failed, in words. Windows says ENOENT where POSIX says ENOTDIR (a file where a
 * folder of the path should be): with the path, the nearest existing ancestor tells them apart.
 */
function reasonOf(error: unknown, path?: string): string {
  let code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && path !== undefined && fileInPathOf(path)) code = 'ENOTDIR';
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    ENOTDIR: 'a file stands where a folder should be',
    EISDIR: 'a folder stands where the file should be',
    ENOENT: 'the folder does not exist',
  };
  return (code && reasons[code]) ?? (error as Error).message;
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
 * fail, the files moved so far are moved back and the files they replaced restored.
 */
export function writeFilesAtomically(folder: string, files: ReadonlyArray<{ readonly name: string; readonly content: string | Uint8Array }>): void {
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new WriteError(`cannot write into ${folder}: it is a file, not a folder`);
  const parent = dirname(folder);
  let temporary: string;
  try {
    mkdirSync(parent, { recursive: true });
    temporary = mkdtempSync(join(parent, `.${basename(folder)}.writing-`));
  } catch (error) {
    // A folder of one's own inside a folder one may not write to: stage inside it instead.
    if (!existsSync(folder)) throw new WriteError(`cannot write into ${folder}: ${reasonOf(error, join(folder, 'x'))}`);
    try {
      temporary = mkdtempSync(join(folder, '.fragments-writing-'));
    } catch (inside) {
      throw new WriteError(`cannot write into ${folder}: ${reasonOf(inside)}`);
    }
  }
  try {
    const staged = join(temporary, 'new');
    mkdirSync(staged);
    // Synchronous writes: for thousands of small files they beat overlapping asynchronous ones (measured).
    for (const file of files) writeFileSync(join(staged, file.name), file.content, { flag: 'wx' });
    if (!existsSync(folder)) {
      renameSync(staged, folder);
      return;
    }
    moveInto(folder, staged, join(temporary, 'replaced'), files);
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(`cannot write into ${folder}: ${reasonOf(error)}; nothing was changed`);
  } finally {
    removeQuietly(temporary);
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

function moveInto(folder: string, staged: string, replaced: string, files: ReadonlyArray<{ readonly name: string }>): void {
  mkdirSync(replaced);
  const done: Array<{ name: string; hadOld: boolean }> = [];
  try {
    for (const { name } of files) {
      const target = join(folder, name);
      const hadOld = existsSync(target);
      if (hadOld) renameSync(target, join(replaced, name));
      done.push({ name, hadOld });
      renameSync(join(staged, name), target);
    }
  } catch (error) {
    for (const { name, hadOld } of done.reverse()) {
      rmSync(join(folder, name), { force: true });
      if (hadOld) renameSync(join(replaced, name), join(folder, name));
    }
    throw error;
  }
}

/** Writes one or more files beside each other all or nothing: each through a temporary file in its folder and a rename. */
export function replaceFilesAtomically(files: ReadonlyArray<{ readonly path: string; readonly content: string | Uint8Array }>): void {
  const temporaries: string[] = [];
  try {
    for (const file of files) {
      const temporary = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
      temporaries.push(temporary);
      writeFileSync(temporary, file.content, { flag: 'wx' });
    }
    for (const [index, file] of files.entries()) renameSync(temporaries[index] as string, file.path);
  } catch (error) {
    throw new WriteError(`cannot write ${files[0]?.path ?? 'the file'}: ${reasonOf(error, files[0]?.path)}; nothing was written`);
  } finally {
    for (const temporary of temporaries) removeQuietly(temporary);
  }
}
