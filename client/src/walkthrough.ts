import * as vscode from 'vscode';

/** The shared, anonymised example the extension ships (example/ in the repository). */
const EXAMPLE = ['example', '000_88eaf67a59f4c304.txt'];

/**
 * The Get Started walkthrough's first step: the example opens as an unsaved fragment, so that
 * fixing its two problems changes nothing on disk and the writer chooses where, or whether, to
 * save it. Beside the walkthrough when that is what is in front, so both stay in view.
 */
export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('outcomeFragments.openExample', async () => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...EXAMPLE));
    const document = await vscode.workspace.openTextDocument({ language: 'fragment', content: new TextDecoder().decode(bytes) });
    const walkthroughInFront = vscode.window.activeTextEditor === undefined && vscode.window.tabGroups.activeTabGroup.activeTab !== undefined;
    const editor = await vscode.window.showTextDocument(document, walkthroughInFront ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active);
    return editor.document.uri;
  });
}
