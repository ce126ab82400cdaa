// Quality hints in a real VS Code: a hint on a weak description, its hover, "Dismiss for this
// fragment" recording it in .fragmentrc.json (created) so that the hint goes away, and the switch.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { applyCodeAction, codeActions, codeOf, EXAMPLE_ID, exampleUri, openFragment, waitForDiagnostics } from './helpers';

const ID = 'SCC-<redacted>/CIV808';
const workspaceFile = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const configUri = () => workspaceFile('.fragmentrc.json');
const hasCode = (code: string) => (all: vscode.Diagnostic[]) => all.some((d) => codeOf(d) === code);

/** The example under its own FragmentID, its description without a date: one `no-when` hint. */
async function writeUndatedFragment(): Promise<vscode.Uri> {
  const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
  const uri = workspaceFile('quality-undated.fragment');
  const text = example.replace(EXAMPLE_ID, ID).replace('**Outcome description**: On <redacted>, within', '**Outcome description**: Within');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('Quality hints', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration('outcomeFragments').update('qualityHints', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [workspaceFile('quality-undated.fragment'), configUri()]) {
      if (await exists(uri)) await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
  });

  test('a hint explains itself on hover, and "Dismiss for this fragment" records it in a new .fragmentrc.json: the hint goes away', async () => {
    assert.equal(await exists(configUri()), false, 'the workspace starts without a configuration');
    const uri = await writeUndatedFragment();
    await openFragment(uri);
    const before = await waitForDiagnostics(uri, hasCode('no-when'), 'the no-when hint');
    const hint = before.find((d) => codeOf(d) === 'no-when') as vscode.Diagnostic;
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
    assert.equal(hint.source, 'fragment');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, hint.range.start.translate(0, 3));
    const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(hoverText, /The description does not say when/);
    assert.match(hoverText, /- Good: .+\n- Weak: /);

    const actions = await codeActions(uri, hint.range, vscode.CodeActionKind.QuickFix);
    const dismiss = actions.find((action) => action.title === 'Dismiss for this fragment (no-when)');
    assert.ok(dismiss, `Dismiss offered among: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.notEqual(dismiss.isPreferred, true);
    await applyCodeAction(dismiss);

    const after = await waitForDiagnostics(uri, (all) => !hasCode('no-when')(all), 'the no-when hint to go away');
    assert.ok(hasCode('stale-merged-story')(after), 'the other diagnostics stay');
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri())));
    assert.deepEqual(written, { ignore: { [ID]: ['no-when'] } });
  });

  test('outcomeFragments.qualityHints: off hides every hint, on brings them back', async () => {
    const uri = await writeUndatedFragment();
    await openFragment(uri);
    await waitForDiagnostics(uri, hasCode('no-when'), 'the no-when hint');
    const settings = vscode.workspace.getConfiguration('outcomeFragments');
    await settings.update('qualityHints', 'off', vscode.ConfigurationTarget.Workspace);
    const off = await waitForDiagnostics(uri, (all) => !hasCode('no-when')(all), 'the hints to go with the setting off');
    assert.ok(hasCode('stale-merged-story')(off));
    await settings.update('qualityHints', 'on', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, hasCode('no-when'), 'the hint to come back with the setting on');
  });
});
