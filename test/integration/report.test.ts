// Export Harvest Report… in a real VS Code (FORMAT.md §10): the command a user runs from the
// Explorer, its choices given as arguments, the report read back by mammoth, an independent reader.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExportReportOutcome } from '../../client/src/harvest-io/export-report';
import { reportHarvestFiles } from '../report-harvest';
import { exampleUri } from './helpers';

const inWorkspace = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const created: vscode.Uri[] = [];
const NEVER_QUOTED = /CIV777|Hidden hamlet|CIV030|Nyota|\+256/;

async function harvest(): Promise<vscode.Uri> {
  const folder = inWorkspace('report harvest (2024)');
  created.push(folder);
  const example = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
  // CIV621, not the example's own CIV021: the workspace is one harvest, and the tests after this one expect that ID once.
  for (const file of reportHarvestFiles(example, '621'))
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file.name), new TextEncoder().encode(file.text));
  return folder;
}

const exportReport = (folder: vscode.Uri, options: object) =>
  vscode.commands.executeCommand<ExportReportOutcome | undefined>('outcomeFragments.exportReport', folder, [folder], options);

suite('Export Harvest Report…', () => {
  teardown(async () => {
    for (const uri of created.splice(0))
      await Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false })).then(undefined, () => undefined);
  });

  test('writes the Word report: its charts, the shareable outcomes quoted, the confidential and un-anonymised ones counted', async () => {
    const folder = await harvest();
    const output = inWorkspace('harvest-report.docx');
    created.push(output);
    const outcome = await exportReport(folder, { output, includeConfidential: false });
    assert.equal(outcome?.error, undefined);
    assert.deepEqual(outcome?.result, {
      files: [output.toString()],
      fragmentFiles: 5,
      outcomes: 5,
      quoted: 3,
      confidentialLeftOut: 1,
      unanonymisedLeftOut: 1,
    });
    const html = (await mammoth.convertToHtml({ path: output.fsPath })).value;
    for (const id of ['CIV002', 'CIV621', 'PHR003']) assert.match(html, new RegExp(`/${id}</h3>`));
    assert.doesNotMatch(html, NEVER_QUOTED);
    assert.ok((html.match(/<img /g) ?? []).length >= 5, 'the charts as pictures');
  });

  test('writes the Markdown report with its charts beside it, quoting what the user includes', async () => {
    const folder = await harvest();
    const output = inWorkspace('harvest-report.md');
    created.push(output, inWorkspace('harvest-report-charts'));
    const outcome = await exportReport(folder, { output, includeConfidential: true, includeUnanonymised: true });
    assert.equal(outcome?.error, undefined);
    assert.deepEqual([outcome?.result?.quoted, outcome?.result?.confidentialLeftOut, outcome?.result?.unanonymisedLeftOut], [5, 0, 0]);
    const markdown = readFileSync(output.fsPath, 'utf8');
    assert.match(markdown, /#### SCC-\\<redacted\\>\/CIV777\n\n\*\*Confidential\*\*/);
    const charts = readdirSync(inWorkspace('harvest-report-charts').fsPath);
    assert.equal(charts.length, (outcome?.result?.files.length ?? 0) - 1);
    for (const chart of charts) assert.ok(markdown.includes(`harvest-report-charts/${chart}`), chart);
  });
});
