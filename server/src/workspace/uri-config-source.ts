import { URI, Utils } from 'vscode-uri';
import type { ConfigSource } from './config-files';
import type { WorkspaceFileSystem } from './file-system';
import { uriPath } from './uri-keys';

/** The configuration lookup over URIs as VS Code spells them: `/` separates folders whatever the scheme. */
export function uriConfigSource(files: WorkspaceFileSystem, key: (uri: string) => string): ConfigSource {
  return {
    readText: (uri) => files.readText(uri),
    isFile: (uri) => files.isFile(uri),
    dirname(uri) {
      const slash = uri.lastIndexOf('/');
      // `scheme://authority` is as far up as a URI goes.
      return slash <= uri.indexOf('//') + 1 ? uri : uri.slice(0, slash);
    },
    join: (folder, name) => Utils.joinPath(URI.parse(folder), name).toString(),
    // Decoded and `/`-separated, as globs are written.
    relative: (folder, uri) => uriPath(uri).slice(uriPath(folder).replace(/\/+$/, '').length + 1),
    sep: '/',
    key,
  };
}
