// Run in a window whose display language is French (scripts/real-vscode/run-server.mjs registers
// a stub language pack and starts the server with --locale fr): the extension's interface, and
// the language server's messages, follow it. Keys and values stay as the data has them.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../../client/src/extension';
import type { DashboardRenderReport } from '../../../client/src/harvest/dashboard';
import { codeActions, codeOf, EXAMPLE_ID, exampleUri, freshExampleCopy, openFragment, problems, until, waitForDiagnostics } from '../helpers';

const EXTENSION_ID = 'outcome-fragments.outcome-fragments';

suite('En français (display language fr)', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const undated = vscode.Uri.joinPath(exampleUri(), '..', 'quality-undated-fr.fragment');
    await vscode.workspace.fs.delete(undated, { useTrash: false }).then(undefined, () => undefined);
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
    const editor = await openFragment(await freshExampleCopy());
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => all.some((diagnostic) => codeOf(diagnostic) === 'unknown-field'));
    const unknownField = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'unknown-field');
    assert.ok(unknownField);
    const titles = (await codeActions(editor.document.uri, unknownField.range, vscode.CodeActionKind.QuickFix)).map((action) => action.title);
    assert.ok(titles.includes('Renommer en « Country »'), titles.join(' | '));
  });

  test('the hover on a key is in French', async () => {
    const editor = await openFragment(await freshExampleCopy());
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

  test('the Get Started walkthrough is in French, with its French pictures', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const [walkthrough] = extension.packageJSON.contributes.walkthroughs as Array<{ title: string; steps: Array<{ title: string; media: { image: string } }> }>;
    assert.equal(walkthrough?.title, 'Bien démarrer avec Outcome Fragments');
    assert.equal(walkthrough.steps[1]?.title, 'Corriger un problème');
    for (const step of walkthrough.steps) {
      assert.match(step.media.image, /^media\/walkthrough\/fr\//);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, step.media.image));
    }
  });

  test('a quality hint, its hover and its dismiss fix are in French', async () => {
    const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
    const uri = vscode.Uri.joinPath(exampleUri(), '..', 'quality-undated-fr.fragment');
    const text = example
      .replace(EXAMPLE_ID, 'SCC-<redacted>/CIV818')
      .replace('**Outcome description**: On <redacted>, within', '**Outcome description**: Within');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await openFragment(uri);
    const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'no-when'), 'the no-when hint');
    const hint = diagnostics.find((d) => codeOf(d) === 'no-when') as vscode.Diagnostic;
    assert.equal(hint.message, 'La description ne dit pas quand le changement a eu lieu : ni date, ni mois, ni année, ni période.');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, hint.range.start.translate(0, 3));
    const hover = hovers
      .flatMap((found) => found.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(hover, /\*\*La description ne dit pas quand\*\* \(`no-when`\)/);
    assert.match(hover, /- Bon : Le 12 mai 2023, le maire de Ouagadougou/);
    const titles = (await codeActions(uri, hint.range, vscode.CodeActionKind.QuickFix)).map((action) => action.title);
    assert.ok(titles.includes('Ignorer pour ce fragment (no-when)'), titles.join(' | '));
  });

  test('the Harvest Dashboard and the Harvest view are in French', async () => {
    const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>(EXTENSION_ID);
    assert.ok(extension);
    const harvest = await extension.activate();
    let latest: DashboardRenderReport | undefined;
    const seen = new vscode.EventEmitter<void>();
    const listening = harvest.onDidRenderDashboard((report) => {
      latest = report;
      seen.fire();
    });
    try {
      await vscode.commands.executeCommand('outcomeFragments.openHarvestDashboard');
      const report = await until(
        () => ((latest?.totals.outcomes ?? 0) > 0 ? latest : undefined),
        [seen.event],
        'the dashboard to render',
        () => JSON.stringify(latest?.text.slice(0, 200)),
      );
      assert.match(report.text, /Résultats par objectif/);
      assert.match(report.text, /Copier comme tableau Markdown/);
      assert.doesNotMatch(report.text, /Outcomes per|Copy as Markdown/);
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
      assert.ok(tabs.includes('Tableau de bord de la récolte'), tabs.join(' | '));
    } finally {
      listening.dispose();
      seen.dispose();
    }
    const [group] = await harvest.harvestTree.getChildren();
    assert.ok(group);
    assert.match(String(harvest.harvestTree.getTreeItem(group).description), /^\d+ résultats? · /);
  });
});
