// Substantiation through the commands a user runs, in a real VS Code (FORMAT.md §9): Prepare
// Substantiation… writes the forms and marks the outcomes sent; a form filled in and re-sorted by
// another program comes back through Import Substantiation Responses…; the disagreement shows.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { SubstantiationOutcome } from '../../client/src/harvest-io/substantiation';
import type { ImportSubstantiationResult, PrepareSubstantiationResult } from '../../server/src/protocol';
import { codeOf, EXAMPLE_ID, exampleUri, waitForDiagnostics } from './helpers';

const OBJECTIVES = [
  'CIV: Less suppression of civic space',
  'PHR: Conflict transformation, peace and human rights',
  'GEN: More equal gender roles and norms',
  'EXT: Mitigating external stress factors',
];
const inWorkspace = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const created: vscode.Uri[] = [];
const statusOf = (uri: vscode.Uri) => /^\*\*Substantiation status\*\*: (.*)$/m.exec(readFileSync(uri.fsPath, 'utf8'))?.[1];

/** Twelve public outcomes, three per objective, in a folder of the workspace. */
async function harvest(): Promise<vscode.Uri[]> {
  const folder = inWorkspace('substantiated harvest');
  created.push(folder);
  const example = readFileSync(exampleUri().fsPath, 'utf8').replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0');
  const files: vscode.Uri[] = [];
  for (const [position, objective] of OBJECTIVES.entries()) {
    for (const number of [1, 2, 3]) {
      const id = `SCC-<redacted>/${objective.slice(0, 3)}8${position}${number}`;
      const uri = vscode.Uri.joinPath(folder, `outcome ${position}-${number}.txt`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(example.replace(EXAMPLE_ID, id).replace(OBJECTIVES[0] as string, objective)));
      files.push(uri);
    }
  }
  return files;
}

suite('Substantiation', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  });

  test('Prepare Substantiation… draws one per objective from a seed and marks them sent; the returned answers come back, and a disagreement is shown', async () => {
    const files = await harvest();
    const folder = vscode.Uri.joinPath(files[0] as vscode.Uri, '..');
    const out = inWorkspace('substantiation forms');
    created.push(out);
    const options = {
      out,
      substantiators: ['Journalist, community radio'],
      sample: { count: 1, per: 'objective', seed: '7' },
      includeConfidential: false,
      confirm: true,
    };
    const prepared = await vscode.commands.executeCommand<SubstantiationOutcome<PrepareSubstantiationResult>>(
      'outcomeFragments.prepareSubstantiation',
      folder,
      [folder],
      options,
    );
    assert.equal(prepared?.error, undefined);
    const [form] = prepared?.result?.forms ?? [];
    assert.ok(form);
    assert.equal(form.ids.length, 4);
    assert.equal(files.filter((uri) => statusOf(uri) === 'sent').length, 4);

    // Filled in by another program: the rows sorted the other way, one disagreement.
    const formPath = vscode.Uri.parse(form.path).fsPath;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(formPath);
    const sheet = workbook.getWorksheet('Outcomes') as ExcelJS.Worksheet;
    const rows: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) rows.push((row.values as unknown[]).slice(1));
    });
    rows.reverse();
    for (const [index, values] of rows.entries()) {
      const row = sheet.getRow(index + 2);
      values.forEach((value, column) => {
        row.getCell(column + 1).value = value as ExcelJS.CellValue;
      });
      row.getCell(6).value = 'fully agree';
      row.getCell(7).value = index === 0 ? 'disagree' : 'fully agree';
      row.getCell(8).value = 'fully agree';
    }
    await workbook.xlsx.writeFile(formPath);
    const disagreedId = String(rows[0]?.[0]);

    const imported = await vscode.commands.executeCommand<SubstantiationOutcome<ImportSubstantiationResult>>(
      'outcomeFragments.importSubstantiation',
      vscode.Uri.file(formPath),
      [vscode.Uri.file(formPath)],
      { into: [folder] },
    );
    assert.equal(imported?.error, undefined);
    assert.deepEqual([imported?.result?.answered, imported?.result?.agreed, imported?.result?.disagreed], [4, 3, 1]);
    assert.equal(files.filter((uri) => statusOf(uri) === 'answered').length, 4);
    const disagreed = files.find((uri) => readFileSync(uri.fsPath, 'utf8').includes(`**FragmentID**: ${disagreedId}`)) as vscode.Uri;
    await vscode.window.showTextDocument(disagreed);
    const diagnostics = await waitForDiagnostics(disagreed, (all) => all.some((diagnostic) => codeOf(diagnostic) === 'substantiation-disagrees'));
    const shown = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'substantiation-disagrees');
    assert.equal(shown?.severity, vscode.DiagnosticSeverity.Information);
    assert.match(shown?.message ?? '', /disagrees with "Significance of the outcome"/);
  });

  test('a form of another harvest gets a clear message, and nothing is written', async () => {
    const files = await harvest();
    const folder = vscode.Uri.joinPath(files[0] as vscode.Uri, '..');
    const form = inWorkspace('foreign form.xlsx');
    created.push(form);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Outcomes');
    sheet.addRow(['FragmentID', 'Substantiation of the description']);
    sheet.addRow(['SCC-XX/CIV777', 'fully agree']);
    await vscode.workspace.fs.writeFile(form, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const before = files.map((uri) => readFileSync(uri.fsPath, 'utf8'));
    const outcome = await vscode.commands.executeCommand<SubstantiationOutcome<ImportSubstantiationResult>>(
      'outcomeFragments.importSubstantiation',
      form,
      [form],
      { into: [folder] },
    );
    assert.match(outcome?.error ?? '', /foreign form\.xlsx is a form of another harvest/);
    assert.deepEqual(
      files.map((uri) => readFileSync(uri.fsPath, 'utf8')),
      before,
    );
  });
});
