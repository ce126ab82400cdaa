import * as vscode from 'vscode';
import { type BaseLanguageClient, LSPErrorCodes, ResponseError } from 'vscode-languageclient';
import { HARVEST_PROGRESS_NOTIFICATION, type HarvestProgressParams } from '../../../server/src/protocol';

/** A check box of a multiple choice. */
export interface OptionItem extends vscode.QuickPickItem {
  readonly id: string;
}

/**
 * The ids of the options the user ticked, or undefined when they dismissed the choice. When the
 * caller has decided them all (`decided`), nobody is asked.
 */
export async function pickOptions(
  items: ReadonlyArray<Omit<OptionItem, 'picked'> & { picked?: boolean | undefined }>,
  decided: boolean,
  title: string,
): Promise<Set<string> | undefined> {
  if (decided) return new Set(items.filter((item) => item.picked).map((item) => item.id));
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({ ...item, picked: item.picked === true })),
    { title, canPickMany: true, placeHolder: vscode.l10n.t('Tick what you want, then press Enter') },
  );
  return picked ? new Set(picked.map((item) => item.id)) : undefined;
}

/** One of several choices, or undefined when dismissed; the caller's choice when it made one. */
export async function pickOne<T>(
  items: ReadonlyArray<vscode.QuickPickItem & { readonly value: T }>,
  decided: T | undefined,
  title: string,
): Promise<T | undefined> {
  if (decided !== undefined) return decided;
  return (await vscode.window.showQuickPick([...items], { title }))?.value;
}

/** The message of a failed request, for the user; undefined when it was cancelled. */
export function errorMessage(error: unknown): string | undefined {
  if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) return undefined;
  if (error instanceof vscode.CancellationError) return undefined;
  return error instanceof Error ? error.message : String(error);
}

/** The export reads the files as saved: unsaved edits are saved first, or knowingly left out. */
export async function savedOrAccepted(): Promise<boolean> {
  const unsaved = vscode.workspace.textDocuments.filter((document) => document.isDirty && document.languageId === 'fragment');
  if (unsaved.length === 0) return true;
  const save = vscode.l10n.t('Save All and Export');
  const asSaved = vscode.l10n.t('Export as Saved');
  const answer = await vscode.window.showWarningMessage(
    unsaved.length === 1 ? vscode.l10n.t('1 fragment file has unsaved changes.') : vscode.l10n.t('{0} fragment files have unsaved changes.', unsaved.length),
    { modal: true, detail: vscode.l10n.t('The export reads the files as they are saved on disk.') },
    save,
    asSaved,
  );
  if (answer === save) return vscode.workspace.saveAll(false);
  return answer === asSaved;
}

/** The harvest's folders when no Explorer selection names them: the workspace's folder, one of its folders, or folders the user opens. */
export async function pickSources(title: string, workspaceFolderPrompt: string): Promise<vscode.Uri[] | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return [(folders[0] as vscode.WorkspaceFolder).uri];
  if (folders.length > 1) {
    const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: workspaceFolderPrompt });
    return folder ? [folder.uri] : undefined;
  }
  return vscode.window.showOpenDialog({
    title,
    openLabel: vscode.l10n.t('Export'),
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: true,
  });
}

let progressCount = 0;

/**
 * A request over the harvest's files in a progress notification with Cancel: `params` gets the
 * token its HARVEST_PROGRESS_NOTIFICATIONs carry, and the files read so far show as they come.
 */
export function requestWithProgress<R>(client: BaseLanguageClient, title: string, method: string, params: (progressToken: string) => object): Thenable<R> {
  const progressToken = `harvest-${++progressCount}`;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    let reported = 0;
    const listening = client.onNotification(HARVEST_PROGRESS_NOTIFICATION, (update: HarvestProgressParams) => {
      if (update.token !== progressToken) return;
      const percent = (update.done / update.total) * 100;
      progress.report({ increment: percent - reported, message: vscode.l10n.t('{0} of {1} files read', update.done, update.total) });
      reported = percent;
    });
    try {
      return await client.sendRequest<R>(method, params(progressToken), token);
    } finally {
      listening.dispose();
    }
  });
}
