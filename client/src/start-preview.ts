import * as vscode from 'vscode';

/**
 * `npm start` names the example file in OUTCOME_FRAGMENTS_START_PREVIEW: once the extension has
 * activated on it, the file is shown with the Problems panel and its merged-story preview to the
 * side, so a newcomer sees what the extension does at once. Development mode only.
 */
export async function showStartPreview(context: vscode.ExtensionContext): Promise<void> {
  const file = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.OUTCOME_FRAGMENTS_START_PREVIEW;
  if (!file || context.extensionMode !== vscode.ExtensionMode.Development) return;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.window.showTextDocument(document); // the focus back in the editor, for the preview to follow
  await vscode.commands.executeCommand('outcomeFragments.openPreviewToSide');
}
