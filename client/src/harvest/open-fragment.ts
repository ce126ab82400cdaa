import * as vscode from 'vscode';

/** Opens a fragment's file with the cursor on its first line. */
export async function openFragment(uri: string, line: number, viewColumn?: vscode.ViewColumn): Promise<void> {
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
    selection: new vscode.Range(position, position),
    preview: true,
    ...(viewColumn ? { viewColumn } : {}),
  });
}
