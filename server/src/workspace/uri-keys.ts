import { URI } from 'vscode-uri';

/**
 * Where a URI from outside becomes the workspace's key for a file, once. Editors spell one file
 * in several ways: VS Code percent-encodes `& ( ) ! '` and the drive's colon (`file:///c%3A/`),
 * Node's `pathToFileURL` does not (`file:///C:/`), Neovim has its own. The key is the decoded
 * path, its drive letter lower-cased, and all of it lower-cased where the disk ignores case
 * (Windows, macOS): a file has one key however it was spelt. The spelling is what the workspace
 * sends back: VS Code's own (`vscode-uri`), or the client's, when the client named the file.
 */
export class UriKeys {
  private readonly keys = new Map<string, string>();
  private readonly spellings = new Map<string, string>();
  private readonly paths = new Map<string, string>();

  constructor(readonly ignoreCase: boolean) {}

  /** The key of a file's URI; also of a folder's, without its trailing `/`. */
  key(uri: string): string {
    let key = this.keys.get(uri);
    if (key === undefined) {
      key = keyOf(uri, this.ignoreCase);
      this.keys.set(uri, key);
    }
    return key;
  }

  /** The URI as VS Code writes it (made once per URI: the workspace asks for each file several times). */
  spelling(uri: string): string {
    let spelt = this.spellings.get(uri);
    if (spelt === undefined) {
      spelt = vscodeSpelling(uri);
      this.spellings.set(uri, spelt);
    }
    return spelt;
  }

  /** The URI's decoded path (made once per URI). */
  path(uri: string): string {
    let path = this.paths.get(uri);
    if (path === undefined) {
      path = uriPath(uri);
      this.paths.set(uri, path);
    }
    return path;
  }

  /** Whether `uri` is the folder `folderKey` or inside it. */
  isIn(uri: string, folderKey: string): boolean {
    const key = this.key(uri);
    return key === folderKey || key.startsWith(`${folderKey}/`);
  }

  /** Forgets the keys made so far (they are made again when asked): the map holds as many as the URIs seen. */
  clear(): void {
    this.keys.clear();
    this.spellings.clear();
    this.paths.clear();
  }
}

/** A URI as VS Code writes it (`vscode-uri`); a string that is no URI stays as it is. */
export function vscodeSpelling(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** The decoded path of a URI, `/`-separated (`/c:/Users/a.txt`, `/home/me/M&E harvest (2024)`). */
export function uriPath(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}

function keyOf(uri: string, ignoreCase: boolean): string {
  let parsed: URI;
  try {
    parsed = URI.parse(uri);
  } catch {
    return ignoreCase ? uri.toLowerCase() : uri;
  }
  let path = parsed.path.replace(/^\/([A-Za-z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`);
  if (ignoreCase) path = path.toLowerCase();
  // A folder's key has no trailing `/`, a root's none either (`file://`), so that `${key}/` starts what it holds.
  path = path.replace(/\/+$/, '');
  const query = parsed.query ? `?${parsed.query}` : '';
  return `${parsed.scheme}://${parsed.authority.toLowerCase()}${path}${query}`;
}
