import * as vscode from 'vscode';
import { type BaseLanguageClient, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageclient';

/** What the fragment watcher already reports (and the web's folder reader reads). */
export const WATCHED_NAME = /(\.fragment|\.txt|\/\.fragmentrc\.json)$/;

/**
 * A folder deleted, renamed or moved in is reported by VS Code as one event, for the folder: a
 * watcher of `*.txt` files hears nothing of the files in it (microsoft/vscode#90746). These
 * events tell the server, which then forgets the files it had indexed under a folder that went,
 * and indexes those under a folder that came. `onFolder` sends them (the desktop's client sends
 * the event; the web's folder reader sends the files' texts first).
 */
export function watchFolders(onFolder: (uri: vscode.Uri, type: FileChangeType) => void | Promise<void>): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(async (uri) => {
      if (WATCHED_NAME.test(uri.path)) return;
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (stat && (stat.type & vscode.FileType.Directory) !== 0) await onFolder(uri, FileChangeType.Created);
    }),
    // Gone, it cannot be asked whether it was a folder: any other path may have been one.
    watcher.onDidDelete((uri) => (WATCHED_NAME.test(uri.path) ? undefined : onFolder(uri, FileChangeType.Deleted))),
  );
}

/** The desktop: the server reads the disk, and needs only the folder's event. */
export function sendFolderEvents(client: BaseLanguageClient): vscode.Disposable {
  return watchFolders((uri, type) => client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri.toString(), type }] }));
}
