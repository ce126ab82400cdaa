// Import from a workbook and export back, through the commands a user runs, in a real VS Code.
// The commands take the paths and choices their pickers would ask as arguments.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExportHarvestOutcome } from '../../client/src/harvest-io/export-harvest';
import type { ImportHarvestOutcome } from '../../client/src/harvest-io/import-harvest';
import { bombXlsx, manyRowsXlsx } from '../unit/workbook-bombs';
import { fixtureXlsx } from '../unit/workbook-fixture';
import { exampleUri } from './helpers';

/** The suite runs from out/integration/: the hand-written files are in the repository's test fixtures. */
const expectedFolder = join(__dirname, '..', '..', 'test', 'fixtures', 'workbook', 'expected');
const workspaceUri = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const created: vscode.Uri[] = [];

async function writeWorkbook(name: string, bytes: Uint8Array): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, bytes);
  created.push(uri);
  return uri;
}

const importHarvest = (workbook: vscode.Uri, options: object) =>
  vscode.commands.executeCommand<ImportHarvestOutcome | undefined>('outcomeFragments.importHarvest', workbook, [workbook], options);
const exportHarvest = (folder: vscode.Uri, options: object) =>
  vscode.commands.executeCommand<ExportHarvestOutcome | undefined>('outcomeFragments.exportHarvest', folder, [folder], options);

const filesIn = (folder: vscode.Uri) => Object.fromEntries(readdirSync(folder.fsPath).map((name) => [name, readFileSync(join(folder.fsPath, name), 'utf8')]));

