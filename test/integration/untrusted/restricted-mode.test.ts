// Run in a second window whose folder is not trusted (scripts/real-vscode/run-server.mjs): VS Code's
// Restricted Mode, as for a harvest copied from a shared drive. The extension declares
// untrustedWorkspaces: supported, so it must work there in full: problems, fixes, the preview.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../../client/src/extension';
import {
  applyCodeAction,
  codeActions,
  codeOf,
  exampleUri,
  freshExampleCopy,
  nextPreviewRender,
  openFragment,
  problems,
  revertAndClose,
  summary,
  waitForDiagnostics,
} from '../helpers';

const EXTENSION_ID = 'outcome-fragments.outcome-fragments';

suite('Restricted Mode (an untrusted folder)', () => {
  teardown(revertAndClose);

  test('the folder really is untrusted, and the extension is installed (not under development, which VS Code never restricts)', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite must run in a window opened in Restricted Mode');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    assert.match(extension.extensionPath, /[\\/]outcome-fragments\.outcome-fragments-\d+\.\d+\.\d+$/, 'installed from its .vsix');
  });

  test('the example opens as a fragment and shows both of its problems', async () => {
    const editor = await openFragment(exampleUri());
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => problems(all).length >= 2, 'the example’s two problems');
    assert.deepEqual(summary(problems(diagnostics)), ['unknown-field@3', 'empty-field@15']);
  });

  test('the quick fix renames coutnry, and the preview shows the story', async () => {
    // A copy no earlier test opened: its diagnostics can only come from the server's check of it.
    const editor = await openFragment(await freshExampleCopy());
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => all.some((d) => codeOf(d) === 'unknown-field'));
    const unknownField = diagnostics.find((d) => codeOf(d) === 'unknown-field');
    assert.ok(unknownField);
    const actions = await codeActions(editor.document.uri, unknownField.range, vscode.CodeActionKind.QuickFix);
    const [fix] = actions.filter((action) => action.isPreferred);
    assert.ok(fix, `a preferred quick fix, among: ${JSON.stringify(actions.map((action) => action.title))}`);
    await applyCodeAction(fix);
    assert.equal(editor.document.lineAt(3).text, '**Country**: DR Congo');

    const api = await vscode.extensions.getExtension<OutcomeFragmentsApi>(EXTENSION_ID)?.activate();
    assert.ok(api);
    const rendered = nextPreviewRender(api, (report) => report.sections === 5, 'the preview to show the five sections of the story');
    await vscode.commands.executeCommand('outcomeFragments.openPreviewToSide');
    await rendered;
    assert.equal(vscode.workspace.isTrusted, false, 'still untrusted: nothing asked for trust');
  });
});
