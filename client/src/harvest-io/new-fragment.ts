import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  NEW_FRAGMENT_CHOICES_REQUEST,
  NEW_FRAGMENT_REQUEST,
  type NewFragmentChoicesParams,
  type NewFragmentChoicesResult,
  type NewFragmentParams,
  type NewFragmentResult,
} from '../../../server/src/protocol';
import { errorMessage } from './pickers';

/** What a caller (another extension, a test) may decide instead of the user; each one left out is asked. */
export interface NewFragmentOptions {
  readonly objective?: string;
  /** `''` leaves the country for later. */
  readonly country?: string;
  /** `null` leaves the year for later. */
  readonly year?: number | null;
}

export interface NewFragmentOutcome {
  readonly uri?: vscode.Uri;
  readonly id?: string;
  readonly error?: string;
}

/**
 * "New Outcome Fragment…" (FORMAT.md §3): the objective, then the country and the year (either
 * may wait); the server gives the text with the next free FragmentID of that objective in the
 * whole harvest, and the file is written beside the others and opened, the cursor in the
 * description. A file is never written over: a name in use gets a number.
 */
export async function newOutcomeFragment(
  client: () => Promise<BaseLanguageClient>,
  resource?: vscode.Uri,
  options: NewFragmentOptions = {},
): Promise<NewFragmentOutcome | undefined> {
  const folder = await targetFolder(resource);
  if (!folder) return undefined;
  const running = await client();
  try {
    const choices = await running.sendRequest<NewFragmentChoicesResult>(NEW_FRAGMENT_CHOICES_REQUEST, {
      folder: folder.toString(),
    } satisfies NewFragmentChoicesParams);
    const objective =
      options.objective ??
      (
        await vscode.window.showQuickPick(
          choices.objectives.map((entry) => ({ label: entry.code, description: entry.value, value: entry.value })),
          {
            title: vscode.l10n.t('New Outcome Fragment: objective'),
            placeHolder: vscode.l10n.t('The objective the outcome serves: its FragmentID follows the others of it'),
          },
        )
      )?.value;
    if (objective === undefined) return undefined;
    const country = options.country ?? (await pickCountry(choices.countries));
    if (country === undefined) return undefined;
    const year = options.year !== undefined ? options.year : await askYear();
    if (year === undefined) return undefined;
    const params: NewFragmentParams = { folder: folder.toString(), objective, ...(country ? { country } : {}), ...(year !== null ? { year } : {}) };
    const fragment = await running.sendRequest<NewFragmentResult>(NEW_FRAGMENT_REQUEST, params);
    const uri = await freeName(folder, fragment.fileName);
    // A new file only: `create` without `overwrite` refuses one that appeared meanwhile.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { contents: new TextEncoder().encode(fragment.text), overwrite: false });
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('could not create {0}', uri.path));
    const document = await vscode.workspace.openTextDocument(uri);
    const position = new vscode.Position(fragment.cursor.line, fragment.cursor.character);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
    return { uri, id: fragment.id };
  } catch (error) {
    const message = errorMessage(error) ?? 'cancelled';
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot start a new outcome fragment: {0}', message));
    return { error: message };
  }
}

/** The clicked folder (a clicked file's folder), else the active fragment file's, else the workspace's folder. */
async function targetFolder(resource: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (resource) {
    const stat = await Promise.resolve(vscode.workspace.fs.stat(resource)).catch(() => undefined);
    return stat && (stat.type & vscode.FileType.Directory) !== 0 ? resource : vscode.Uri.joinPath(resource, '..');
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'fragment' && active.uri.scheme !== 'untitled') return vscode.Uri.joinPath(active.uri, '..');
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return (folders[0] as vscode.WorkspaceFolder).uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('The workspace folder of the new outcome') }))?.uri;
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('New Outcome Fragment: the harvest’s folder'),
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
  });
  return picked?.[0];
}

async function pickCountry(countries: readonly string[]): Promise<string | undefined> {
  const later = { label: vscode.l10n.t('Fill in later'), value: '' };
  const picked = await vscode.window.showQuickPick([later, ...countries.map((country) => ({ label: country, value: country }))], {
    title: vscode.l10n.t('New Outcome Fragment: country'),
  });
  return picked?.value;
}

/** The year, the current one offered; an empty answer leaves it for later (null), Escape cancels (undefined). */
async function askYear(): Promise<number | null | undefined> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Outcome Fragment: year'),
    value: String(new Date().getFullYear()),
    prompt: vscode.l10n.t('The year of the change; empty to fill in later'),
    validateInput: (text) => (text.trim() === '' || /^\d{4}$/.test(text.trim()) ? undefined : vscode.l10n.t('A year such as 2024, or nothing')),
  });
  if (answer === undefined) return undefined;
  return answer.trim() === '' ? null : Number(answer.trim());
}

/** `CIV034.fragment`, or `CIV034-2.fragment` when that name is taken. */
async function freeName(folder: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const stem = fileName.replace(/\.fragment$/, '');
  for (let attempt = 1; ; attempt++) {
    const uri = vscode.Uri.joinPath(folder, attempt === 1 ? fileName : `${stem}-${attempt}.fragment`);
    const taken = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
      () => true,
      () => false,
    );
    if (!taken) return uri;
  }
}