suite('Import and export the harvest', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  });

  test('Import Harvest from Spreadsheet… writes one fragment file per row, then keeps a corrected file unless told to overwrite', async () => {
    const workbook = await writeWorkbook('master.xlsx', await fixtureXlsx());
    const folder = workspaceUri('imported');
    created.push(folder);
    const first = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
    assert.equal(first?.error, undefined);
    assert.deepEqual(first?.result?.created, ['row_1.txt', 'row_2.txt', 'row_4.txt']);
    assert.equal(first?.result?.message, `3 rows imported into ${folder.fsPath}: 3 files (3 created, 0 changed, 0 left as they were); 1 empty row skipped.`);
    assert.deepEqual(filesIn(folder), filesIn(vscode.Uri.file(expectedFolder)));

    const corrected = vscode.Uri.joinPath(folder, 'row_2.txt');
    await vscode.workspace.fs.writeFile(corrected, new TextEncoder().encode('corrected in the editor\n'));
    const kept = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt', overwrite: false });
    assert.equal(kept?.result?.written, false);
    assert.deepEqual(kept?.result?.changed, ['row_2.txt']);
    assert.equal(readFileSync(corrected.fsPath, 'utf8'), 'corrected in the editor\n');
    const overwritten = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt', overwrite: true });
    assert.deepEqual(overwritten?.result?.changed, ['row_2.txt']);
    assert.deepEqual(filesIn(folder), filesIn(vscode.Uri.file(expectedFolder)));
  });

  test('with the fix option and names by FragmentID, the imported files are named by their IDs and fixed', async () => {
    const workbook = await writeWorkbook('master-fix.xlsx', await fixtureXlsx());
    const folder = workspaceUri('imported-fixed');
    created.push(folder);
    const outcome = await importHarvest(workbook, { folder, fix: true, namePattern: '{id}.txt' });
    assert.deepEqual(outcome?.result?.created, ['SCC-_redacted__CIV021.txt', 'SCC-BI_GEN007.txt', 'SCC-ET_PHR112.txt']);
    assert.match(readFileSync(join(folder.fsPath, 'SCC-BI_GEN007.txt'), 'utf8'), /^\*\*Country\*\*: Burundi$/m);
  });

  test('a workbook that cannot be read gets a clear error, and nothing is written', async () => {
    const whole = await fixtureXlsx();
    const workbook = await writeWorkbook('damaged.xlsx', whole.subarray(0, whole.length - 300));
    const folder = workspaceUri('never-written');
    const outcome = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
    assert.match(outcome?.error ?? '', /not a readable \.xlsx workbook \(it may be damaged\)/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(folder)), 'the folder was not created');
  });

  test('a zip bomb and a sheet of 400,000 rows are refused, naming the setting to raise, nothing written; the server goes on', async () => {
    for (const [name, bytes, message] of [
      ['bomb.xlsx', bombXlsx(1200), /unpacks to 1201 MB, more than the limit of 200 MB .* set "outcomeFragments\.import\.maxUnpackedMB" to 1201 or more/],
      ['rows.xlsx', manyRowsXlsx(400_000), /has 400000 rows, more than the limit of 50000 .* set "outcomeFragments\.import\.maxRows" to 400000 or more/],
    ] as const) {
      const workbook = await writeWorkbook(name, bytes);
      const folder = workspaceUri(`never-${name}`);
      const outcome = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
      assert.match(outcome?.error ?? '', message);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(folder)), `${name}: the folder was not created`);
    }
    const workbook = await writeWorkbook('after-bombs.xlsx', await fixtureXlsx());
    const folder = workspaceUri('after-bombs');
    created.push(folder);
    const outcome = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
    assert.equal(outcome?.result?.written, true, 'the language server survived both and still imports');
  });

  test('an import of more than 5,000 files asks first, and writes nothing when declined', async () => {
    const workbook = await writeWorkbook('many.xlsx', manyRowsXlsx(5_002));
    const folder = workspaceUri('many');
    const outcome = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt', manyFiles: false });
    assert.equal(outcome?.result?.created.length, 5_001);
    assert.equal(outcome?.result?.written, false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(folder)), 'the folder was not created');
  });

  test('Export Harvest… writes the master layout without the confidential example, and with it when asked', async () => {
    const folder = vscode.Uri.joinPath(exampleUri(), '..');
    const output = workspaceUri('harvest.xlsx');
    created.push(output);
    const withheld = await exportHarvest(folder, { layout: 'master', output, includeConfidential: false });
    assert.match(withheld?.error ?? '', /confidential .* nothing to export/);
    const outcome = await exportHarvest(folder, { layout: 'master', output, includeConfidential: true });
    assert.equal(outcome?.error, undefined);
    assert.equal(outcome?.result?.confidentialLeftOut, 0);
    assert.ok((outcome?.result?.fragments ?? 0) >= 1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output.fsPath);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    assert.equal(sheet.getCell('A1').value, 'FragmentID');
    assert.equal(sheet.getCell('A2').value, 'SCC-<redacted>/CIV021');
  });

  test('Export Harvest… writes the causal-map layout: the sheets statements, sources and questions', async () => {
    const workbook = await writeWorkbook('for-causal-map.xlsx', await fixtureXlsx());
    const folder = workspaceUri('causal');
    created.push(folder);
    await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
    const output = workspaceUri('causal-map.xlsx');
    created.push(output);
    // The fixture's two public outcomes name places (Gitega, Dire Dawa): held back until the user includes them (FORMAT.md §8).
    const heldBack = await exportHarvest(folder, { layout: 'causal-map', output, includeConfidential: false });
    assert.match(heldBack?.error ?? '', /1 confidential .*, 2 still holding possible identifying details .* nothing to export/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(output)), 'nothing was written');
    const outcome = await exportHarvest(folder, { layout: 'causal-map', output, includeConfidential: false, includeUnanonymised: true });
    assert.equal(outcome?.result?.fragments, 2);
    assert.equal(outcome?.result?.confidentialLeftOut, 1);
    assert.equal(outcome?.result?.unanonymisedLeftOut, 0);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(output.fsPath);
    assert.deepEqual(
      written.worksheets.map((sheet) => sheet.name),
      ['statements', 'sources', 'questions'],
    );
    assert.deepEqual(((written.worksheets[0] as ExcelJS.Worksheet).getRow(1).values as unknown[]).slice(1), ['source_id', 'question_id', 'text']);
  });

  test('the Explorer offers import on workbooks and export on folders, and substantiation on both', () => {
    const extension = vscode.extensions.all.find((candidate) => candidate.packageJSON?.name === 'outcome-fragments');
    const menu = extension?.packageJSON.contributes.menus['explorer/context'] as Array<{ command: string; when: string }>;
    assert.deepEqual(
      menu.map((entry) => [entry.command, entry.when]),
      [
        ['outcomeFragments.importHarvest', 'resourceExtname =~ /^\\.(xlsx|csv)$/i'],
        ['outcomeFragments.newFragment', 'explorerResourceIsFolder'],
        ['outcomeFragments.exportHarvest', 'explorerResourceIsFolder'],
        ['outcomeFragments.exportReport', 'explorerResourceIsFolder'],
        ['outcomeFragments.prepareSubstantiation', 'explorerResourceIsFolder'],
        ['outcomeFragments.importSubstantiation', 'resourceExtname =~ /^\\.(xlsx|csv)$/i'],
      ],
    );
  });
});
