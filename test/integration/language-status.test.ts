// The language status of fragment files in a real VS Code: the schema in force (the SCC default,
// or the folder's .fragmentrc.json, which a click opens) and the harvest's outcomes with problems.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../client/src/extension';
import type { LanguageStatusReport } from '../../client/src/language-status';
import { EXAMPLE_ID, exampleUri, openFragment, until } from './helpers';

const folder = () => vscode.Uri.joinPath(exampleUri(), '..', 'configured round');

async function api(): Promise<OutcomeFragmentsApi> {
  const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>('outcome-fragments.outcome-fragments');
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

/** The first report (the current one included) that `matches`. */
async function statusWhere(matches: (report: LanguageStatusReport) => boolean, what: string): Promise<LanguageStatusReport> {
  const { languageStatus } = await api();
  let latest = languageStatus.report();
  const seen = new vscode.EventEmitter<void>();
  const subscription = languageStatus.onDidUpdate((report) => {
    latest = report;
    seen.fire();
  });
  return until(
    () => (matches(latest) ? latest : undefined),
    [seen.event],
    what,
    () => JSON.stringify(latest),
  ).finally(() => {
    subscription.dispose();
    seen.dispose();
  });
}

suite('Language status', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.resolve(vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false })).then(undefined, () => undefined);
  });

  test('names the .fragmentrc.json of the file’s folder, which a click opens, and the SCC schema elsewhere', async () => {
    const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
    const config = vscode.Uri.joinPath(folder(), '.fragmentrc.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "severities": { "unknown-field": "off" } }\n'));
    const file = vscode.Uri.joinPath(folder(), 'configured.fragment');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(example.replace(EXAMPLE_ID, 'SCC-<redacted>/CIV651')));
    await openFragment(file);
    const configured = await statusWhere((report) => report.schema.opens !== undefined, 'the configuration in the language status');
    assert.equal(configured.schema.opens, config.toString());
    assert.equal(configured.schema.text, vscode.workspace.asRelativePath(config));
    assert.match(configured.harvest.text, /^\d+ outcomes? with problems$/);
    assert.match(configured.harvest.detail, /^of \d+ in the harvest$/);
    await openFragment(exampleUri());
    const plain = await statusWhere((report) => report.schema.opens === undefined, 'the default schema in the language status');
    assert.equal(plain.schema.text, 'SCC schema');
  });
});
