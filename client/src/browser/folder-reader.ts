import * as vscode from 'vscode';
import { type BaseLanguageClient, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageclient';
import {
  FOLDER_FILES_NOTIFICATION,
  type FolderFilesParams,
  FRAGMENT_FIRST_LINE,
  READ_FOLDERS_REQUEST,
  type ReadFoldersParams,
  type ReadFoldersResult,
} from '../../../server/src/protocol';
import { watchFolders } from '../folder-events';

/** What the server needs of the folders: fragment files and their configurations. */
const WATCHED = '**/{*.fragment,*.txt,.fragmentrc.json}';
/** Folders never searched, as on the desktop: dependencies and version control. */
export const SKIPPED_FOLDER = /\/(node_modules|\.git|\.hg|\.svn)\//;
/** Files sent to the worker in one notification, and read at once. */
const BATCH = 100;

type FileText = { uri: string; text: string | null };

/**
 * Reads the workspace folders for the language server in the web worker, which has no file
 * system: on its request, every fragment and configuration file through `findFiles` (which
 * honours `files.exclude`) and `workspace.fs`, sent in batches; then what a file watcher sees,
 * each change sent before the `workspace/didChangeWatchedFiles` that makes the server look.
 */
export function readFoldersForServer(client: BaseLanguageClient): vscode.Disposable {
  let maxFileSize = Number.POSITIVE_INFINITY;
  client.onRequest(READ_FOLDERS_REQUEST, async (params: ReadFoldersParams): Promise<ReadFoldersResult> => {
    maxFileSize = params.maxFileSize;
    let sent = 0;
    for (const folder of params.folders) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folder), WATCHED));
      const uris = found.filter((uri) => !SKIPPED_FOLDER.test(uri.path));
      for (let start = 0; start < uris.length; start += BATCH) {
        const files = (await Promise.all(uris.slice(start, start + BATCH).map((uri) => readForServer(uri, maxFileSize)))).filter(
          (file): file is { uri: string; text: string } => file.text !== null,
        );
        const batch: FolderFilesParams = { files, load: true };
        if (files.length > 0) await client.sendNotification(FOLDER_FILES_NOTIFICATION, batch);
        sent += files.length;
      }
    }
    return { files: sent };
  });

  // One change after the other: a file's deletion never overtakes the reading of its last change.
  let queue = Promise.resolve();
  const report = (uri: vscode.Uri, type: FileChangeType) => {
    if (SKIPPED_FOLDER.test(uri.path)) return;
    queue = queue
      .then(async () => {
        const file = type === FileChangeType.Deleted ? { uri: uri.toString(), text: null } : await readForServer(uri, maxFileSize);
        const params: FolderFilesParams = { files: [file] };
        await client.sendNotification(FOLDER_FILES_NOTIFICATION, params);
        await client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: file.uri, type }] });
      })
      .catch((error: unknown) => client.warn(`A change of ${uri.toString()} could not be sent to the language server`, error));
  };
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED);
  return vscode.Disposable.from(
    watcher,
    // A folder that came: its files, each read and sent as the watcher's would be; one that went: the server forgets what was under it.
    watchFolders(async (folder, type) => {
      if (type === FileChangeType.Deleted) return report(folder, type);
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, WATCHED))) report(uri, FileChangeType.Created);
    }),
    watcher.onDidCreate((uri) => report(uri, FileChangeType.Created)),
    watcher.onDidChange((uri) => report(uri, FileChangeType.Changed)),
    watcher.onDidDelete((uri) => report(uri, FileChangeType.Deleted)),
  );
}

/** A file's text for the server (TextDecoder drops a BOM); null when it is too large, unreadable, or a `.txt` that is no fragment file. */
async function readForServer(uri: vscode.Uri, maxFileSize: number): Promise<FileText> {
  const gone = { uri: uri.toString(), text: null };
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > maxFileSize) return gone;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (uri.path.endsWith('.txt') && !FRAGMENT_FIRST_LINE.test(text)) return gone;
    return { uri: uri.toString(), text };
  } catch {
    return gone; // deleted meanwhile, or unreadable: nothing to check
  }
}
