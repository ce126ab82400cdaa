// Folders renamed and deleted in the web worker extension host: the client's folder reader tells
// the worker's server of the folder's files (VS Code reports the folder alone).
import * as vscode from 'vscode';
import { codeOf, EXAMPLE_ID, exampleUri, waitForDiagnostics } from '../helpers';
import { assert, test } from './runner';

const inWorkspace = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const TWIN_ID = 'SCC-<redacted>/CIV641';

test('a folder renamed, then deleted: the worker finds its files under the new name, then forgets them', async () => {
  const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
  const twin = example.replace(EXAMPLE_ID, TWIN_ID);
  try {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(inWorkspace('web twins before'), 'twin.fragment'), new TextEncoder().encode(twin));
    // An untitled observer: nothing of it stays in the harvest after the test.
    const observer = await vscode.workspace.openTextDocument({ language: 'fragment', content: twin });
    await vscode.window.showTextDocument(observer);
    const duplicateIn = (folder: string) => (diagnostics: vscode.Diagnostic[]) =>
      diagnostics.some((diagnostic) => codeOf(diagnostic) === 'duplicate-id' && diagnostic.relatedInformation?.[0]?.location.uri.path.includes(`/${folder}/`));
    await waitForDiagnostics(observer.uri, duplicateIn('web twins before'), 'duplicate-id with the twin in its folder');
    await vscode.workspace.fs.rename(inWorkspace('web twins before'), inWorkspace('web twins after'));
    await waitForDiagnostics(observer.uri, duplicateIn('web twins after'), 'duplicate-id pointing at the twin in the renamed folder');
    await vscode.workspace.fs.delete(inWorkspace('web twins after'), { recursive: true, useTrash: false });
    const left = await waitForDiagnostics(
      observer.uri,
      (diagnostics) => diagnostics.length > 0 && !diagnostics.some((diagnostic) => codeOf(diagnostic) === 'duplicate-id'),
      'no duplicate-id once the folder is deleted',
    );
    assert(left.length > 0, 'the observer’s other problems stay');
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const name of ['web twins before', 'web twins after'])
      await Promise.resolve(vscode.workspace.fs.delete(inWorkspace(name), { recursive: true, useTrash: false })).then(undefined, () => undefined);
  }
});
