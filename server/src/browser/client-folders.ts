import type { Connection } from 'vscode-languageserver/browser';
import { FOLDER_FILES_NOTIFICATION, type FolderFilesParams, READ_FOLDERS_REQUEST, type ReadFoldersParams, type ReadFoldersResult } from '../protocol';
import { FolderView } from './folder-view';

/**
 * The web worker's file system: the folders as its client reads them through `workspace.fs` (a
 * web worker has none), kept in a `FolderView`. A client that cannot read them leaves the open
 * documents alone known.
 */
export class ClientFolders extends FolderView {
  constructor(private readonly connection: Connection) {
    super();
    connection.onNotification(FOLDER_FILES_NOTIFICATION, (params: FolderFilesParams) => this.apply(params));
  }

  async load(folderUris: readonly string[], maxFileSize: number): Promise<void> {
    this.beginLoad();
    try {
      const params: ReadFoldersParams = { folders: [...folderUris], maxFileSize };
      await this.connection.sendRequest<ReadFoldersResult>(READ_FOLDERS_REQUEST, params);
    } catch (error) {
      this.connection.console.warn(`The workspace folders could not be read, so only the open documents are checked: ${(error as Error).message}`);
    } finally {
      this.endLoad();
    }
  }
}
