import type { Connection } from 'vscode-languageserver/browser';
import { FolderWorkspace } from '../folder-workspace';
import { FOLDER_FILES_NOTIFICATION, type FolderFilesParams, READ_FOLDERS_REQUEST, type ReadFoldersParams, type ReadFoldersResult } from '../protocol';
import type { FolderSettings } from '../server-workspace';
import { FolderView } from './folder-view';

/**
 * The web worker's workspace: the folders as its client reads them (a web worker has no file
 * system), kept in a `FolderView` and checked like files on disk. A client that cannot read
 * them leaves the open documents alone known.
 */
export class WorkerWorkspace extends FolderWorkspace {
  private readonly view: FolderView;

  constructor(private readonly connection: Connection) {
    const view = new FolderView();
    super(view);
    this.view = view;
    connection.onNotification(FOLDER_FILES_NOTIFICATION, (params: FolderFilesParams) => view.apply(params));
  }

  async loadFolders(folders: ReadonlyArray<{ uri: string; settings: FolderSettings }>, maxFileSize: number): Promise<void> {
    this.view.beginLoad();
    try {
      const params: ReadFoldersParams = { folders: folders.map((folder) => folder.uri), maxFileSize };
      await this.connection.sendRequest<ReadFoldersResult>(READ_FOLDERS_REQUEST, params);
    } catch (error) {
      this.connection.console.warn(`The workspace folders could not be read, so only the open documents are checked: ${(error as Error).message}`);
    } finally {
      this.view.endLoad();
    }
  }
}
