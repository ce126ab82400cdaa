import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { portableGlob } from '../core/schema/portable-glob';
import { FRAGMENT_FIRST_LINE } from '../core/text/first-line';

/** Folders never searched: dependencies and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Whether a file is a fragment file: `*.fragment`, or a `.txt` whose first line is a FragmentID line. */
export function isFragmentFile(path: string): boolean {
  if (path.endsWith('.fragment')) return true;
  if (!path.endsWith('.txt')) return false;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    return startsWithFragmentIdLine(descriptor);
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Whether an open file's first bytes are a FragmentID line; read where they are, so the file's position stays at its start. */
function startsWithFragmentIdLine(descriptor: number): boolean {
  const head = Buffer.alloc(32);
  const read = readSync(descriptor, head, 0, head.length, 0);
  return FRAGMENT_FIRST_LINE.test(head.subarray(0, read).toString('utf8'));
}

/**
 * The bytes of a `.txt` found by searching, opened once: undefined when it is no fragment file
 * (its first line is no FragmentID line, or it cannot be opened), as `isFragmentFile` says. Any
 * other file is only opened to read its first bytes.
 */
export function searchedFragmentFileBytes(path: string): Buffer | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    let isFragment: boolean;
    try {
      isFragment = startsWithFragmentIdLine(descriptor);
    } catch {
      return undefined;
    }
    // Read from its start (the head was read where it is): the whole file, once it is known to be one.
    return isFragment ? readFileSync(descriptor) : undefined;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Every fragment file under a folder, recursively, in a stable order. With `openTxt` false, a
 * `.txt` is listed without looking at its first line (the caller does, once it reads the file).
 */
export function fragmentFilesIn(folder: string, exclude: (path: string) => boolean = () => false, openTxt = true): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing we can check
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (exclude(path)) continue;
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(path);
      else if (entry.isFile() && (openTxt ? isFragmentFile(path) : path.endsWith('.fragment') || path.endsWith('.txt'))) found.push(path);
    }
  };
  walk(folder);
  return found;
}

const GLOB_CHARACTERS = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARACTERS.test(pattern);
}

/** A glob (`*`, `**`, `?`, `[abc]`, `{a,b}`, `\[` for a `[` itself) as a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const character = glob[i] as string;
    if (character === '\\' && i + 1 < glob.length) {
      source += (glob[i + 1] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    } else if (character === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, `**` at the end anything.
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (character === '?') source += '[^/]';
    else if (character === '[') {
      const end = glob.indexOf(']', i);
      if (end < 0) source += '\\[';
      else {
        source += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (character === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) source += '\\{';
      else {
        source += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((option) => option.replace(/[.+^$()|\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else source += character.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * A glob's fixed leading folders and the rest, `/`-separated, its `\` read as on every system
 * (`reports\2024\*.txt` is `reports/2024` and `*.txt`: portableGlob).
 */
export function globParts(glob: string): { readonly fixed: string; readonly rest: string } {
  const parts = portableGlob(glob).split('/');
  const firstMagic = parts.findIndex((part) => isGlob(part));
  if (firstMagic < 0) return { fixed: parts.join('/'), rest: '' };
  return { fixed: parts.slice(0, firstMagic).join('/'), rest: parts.slice(firstMagic).join('/') };
}

/** The fragment files a glob matches, searched from the glob's fixed leading folders. */
export function fragmentFilesMatching(glob: string, cwd: string, openTxt = true): string[] {
  const { fixed, rest } = globParts(glob);
  const base = resolve(cwd, fixed || '.');
  const pattern = globToRegExp(rest);
  return fragmentFilesIn(base, () => false, openTxt).filter((path) => pattern.test(relative(base, path).split(sep).join('/')));
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
