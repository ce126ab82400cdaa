import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { URI } from 'vscode-uri';
import type { WorkspaceFileSystem } from '../workspace/file-system';
import { fragmentFilesIn } from './fragment-files';

/** The workspace's files on Node's disk: `file:` URIs, turned into paths and back by `vscode-uri`. */
export class DiskFileSystem implements WorkspaceFileSystem {
  reads(folderUri: string): boolean {
    return folderUri.startsWith('file:');
  }

  filesUnder(folderUri: string, skip: (uri: string) => boolean): string[] {
    // The walk skips a hidden folder whole, by its path: each path becomes a URI once.
    const uris = new Map<string, string>();
    const uriOf = (path: string) => {
      let uri = uris.get(path);
      if (uri === undefined) {
        uri = URI.file(path).toString();
        uris.set(path, uri);
      }
      return uri;
    };
    return fragmentFilesIn(pathOf(folderUri), (path) => skip(uriOf(path)), false).map(uriOf);
  }

  readHead(uri: string): string | undefined {
    let descriptor: number | undefined;
    try {
      descriptor = openSync(pathOf(uri), 'r');
      const head = Buffer.alloc(64);
      return head.subarray(0, readSync(descriptor, head, 0, head.length, 0)).toString('utf8');
    } catch {
      return undefined;
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
  }

  readText(uri: string): string | undefined {
    try {
      const text = readFileSync(pathOf(uri), 'utf8');
      return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
      return undefined;
    }
  }

  isFile(uri: string): boolean {
    try {
      return statSync(pathOf(uri)).isFile();
    } catch {
      return false;
    }
  }
}

/** A `file:` URI's path on this system (`c:\Users\…` on Windows); other schemes name no file here. */
export function pathOf(uri: string): string {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') throw new Error(`not a file on disk: ${uri}`);
  const path = parsed.fsPath;
  // A root folder's key has no trailing separator; `e:` alone would be drive E's current folder, not its root.
  if (path === '') return sep;
  return /^[A-Za-z]:$/.test(path) ? `${path}${sep}` : path;
}
