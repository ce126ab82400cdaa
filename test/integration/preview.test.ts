// The live preview of the merged story in a real VS Code webview: what it shows and how it follows typing.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../client/src/extension';
import { COPY_ID, codeOf, freshExampleCopy, nextPreviewRender, openFragment, waitForDiagnostics } from './helpers';

async function api(): Promise<OutcomeFragmentsApi> {
  const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>('outcome-fragments.outcome-fragments');
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

/** A fresh copy of the example, checked, with its preview opened to the side and rendered. */
async function previewFreshExample() {
  const preview = await api();
  const editor = await openFragment(await freshExampleCopy());
  await waitForDiagnostics(editor.document.uri, (all) => all.some((d) => codeOf(d) === 'unknown-field'));
  const rendered = nextPreviewRender(preview, (report) => report.sections > 0, 'the preview to render the example');
  await vscode.commands.executeCommand('outcomeFragments.openPreviewToSide');
  return { preview, editor, report: await rendered };
}

suite('Merged story preview', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('shows the example: confidential banner, five sections, redactions as marks, the empty-evidence warning', async () => {
    const { report } = await previewFreshExample();
    assert.match(report.title, COPY_ID);
    assert.equal(report.confidentialBanner, true);
    assert.equal(report.sections, 5);
    // One in the title, eight in the story: the two its fields hold and the six it alone hides.
    assert.equal(report.redactionMarks, 9);
    assert.equal(report.evidenceWarning, true);
    assert.match(report.text, /data <redacted> systems/);
  });

  test('follows typing in the description', async () => {
    const { preview, editor } = await previewFreshExample();

    const updated = nextPreviewRender(preview, (report) => report.text.includes('digitized and secured its data'), 'the preview to show the typed words');
    const typed = Date.now();
    const at = editor.document.lineAt(5).text.indexOf('digitized') + 'digitized'.length;
    await editor.edit((edit) => edit.insert(new vscode.Position(5, at), ' and secured'));
    const report = await updated;
    console.log(`preview updated ${Date.now() - typed} ms after the edit`);
    assert.equal(report.redactionMarks, 9, 'no redaction is lost');
  });
});
