// New Outcome Fragment… in a real VS Code (FORMAT.md §3): the next free FragmentID of the
// objective in the whole harvest, the file written beside the others and opened at its description.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { NewFragmentOutcome } from '../../client/src/harvest-io/new-fragment';
import { EXAMPLE_ID, exampleUri, openFragment, waitForDiagnostics } from './helpers';

const folder = () => vscode.Uri.joinPath(exampleUri(), '..', 'new outcomes (2024)');

suite('New Outcome Fragment…', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.resolve(vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false })).then(undefined, () => undefined);
  });

  // EXT, which no other test uses: the workspace is one harvest, and the others leave their IDs in it (CIV9xx, GEN501).
  test('writes SCC-<redacted>/EXT034 after EXT033 and opens it, the cursor in the description', async () => {
    const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
    const highest = vscode.Uri.joinPath(folder(), 'row_2.txt');
    await vscode.workspace.fs.writeFile(
      highest,
      new TextEncoder().encode(
        example.replace(EXAMPLE_ID, 'SCC-<redacted>/EXT033').replace('CIV: Less suppression of civic space', 'EXT: Mitigating external stress factors'),
      ),
    );
    // Once its problems are published, the server has indexed its FragmentID.
    await openFragment(highest);
    await waitForDiagnostics(highest, (diagnostics) => diagnostics.length > 0, 'the problems of EXT033');
    const outcome = await vscode.commands.executeCommand<NewFragmentOutcome>('outcomeFragments.newFragment', folder(), [folder()], {
      objective: 'EXT',
      country: 'Uganda',
      year: 2025,
    });
    assert.equal(outcome?.error, undefined);
    assert.equal(outcome?.id, 'SCC-<redacted>/EXT034');
    assert.equal(outcome?.uri?.toString(), vscode.Uri.joinPath(folder(), 'EXT034.fragment').toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), outcome?.uri?.toString(), 'the new file is open');
    assert.equal(editor?.document.lineAt(0).text, '**FragmentID**: SCC-<redacted>/EXT034');
    assert.equal(editor?.document.languageId, 'fragment');
    const cursor = editor?.selection.active;
    assert.equal(editor?.document.lineAt(cursor?.line ?? 0).text, '**Outcome description**: ');
    assert.equal(cursor?.character, '**Outcome description**: '.length);
    assert.match(editor?.document.getText() ?? '', /\n\*\*Country\*\*: Uganda\n\*\*Year\*\*: 2025\n/);
  });

  test('is offered in the Explorer, the Harvest view’s title bar and New File…', () => {
    const extension = vscode.extensions.all.find((candidate) => candidate.packageJSON?.name === 'outcome-fragments');
    const menus = extension?.packageJSON.contributes.menus as Record<string, Array<{ command: string; when?: string }>>;
    const offers = (menu: string) => (menus[menu] ?? []).filter((entry) => entry.command === 'outcomeFragments.newFragment');
    assert.equal(offers('explorer/context')[0]?.when, 'explorerResourceIsFolder');
    assert.equal(offers('file/newFile').length, 1);
    assert.match(offers('view/title')[0]?.when ?? '', /view == outcomeFragments\.harvest\b/);
  });
});
