// A name left in an outcome (FORMAT.md §8): the warning on the description and the merged story,
// and "Replace with <person>", which removes it from both, the story staying up to date.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { applyCodeAction, codeActions, codeOf, freshExampleCopy, openFragment, problems, revertAndClose, summary, waitForDiagnostics } from './helpers';

const NAMED = 'Seconde Chance (SECHA), led by Mrs. Rose Nyota, digitized';

suite('Possible identifiers', () => {
  teardown(revertAndClose);

  test('the replace fix takes the name out of the description and the merged story; no stale-merged-story after', async () => {
    const copy = await freshExampleCopy();
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(copy));
    await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(text.replaceAll('Seconde Chance (SECHA) digitized', NAMED)));
    const editor = await openFragment(copy);
    const found = await waitForDiagnostics(
      copy,
      (all) => all.filter((diagnostic) => codeOf(diagnostic) === 'possible-identifier').length === 2,
      'two possible-identifier warnings',
    );
    const [first] = found.filter((diagnostic) => codeOf(diagnostic) === 'possible-identifier');
    assert.ok(first);
    assert.equal(first.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(first.range), 'Rose Nyota');

    const actions = await codeActions(copy, first.range, vscode.CodeActionKind.QuickFix);
    const replace = actions.find((action) => action.title === 'Replace "Rose Nyota" with <person> in this fragment');
    assert.ok(replace, JSON.stringify(actions.map((action) => action.title)));
    assert.notEqual(replace.isPreferred, true);
    await applyCodeAction(replace);
    assert.ok(!editor.document.getText().includes('Rose Nyota'));
    assert.equal(editor.document.getText().split('led by Mrs. <person>, digitized').length, 3, 'replaced in the description and the story');

    const after = await waitForDiagnostics(
      copy,
      (all) => !all.some((diagnostic) => codeOf(diagnostic) === 'possible-identifier'),
      'the possible-identifier warnings to go',
    );
    // The example's own two problems, and no stale-merged-story: the story is up to date.
    assert.deepEqual(summary(problems(after)), ['unknown-field@3', 'empty-field@15']);
    assert.ok(!after.some((diagnostic) => codeOf(diagnostic) === 'stale-merged-story'), JSON.stringify(summary(after)));
  });
});
