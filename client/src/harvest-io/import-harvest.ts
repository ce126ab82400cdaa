import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { IMPORT_WORKBOOK_REQUEST, type ImportWorkbookParams, type ImportWorkbookResult } from '../../../server/src/protocol';
import { errorMessage, pickOptions } from './pickers';

/** What a caller (another extension, a test) may decide instead of the user; each one left out is asked. */
export interface ImportHarvestOptions {
  readonly folder?: vscode.Uri;
  readonly fix?: boolean;
  readonly namePattern?: string;
  /** Overwrite files whose text differs without asking (false: keep them and write nothing). */
  readonly overwrite?: boolean;
  /** Write more than MANY_FILES files without asking (false: write nothing). */
  readonly manyFiles?: boolean;
}

/** An import that would write more files than this asks first (FORMAT.md §6). */
export const MANY_FILES = 5_000;

export interface ImportHarvestOutcome {
  readonly result?: ImportWorkbookResult;
  readonly error?: string;
}

/**
 * "Import Harvest from Spreadsheet…": the workbook (from the Explorer or a file dialog), the
 * folder, the options; a dry run first, so that files whose text differs are overwritten only
 * when the user says so, and more than MANY_FILES files are written only when the user says so;
 * then the import, all or nothing, and a summary that offers the folder. The workbook is read
 * within the limits of the settings `outcomeFragments.import.*`.
 */
export async function importHarvest(
  client: () => Promise<BaseLanguageClient>,
  resource?: vscode.Uri,
  options: ImportHarvestOptions = {},
): Promise<ImportHarvestOutcome | undefined> {
  const workbook = resource ?? (await pickWorkbook());
  if (!workbook) return undefined;
  const folder = options.folder ?? (await pickFolder(workbook));
  if (!folder) return undefined;
  const choices = await pickOptions(
    [
      {
        id: 'fix',
        label: vscode.l10n.t('Apply every preferred fix'),
        detail: vscode.l10n.t('Rename coutnry to Country, write 2024.0 as 2024, … as Fix All does'),
        picked: options.fix,
      },
      {
        id: 'byId',
        label: vscode.l10n.t('Name the files by FragmentID'),
        detail: vscode.l10n.t('{0} instead of {1}', '{id}.txt', 'row_{n}.txt'),
        picked: options.namePattern === '{id}.txt',
      },
    ],
    options.fix !== undefined && options.namePattern !== undefined,
    vscode.l10n.t('Import options'),
  );
  if (!choices) return undefined;
  const settings = vscode.workspace.getConfiguration('outcomeFragments.import', folder);
  const base: ImportWorkbookParams = {
    workbook: workbook.toString(),
    folder: folder.toString(),
    fix: options.fix ?? choices.has('fix'),
    namePattern: options.namePattern ?? (choices.has('byId') ? '{id}.txt' : 'row_{n}.txt'),
    maxRows: settings.get<number>('maxRows', 50_000),
    maxUnpackedMB: settings.get<number>('maxUnpackedMB', 200),
  };
  const name = workbook.path.replace(/^.*\//, '');
  const running = await client();
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}', name), cancellable: true },
      async (_progress, token) => {
        const plan = await running.sendRequest<ImportWorkbookResult>(IMPORT_WORKBOOK_REQUEST, { ...base, dryRun: true }, token);
        if (token.isCancellationRequested) return undefined;
        let force = false;
        if (plan.changed.length > 0) {
          force = options.overwrite ?? (await askToOverwrite(plan, folder));
          if (!force) return { result: plan, kept: true };
        }
        const files = plan.created.length + plan.changed.length;
        if (files > MANY_FILES && !(options.manyFiles ?? (await askToWriteMany(files, folder)))) return { result: plan, declined: files };
        if (token.isCancellationRequested) return undefined;
        return { result: await running.sendRequest<ImportWorkbookResult>(IMPORT_WORKBOOK_REQUEST, { ...base, force }, token), kept: false };
      },
    );
    if (!outcome) return undefined;
    if ('declined' in outcome) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing was imported: the {0} files were not written.', outcome.declined));
      return { result: outcome.result }; // the plan: written is false
    }
    if (outcome.kept) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Nothing was imported: {0} files in the folder differ from the workbook, and were kept.', outcome.result.changed.length),
      );
      return { result: outcome.result }; // the plan: written is false
    }
    void offerFolder(outcome.result, folder);
    return { result: outcome.result };
  } catch (error) {
    const message = errorMessage(error);
    if (message === undefined) return undefined; // cancelled
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import {0}: {1}', name, message));
    return { error: message };
  }
}

