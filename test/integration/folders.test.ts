// Folders deleted and moved in a real VS Code: VS Code reports the folder alone (microsoft/vscode#90746),
// and the harvest must still forget the files that went and find those that came.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, EXAMPLE_ID, exampleUri, waitForDiagnostics } from './helpers';

const inWorkspace = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const TWIN_ID = 'SCC-<redacted>/CIV640';
const hasDuplicate = (diagnostics: vscode.Diagnostic[]) => diagnostics.some((diagnostic) => codeOf(diagnostic) === 'duplicate-id');

suite('Folders of fragments', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['twins before', 'twins after'])
      await Promise.resolve(vscode.workspace.fs.delete(inWorkspace(name), { recursive: true, useTrash: false })).then(undefined, () => undefined);
  });

  test('a folder renamed, then deleted: its files are found under the new name, then forgotten', async () => {
    const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
    const twin = example.replace(EXAMPLE_ID, TWIN_ID);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(inWorkspace('twins before'), 'twin.fragment'), new TextEncoder().encode(twin));
    // The observer is an untitled document: no file of the workspace, so nothing of it outlives the test in the harvest.
    const observer = await vscode.workspace.openTextDocument({ language: 'fragment', content: twin });
    await vscode.window.showTextDocument(observer);
    const duplicateIn = (folder: string) => (diagnostics: vscode.Diagnostic[]) =>
      diagnostics.some((diagnostic) => codeOf(diagnostic) === 'duplicate-id' && diagnostic.relatedInformation?.[0]?.location.uri.path.includes(`/${folder}/`));
    await waitForDiagnostics(observer.uri, duplicateIn('twins before'), 'duplicate-id with the twin in its folder');
    await vscode.workspace.fs.rename(inWorkspace('twins before'), inWorkspace('twins after'));
    await waitForDiagnostics(observer.uri, duplicateIn('twins after'), 'duplicate-id pointing at the twin in the renamed folder');
    await vscode.workspace.fs.delete(inWorkspace('twins after'), { recursive: true, useTrash: false });
    const left = await waitForDiagnostics(
      observer.uri,
      (diagnostics) => diagnostics.length > 0 && !hasDuplicate(diagnostics),
      'no duplicate-id once the folder is deleted',
    );
    assert.ok(!hasDuplicate(left));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
