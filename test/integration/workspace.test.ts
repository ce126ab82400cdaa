// The whole harvest: FragmentIDs unique across files, and a team's .fragmentrc.json, in a real VS Code.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../client/src/extension';
import { codeOf, EXAMPLE_FILE, EXAMPLE_ID, exampleUri, openFragment, waitForDiagnostics } from './helpers';

const encoder = new TextEncoder();
const workspaceFile = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const created: vscode.Uri[] = [];

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  created.push(uri);
  return uri;
}

/** The example under another FragmentID, so that it shares it with no other file of the workspace. */
async function exampleWithId(id: string, change: (text: string) => string = (text) => text): Promise<string> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
  return change(text.replace(EXAMPLE_ID, id));
}

const codes = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => d.source === 'fragment').map((d) => `${codeOf(d)}@${d.range.start.line}`);

suite('Workspace checks and configuration', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { useTrash: false });
  });

  test('the example, in a folder named "M&E harvest (2024)", shows exactly its two problems: it is not its own duplicate', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.equal(folder?.path.split('/').pop(), 'M&E harvest (2024)', 'the launcher names the folder as users name theirs');
    const uri = exampleUri();
    await openFragment(uri);
    const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => d.source === 'fragment'), 'the example’s problems');
    assert.deepEqual(codes(diagnostics), ['unknown-field@3', 'empty-field@15']);
    // The Harvest view and the dashboard: the open example and its file on disk are one file, one outcome.
    const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>('outcome-fragments.outcome-fragments');
    assert.ok(extension);
    const summary = await (await extension.activate()).harvestTree.refresh();
    const example = summary.fragments.filter((fragment) => summary.files[fragment.file]?.endsWith(`/${EXAMPLE_FILE}`));
    assert.equal(example.length, 1, summary.files.join(', '));
    assert.equal(new Set(summary.files.map((file) => vscode.Uri.parse(file).toString())).size, summary.files.length, 'no file counted twice');
  });

  test('Fix All Fragments in Workspace fixes an edited, unsaved buffer from the buffer’s text', async () => {
    const slips = await exampleWithId('SCC-<redacted>/CIV603');
    const file = await write('unsaved-slips.fragment', slips);
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    // Typed and not saved: a slip to fix, and a sentence the disk does not have.
    const year = document.getText().indexOf('**Year**: 2024') + '**Year**: 2024'.length;
    await editor.edit((edit) => edit.insert(document.positionAt(year), '.0'));
    const sentence = ' Written in the editor only.';
    const end = document.lineAt(
      document
        .getText()
        .split('\n')
        .findIndex((line) => line.startsWith('**Outcome description**')),
    ).range.end;
    await editor.edit((edit) => edit.insert(end, sentence));
    assert.ok(document.isDirty);
    const originals = await Promise.all(
      (await vscode.workspace.findFiles('*.{txt,fragment}')).map(async (uri) => ({ uri, bytes: await vscode.workspace.fs.readFile(uri) })),
    );
    try {
      await vscode.commands.executeCommand('outcomeFragments.fixAllInWorkspace');
      const fixed = document.getText();
      assert.match(fixed, /^\*\*Country\*\*: DR Congo$/m, 'the key fixed');
      assert.match(fixed, /^\*\*Year\*\*: 2024$/m, 'the slip typed in the buffer fixed');
      assert.ok(fixed.includes(`${sentence}\n`), 'the unsaved sentence kept, where it was typed');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), fixed, 'saved as fixed');
    } finally {
      for (const { uri, bytes } of originals) if (uri.toString() !== file.toString()) await vscode.workspace.fs.writeFile(uri, bytes);
    }
  });

  test('two files with the same FragmentID both show duplicate-id, each pointing at the other', async () => {
    const text = await exampleWithId('SCC-<redacted>/CIV777');
    const first = await write('twin-a.fragment', text);
    const second = await write('twin-b.fragment', text);
    await openFragment(first);
    const onFirst = await waitForDiagnostics(first, (all) => all.some((d) => codeOf(d) === 'duplicate-id'), 'duplicate-id on the first twin');
    assert.equal(onFirst.find((d) => codeOf(d) === 'duplicate-id')?.relatedInformation?.[0]?.location.uri.toString(), second.toString());
    await openFragment(second);
    const onSecond = await waitForDiagnostics(second, (all) => all.some((d) => codeOf(d) === 'duplicate-id'), 'duplicate-id on the second twin');
    assert.equal(onSecond.find((d) => codeOf(d) === 'duplicate-id')?.range.start.line, 0);
  });

  test('a .fragmentrc.json that accepts "low" as a contribution rating and turns the stale-story check off applies at once', async () => {
    const text = await exampleWithId('SCC-<redacted>/CIV555', (example) =>
      example.replace('**Rating contribution**: great', '**Rating contribution**: low').replace('digitized its data', 'digitised its data'),
    );
    const fragment = await write('configured.fragment', text);
    await openFragment(fragment);
    const before = await waitForDiagnostics(fragment, (all) => all.some((d) => codeOf(d) === 'invalid-value'), 'the default schema’s diagnostics');
    assert.deepEqual(codes(before), ['unknown-field@3', 'invalid-value@13', 'empty-field@15', 'stale-merged-story@19']);

    await write(
      '.fragmentrc.json',
      JSON.stringify({ fields: { 'Rating contribution': { addValues: ['low'] } }, severities: { 'stale-merged-story': 'off' } }, null, 2),
    );
    const after = await waitForDiagnostics(fragment, (all) => !all.some((d) => codeOf(d) === 'invalid-value'), 'the configuration to apply');
    assert.deepEqual(codes(after), ['unknown-field@3', 'empty-field@15']);
  });

  test('Fix All Fragments in Workspace fixes and saves the files that need it', async () => {
    const slips = await exampleWithId('SCC-<redacted>/CIV601', (text) => text.replace('**Year**: 2024', '**Year**: 2024.0'));
    const first = await write('slips-a.fragment', slips);
    const second = await write('slips-b.fragment', slips.replace('CIV601', 'CIV602'));
    // The command fixes every fragment file of the workspace, the example too: put them back after.
    const originals = await Promise.all(
      (await vscode.workspace.findFiles('*.{txt,fragment}')).map(async (uri) => ({ uri, bytes: await vscode.workspace.fs.readFile(uri) })),
    );
    try {
      await vscode.commands.executeCommand('outcomeFragments.fixAllInWorkspace');
      for (const uri of [first, second]) {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        assert.match(text, /^\*\*Country\*\*: DR Congo$/m, `${uri.path} has its key fixed on disk`);
        assert.match(text, /^\*\*Year\*\*: 2024$/m);
      }
    } finally {
      for (const { uri, bytes } of originals) await vscode.workspace.fs.writeFile(uri, bytes);
    }
  });

  test('a .fragmentrc.json with a syntax error is reported on its own line, and the default schema stays', async () => {
    const text = await exampleWithId('SCC-<redacted>/CIV556', (example) => example.replace('**Rating contribution**: great', '**Rating contribution**: low'));
    const fragment = await write('unconfigured.fragment', text);
    const config = await write('.fragmentrc.json', '{\n  "fields": {\n    "Rating contribution": { "addValues": ["low"] },,\n  }\n}\n');
    const onConfig = await waitForDiagnostics(config, (all) => all.some((d) => codeOf(d) === 'invalid-config'), 'the configuration’s syntax error');
    assert.equal(onConfig[0]?.range.start.line, 2);
    assert.match(onConfig[0]?.message ?? '', /Syntax error/);
    await openFragment(fragment);
    await waitForDiagnostics(fragment, (all) => all.some((d) => codeOf(d) === 'invalid-value'), '"low" to be invalid under the default schema');
  });
});
