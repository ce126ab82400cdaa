// Run in a window whose display language is French (scripts/real-vscode/run-server.mjs registers
// a stub language pack and starts the server with --locale fr): the extension's interface, and
// the language server's messages, follow it. Keys and values stay as the data has them.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { codeActions, codeOf, exampleUri, openFragment, problems, waitForDiagnostics } from '../helpers';

const EXTENSION_ID = 'outcome-fragments.outcome-fragments';

suite('En français (display language fr)', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('VS Code’s display language is French', () => {
    assert.equal(vscode.env.language, 'fr', 'this suite must run with the display language fr');
  });

  test('the example’s problems are in French', async () => {
    const editor = await openFragment(exampleUri());
    const diagnostics = problems(await waitForDiagnostics(editor.document.uri, (all) => problems(all).length >= 2, 'the example’s two problems'));
    assert.deepEqual(
      diagnostics.map((diagnostic) => `${codeOf(diagnostic)}: ${diagnostic.message}`),
      [
        'unknown-field: Champ inconnu « coutnry ». Vouliez-vous dire « Country » ?',
        'empty-field: Le champ obligatoire « Evidence supporting the outcome statement » est vide.',
      ],
    );
  });

  test('the quick fix has a French title', async () => {
    const editor = await openFragment(exampleUri());
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => all.some((diagnostic) => codeOf(diagnostic) === 'unknown-field'));
    const unknownField = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'unknown-field');
    assert.ok(unknownField);
    const titles = (await codeActions(editor.document.uri, unknownField.range, vscode.CodeActionKind.QuickFix)).map((action) => action.title);
    assert.ok(titles.includes('Renommer en « Country »'), titles.join(' | '));
  });

  test('the hover on a key is in French', async () => {
    const editor = await openFragment(exampleUri());
    await waitForDiagnostics(editor.document.uri, (all) => problems(all).length >= 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(8, 4));
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(text, /L’importance du changement pour les objectifs du programme\./);
    assert.match(text, /Valeurs permises : `low`, `medium`, `high`/);
  });

  test('the commands have French titles', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // VS Code gives a translated title as { value, original }.
    const titles = (extension.packageJSON.contributes.commands as Array<{ command: string; title: string | { value: string } }>).map((command) => [
      command.command,
      typeof command.title === 'string' ? command.title : command.title.value,
    ]);
    assert.deepEqual(
      titles.filter(([command]) => command === 'outcomeFragments.openPreviewToSide' || command === 'outcomeFragments.copyMergedStory'),
      [
        ['outcomeFragments.openPreviewToSide', 'Ouvrir l’aperçu sur le côté'],
        ['outcomeFragments.copyMergedStory', 'Copier le récit fusionné'],
      ],
    );
  });
});
