import { FileChangeType } from 'vscode-languageserver';
import { mayBeFragmentFile } from '../workspace/file-system';
import type { ServerContext } from './context';
import { publishConfigProblems, revalidateAll } from './diagnostics';

/** What the client says of its documents and of the files on disk: what to check again. */
export function registerDocumentEvents(context: ServerContext): void {
  const { connection, documents, workspace, validations, indexing } = context;
  /** The files a folder's event concerns: those indexed under it when it went, those under it when it came (none for any other file). */
  const filesOfFolder = (uri: string, type: FileChangeType): string[] => {
    if (type === FileChangeType.Deleted) return workspace.indexedUnder(uri);
    if (type !== FileChangeType.Created) return [];
    const prefix = `${workspace.keyOf(uri)}/`;
    return workspace.isIndexed(uri)
      ? []
      : workspace
          .fragmentFiles()
          .filter((file) => workspace.keyOf(file.uri).startsWith(prefix))
          .map((file) => file.uri);
  };
  // Fired on open too. With `run: onSave`, a file is checked when opened and when saved.
  documents.onDidChangeContent(({ document }) => {
    if (context.pulled) indexing.schedule(document.uri);
    else if (context.settings.run === 'onType') validations.schedule(document.uri);
  });
  documents.onDidOpen(({ document }) => {
    // What was pushed for the file from disk gives way to what the client pulls.
    if (context.pulled && context.settings.validate === 'workspace') void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (context.settings.run === 'onSave' && !context.pulled) validations.schedule(document.uri);
  });
  documents.onDidSave(({ document }) => validations.schedule(document.uri));
  documents.onDidClose(({ document }) => {
    context.forgetAnalysis(document.uri);
    context.pulled?.forget(document.uri);
    indexing.cancel(document.uri);
    workspace.serviceFor(document.uri).forget(document.uri);
    // Back to what the disk says: for the index, and for its diagnostics in workspace mode.
    const changedIds = workspace.isIndexed(document.uri) ? workspace.indexFromDisk(document.uri) : workspace.forget(document.uri);
    validations.schedule(document.uri);
    for (const other of workspace.filesWithIds(changedIds, document.uri)) validations.schedule(other);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const change of changes) {
      if (workspace.isConfigFile(change.uri)) {
        workspace.reloadConfig(change.uri);
        configChanged = true;
        continue;
      }
      if (context.openDocument(change.uri)) continue; // the editor's text wins over the disk
      // A folder deleted, renamed or moved in comes as one event, for the folder: its files are the ones to look at.
      for (const uri of mayBeFragmentFile(change.uri) ? [change.uri] : filesOfFolder(change.uri, change.type)) {
        if (uri !== change.uri && context.openDocument(uri)) continue;
        const changedIds = change.type === FileChangeType.Deleted ? workspace.forget(uri) : workspace.indexFromDisk(uri);
        validations.schedule(uri);
        for (const other of workspace.filesWithIds(changedIds, uri)) validations.schedule(other);
      }
    }
    if (configChanged) {
      publishConfigProblems(context);
      revalidateAll(context);
    }
  });
}
