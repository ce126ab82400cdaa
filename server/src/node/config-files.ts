import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { ConfigFileIndex } from '../workspace/config-files';

export type { ConfigFile } from '../workspace/config-files';

/** The configuration files on disk (the shared lookup of server/src/workspace/config-files.ts over Node's paths). */
export class ConfigFiles extends ConfigFileIndex {
  constructor(readText: (path: string) => string | undefined = readConfigText) {
    super({ readText, isFile, dirname, join, relative: relativePath, sep });
  }
}

/** A path relative to a folder, `/`-separated, as globs are written. */
export function relativePath(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

function readConfigText(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
