// Run in a second window whose folder is not trusted (scripts/real-vscode/run-server.mjs): VS Code's
// Restricted Mode, as for a harvest copied from a shared drive. The extension declares
// untrustedWorkspaces: supported, so it must work there in full.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { exampleUri, openFragment, problems, summary, waitForDiagnostics } from '../helpers';

suite('Restricted Mode (an untrusted folder)', () => {
  test('the folder really is untrusted, and the extension is installed (not under development, which VS Code never restricts)', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite must run in a window opened in Restricted Mode');
    const extension = vscode.extensions.getExtension('outcome-fragments.outcome-fragments');
    assert.ok(extension, 'the extension is installed');
    assert.match(extension.extensionPath, /[\\/]outcome-fragments\.outcome-fragments-\d+\.\d+\.\d+$/, 'installed from its .vsix');
  });

  test('the example opens as a fragment and shows both of its problems', async () => {
    const editor = await openFragment(exampleUri());
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => problems(all).length >= 2, 'the example’s two problems');
    assert.deepEqual(summary(problems(diagnostics)), ['unknown-field@3', 'empty-field@15']);
    assert.equal(vscode.workspace.isTrusted, false, 'still untrusted: nothing asked for trust');
  });
});
