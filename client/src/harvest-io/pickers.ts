import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient';

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