async function pickWorkbook(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import Harvest from Spreadsheet'),
    openLabel: vscode.l10n.t('Import'),
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    filters: { [vscode.l10n.t('Workbooks (.xlsx, .csv)')]: ['xlsx', 'csv'] },
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
  return picked?.[0];
}

async function pickFolder(workbook: vscode.Uri): Promise<vscode.Uri | undefined> {
  const beside = vscode.Uri.joinPath(workbook, '..', workbook.path.replace(/^.*\//, '').replace(/\.[^.]*$/, ''));
  const choice = await vscode.window.showQuickPick(
    [
      { label: `$(new-folder) ${beside.path.replace(/^.*\//, '')}`, detail: vscode.l10n.t('A folder beside the workbook, named after it'), folder: beside },
      {
        label: `$(folder-opened) ${vscode.l10n.t('Choose a folder…')}`,
        detail: vscode.l10n.t('An existing folder (files already there with other text are not overwritten unless you say so)'),
      },
    ],
    { title: vscode.l10n.t('Import Harvest: the folder for the fragment files (one per row)') },
  );
  if (!choice) return undefined;
  if ('folder' in choice) return choice.folder;
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('The folder for the fragment files (one per row)'),
    openLabel: vscode.l10n.t('Import into This Folder'),
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(workbook, '..'),
  });
  return picked?.[0];
}

async function askToOverwrite(plan: ImportWorkbookResult, folder: vscode.Uri): Promise<boolean> {
  const overwrite = vscode.l10n.t('Overwrite');
  const count = plan.changed.length;
  const shown = plan.changed.slice(0, 5).join(', ') + (count > 5 ? ', …' : '');
  const folderName = folder.path.replace(/^.*\//, '');
  const answer = await vscode.window.showWarningMessage(
    count === 1
      ? vscode.l10n.t('1 file in {0} already exists with other text. Overwrite it?', folderName)
      : vscode.l10n.t('{0} files in {1} already exist with other text. Overwrite them?', count, folderName),
    {
      modal: true,
      detail: `${shown}\n\n${vscode.l10n.t(
        "Corrections made in the editor would be replaced by the workbook's text. {0} new files would be created, {1} are the same. Nothing is written unless you overwrite.",
        plan.created.length,
        plan.unchanged.length,
      )}`,
    },
    overwrite,
  );
  return answer === overwrite;
}

async function askToWriteMany(files: number, folder: vscode.Uri): Promise<boolean> {
  const write = vscode.l10n.t('Import {0} Files', files);
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Import {0} files?', files),
    {
      modal: true,
      detail: vscode.l10n.t(
        '{0} fragment files, one for each row of the workbook, would be written into {1}. Nothing is written unless you import them.',
        files,
        folder.path.replace(/^.*\//, ''),
      ),
    },
    write,
  );
  return answer === write;
}

async function offerFolder(result: ImportWorkbookResult, folder: vscode.Uri): Promise<void> {
  const inWorkspace = vscode.workspace.getWorkspaceFolder(folder) !== undefined;
  const action = inWorkspace ? vscode.l10n.t('Reveal in Explorer') : vscode.l10n.t('Open Folder');
  const answer = await vscode.window.showInformationMessage(result.message, action);
  if (answer !== action) return;
  if (inWorkspace) await vscode.commands.executeCommand('revealInExplorer', folder);
  else await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
}
