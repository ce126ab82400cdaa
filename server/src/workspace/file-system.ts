/**
 * What the workspace reads of the folders, by URI, in a runtime: Node's disk
 * (server/src/node/disk-file-system.ts), or the client's `workspace.fs` in a web worker, which
 * has none (server/src/browser/client-folders.ts). Synchronous: the workspace answers a
 * keystroke's check from what is here. Changes are watched by the client in both runtimes: it
 * sends `workspace/didChangeWatchedFiles` (in the web after the file's new text).
 */
export interface WorkspaceFileSystem {
  /** Whether the folder is one this runtime can read (Node's disk: `file:` folders only). */
  reads(folderUri: string): boolean;
  /** Reads the folders first, where they cannot be read synchronously (the web worker asks its client). */
  load?(folderUris: readonly string[], maxFileSize: number): Promise<void>;
  /**
   * The files under a folder that may be fragment files (`*.fragment`, `*.txt`), recursively,
   * in a stable order, without dependency and version-control folders, nor the files and folders
   * `skip` says: URIs as VS Code writes them.
   */
  filesUnder(folderUri: string, skip: (uri: string) => boolean): string[];
  /** A file's first characters (at least a FragmentID line's opening), undefined when it cannot be read. */
  readHead(uri: string): string | undefined;
  /** A file's text without its BOM, undefined when it cannot be read. */
  readText(uri: string): string | undefined;
  isFile(uri: string): boolean;
}

/** Whether a file's name makes it a candidate fragment file (a `.txt` must also start with a FragmentID line). */
export function mayBeFragmentFile(uri: string): boolean {
  return uri.endsWith('.fragment') || uri.endsWith('.txt');
}
