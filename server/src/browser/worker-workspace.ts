import * as l10n from '@vscode/l10n';
import { type Connection, ResponseError } from 'vscode-languageserver/browser';
import { FolderWorkspace } from '../folder-workspace';
import {
  EXPORT_HARVEST_REQUEST,
  FOLDER_FILES_NOTIFICATION,
  type FolderFilesParams,
  HARVEST_ERROR_CODE,
  IMPORT_WORKBOOK_REQUEST,
  READ_FOLDERS_REQUEST,
  type ReadFoldersParams,
  type ReadFoldersResult,
} from '../protocol';
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

/**
 * Workbook import and export need the desktop app or the CLI: the workbook pipeline writes files
 * in place with Node's file system. Said in words rather than "method not found".
 */
export function registerHarvestRequestsUnavailable(connection: Connection): void {
  const unavailable = () => new ResponseError<void>(HARVEST_ERROR_CODE, workbooksNeedDesktop());
  connection.onRequest(IMPORT_WORKBOOK_REQUEST, unavailable);
  connection.onRequest(EXPORT_HARVEST_REQUEST, unavailable);
}

export function workbooksNeedDesktop(): string {
  return l10n.t('Importing and exporting workbooks needs VS Code on the desktop or the fragments command line; it is not available in the browser.');
}
