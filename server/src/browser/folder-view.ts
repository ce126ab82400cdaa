import type { FolderFilesParams } from '../protocol';
import { mayBeFragmentFile, type WorkspaceFileSystem } from '../workspace/file-system';

/**
 * The web worker's view of the workspace folders, which it cannot read itself: the fragment and
 * configuration files the client read through `workspace.fs` and sent (FOLDER_FILES_NOTIFICATION),
 * kept by URI. A reading of the folders fills a new view, which replaces the old one when
 * complete; what a file watcher reports meanwhile goes into both.
 */
export class FolderView implements WorkspaceFileSystem {
  private texts = new Map<string, string>();
  private loading: Map<string, string> | undefined;
  /** The URIs in order, made again after a file came or went. */
  private sorted: string[] | undefined;

  /** A reading of the folders starts: its batches go to a new view. */
  beginLoad(): void {
    this.loading = new Map();
  }

  /** The reading is complete: its view replaces the old one. */
  endLoad(): void {
    if (!this.loading) return;
    this.texts = this.loading;
    this.loading = undefined;
    this.sorted = undefined;
  }

  apply({ files, load }: FolderFilesParams): void {
    const targets = load ? [this.loading ?? this.texts] : [this.texts, ...(this.loading ? [this.loading] : [])];
    for (const { uri, text } of files) {
      for (const target of targets) {
        if (text !== null) target.set(uri, text);
        else if (!target.delete(uri)) {
          // Not a file this view holds: a folder that went, with every file under it.
          const prefix = `${uri}/`;
          for (const held of [...target.keys()]) if (held.startsWith(prefix)) target.delete(held);
        }
      }
    }
    this.sorted = undefined;
  }

  /** Every folder the client read (it reads only those it can). */
  reads(): boolean {
    return true;
  }

  filesUnder(folderUri: string, skip: (uri: string) => boolean): string[] {
    this.sorted ??= [...this.texts.keys()].sort();
    const prefix = `${folderUri}/`;
    return this.sorted.filter((uri) => uri.startsWith(prefix) && mayBeFragmentFile(uri) && !skip(uri));
  }

  readHead(uri: string): string | undefined {
    return this.texts.get(uri)?.slice(0, 64);
  }

  readText(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  isFile(uri: string): boolean {
    return this.texts.has(uri);
  }
}
