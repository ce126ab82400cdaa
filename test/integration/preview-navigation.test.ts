// The preview's two-way navigation in a real VS Code: a click on a section of the preview reveals
// its field in the editor, and moving the editor's cursor highlights the section of its field.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../client/src/extension';
import type { PreviewHighlightReport } from '../../client/src/preview/story-preview';
import { codeOf, freshExampleCopy, nextPreviewRender, openFragment, until, waitForDiagnostics } from './helpers';

/** Asks the launcher (scripts/real-vscode/workbench.mjs) to click an element of the preview with the mouse. */
function clickInPreview(selector: string): void {
  console.log(`[real-vscode:click-preview] ${selector}`);
}

async function api(): Promise<OutcomeFragmentsApi> {
  const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>('outcome-fragments.outcome-fragments');
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

/** A fresh copy of the example beside its rendered preview, the cursor on the first line. */
async function exampleBesideItsPreview() {
  const preview = await api();
  const editor = await openFragment(await freshExampleCopy());
  await waitForDiagnostics(editor.document.uri, (all) => all.some((d) => codeOf(d) === 'unknown-field'));
  const rendered = nextPreviewRender(preview, (report) => report.sections > 0, 'the preview to render the example');
  await vscode.commands.executeCommand('outcomeFragments.openPreviewToSide');
  await rendered;
  return { preview, editor };
}

function lineOf(document: vscode.TextDocument, key: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.startsWith(`**${key}**:`)) return line;
  throw new Error(`no **${key}**: line in ${document.uri.path}`);
}

suite('Preview navigation', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('moving the cursor into a field highlights its section of the merged story', async () => {
    const { preview, editor } = await exampleBesideItsPreview();
    const significance = lineOf(editor.document, 'Significance of the outcome');

    let latest: PreviewHighlightReport | undefined;
    const seen = new vscode.EventEmitter<void>();
    const subscription = preview.onDidHighlightPreview((report) => {
      latest = report;
      seen.fire();
    });
    try {
      const inside = new vscode.Position(significance, 12);
      editor.selection = new vscode.Selection(inside, inside);
      const report = await until(
        () => (latest?.line === significance ? latest : undefined),
        [seen.event],
        `the preview to highlight for line ${significance}`,
        () => JSON.stringify(latest),
      );
      assert.ok(report.lines.includes(significance), `the section of "Significance of the outcome" (line ${significance}) is highlighted: ${report.lines}`);

      const contribution = lineOf(editor.document, 'Contribution of the programme');
      editor.selection = new vscode.Selection(contribution, 0, contribution, 0);
      const moved = await until(
        () => (latest?.line === contribution ? latest : undefined),
        [seen.event],
        'the highlight to follow the cursor',
        () => JSON.stringify(latest),
      );
      assert.ok(moved.lines.includes(contribution) && !moved.lines.includes(significance), `only the new field's section is highlighted: ${moved.lines}`);
    } finally {
      subscription.dispose();
      seen.dispose();
    }
  });

  test('a click on a section of the preview reveals its field in the editor', async () => {
    const { editor } = await exampleBesideItsPreview();
    const significance = lineOf(editor.document, 'Significance of the outcome');
    assert.notEqual(editor.selection.active.line, significance);

    const atField = () => vscode.window.visibleTextEditors.find((shown) => shown.document === editor.document && shown.selection.active.line === significance);
    const revealed = until(atField, [vscode.window.onDidChangeTextEditorSelection], `the editor's cursor to move to line ${significance}`, () =>
      JSON.stringify(vscode.window.visibleTextEditors.map((shown) => [shown.document.uri.path, shown.selection.active.line])),
    );
    clickInPreview(`.story-section[data-line="${significance}"]`);
    const shown = await revealed;
    assert.equal(shown.selection.active.character, 0, 'the cursor is at the start of the field');
    assert.ok(
      shown.visibleRanges.some((range) => range.contains(new vscode.Position(significance, 0))),
      'the field is in view',
    );
  });
});
