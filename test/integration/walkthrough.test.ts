// The Get Started walkthrough in a real VS Code: listed with its six steps, each step's buttons
// naming commands that exist and its picture shipped; its first step opens the example as an
// unsaved fragment beside it, and its preview step previews that fragment from the walkthrough.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../client/src/extension';
import { nextPreviewRender, problems, summary, until, waitForDiagnostics } from './helpers';

const EXTENSION_ID = 'outcome-fragments.outcome-fragments';
const WALKTHROUGH_ID = `${EXTENSION_ID}#getStarted`;

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { image: string; altText: string };
}

function extension(): vscode.Extension<OutcomeFragmentsApi> {
  const found = vscode.extensions.getExtension<OutcomeFragmentsApi>(EXTENSION_ID);
  assert.ok(found, 'the extension is installed');
  return found;
}

/** Waits until the walkthrough is the active tab (VS Code names its tab "Welcome"). */
async function openWalkthrough(): Promise<void> {
  const inFront = () => vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'Welcome' && vscode.window.activeTextEditor === undefined;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
  await until(
    () => (inFront() ? true : undefined),
    [vscode.window.tabGroups.onDidChangeTabs, vscode.window.onDidChangeActiveTextEditor],
    'the walkthrough to be in front',
    () => `active tab "${vscode.window.tabGroups.activeTabGroup.activeTab?.label}"`,
  );
}

suite('The Get Started walkthrough', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('is listed with its six steps, each button a command that exists, each picture shipped', async () => {
    const walkthroughs = extension().packageJSON.contributes.walkthroughs as Array<{ id: string; title: string; steps: WalkthroughStep[] }>;
    const walkthrough = walkthroughs.find((candidate) => candidate.id === 'getStarted');
    assert.ok(walkthrough, 'contributes.walkthroughs has getStarted');
    assert.equal(walkthrough.title, 'Get Started with Outcome Fragments');
    assert.deepEqual(
      walkthrough.steps.map((step) => step.title),
      ['Open an example outcome', 'Fix a problem', 'Preview the story', 'Import a workbook', 'Open the dashboard', 'Prepare substantiation'],
    );
    const commands = new Set(await vscode.commands.getCommands());
    for (const step of walkthrough.steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1]);
      assert.ok(linked.length > 0, `step ${step.id} has a button`);
      for (const command of linked) assert.ok(command && commands.has(command), `step ${step.id}: the command ${command} exists`);
      assert.match(step.media.image, /^media\/walkthrough\/en\/[\w-]+\.png$/);
      const picture = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension().extensionUri, step.media.image));
      assert.ok(picture.size > 10_000, `the picture of ${step.id} ships`);
    }
    await openWalkthrough();
  });

  test('its first step opens the example unsaved, beside the walkthrough, with its two problems; its preview step previews it', async () => {
    await openWalkthrough();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('outcomeFragments.openExample');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'the example is in front');
    assert.equal(editor.document.isUntitled, true, 'an unsaved copy: nothing on disk changes');
    assert.equal(editor.document.languageId, 'fragment');
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two, 'beside the walkthrough');
    // Its two problems, and its FragmentID is the one of the workspace's copy of the same example.
    const diagnostics = await waitForDiagnostics(uri, (all) => problems(all).length >= 3, 'the example’s problems');
    assert.deepEqual(summary(problems(diagnostics)), ['duplicate-id@0', 'unknown-field@3', 'empty-field@15']);

    // Back on the walkthrough, whose page is not a text editor: the preview takes the fragment beside it.
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await until(
      () => (vscode.window.activeTextEditor === undefined ? true : undefined),
      [vscode.window.onDidChangeActiveTextEditor],
      'the walkthrough to be in front again',
      () => `active editor ${vscode.window.activeTextEditor?.document.uri}`,
    );
    const rendered = nextPreviewRender(
      await extension().activate(),
      (report) => report.sections === 5,
      'the preview to show the five sections of the example’s story',
    );
    await vscode.commands.executeCommand('outcomeFragments.openPreviewToSide');
    await rendered;
  });
});
