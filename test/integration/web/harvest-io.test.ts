// Import from a workbook and export back, in the web worker extension host: the worker runs the
// mappings and its lazily loaded workbook bundle, the client reads and writes with workspace.fs.
import * as vscode from 'vscode';
import type { ExportHarvestOutcome } from '../../../client/src/harvest-io/export-harvest';
import type { ImportHarvestOutcome } from '../../../client/src/harvest-io/import-harvest';
import type { Sheet } from '../../../server/src/core/harvest/cells';
import { readWorkbook } from '../../../server/src/workbook';
import { writeCsv } from '../../../server/src/workbook/csv';
import row1 from '../../fixtures/workbook/expected/row_1.txt';
import row2 from '../../fixtures/workbook/expected/row_2.txt';
import row4 from '../../fixtures/workbook/expected/row_4.txt';
import { FIXTURE_SHEET, fixtureXlsx } from '../../unit/workbook-fixture';
import { exampleUri } from '../helpers';
import { assert, assertEqual, test } from './runner';

/** The hand-written files of the fixture's rows (FORMAT.md §6), as the desktop suite expects them. */
const EXPECTED: Record<string, string> = { 'row_1.txt': row1, 'row_2.txt': row2, 'row_4.txt': row4 };

const inFolder = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const remove = (...uris: vscode.Uri[]) =>
  Promise.all(uris.map((uri) => vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined)));
const readText = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

const importHarvest = (workbook: vscode.Uri, options: object) =>
  vscode.commands.executeCommand<ImportHarvestOutcome | undefined>('outcomeFragments.importHarvest', workbook, [workbook], options);
const exportHarvest = (folder: vscode.Uri, options: object) =>
  vscode.commands.executeCommand<ExportHarvestOutcome | undefined>('outcomeFragments.exportHarvest', folder, [folder], options);

/** The folder's files and their text: no temporary file may be left beside them. */
async function filesIn(folder: vscode.Uri): Promise<Record<string, string>> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const names = entries.map(([name]) => name).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readText(vscode.Uri.joinPath(folder, name))] as const)));
}

/** The exported workbook's first sheet, read with the extension's own adapter. */
async function sheetOf(uri: vscode.Uri): Promise<Sheet> {
  return readWorkbook(await vscode.workspace.fs.readFile(uri), uri.path.replace(/^.*\//, ''));
}

const idsOf = (sheet: Sheet) => sheet.rows.slice(1).map((row) => row[0]);

for (const [format, bytes] of [
  ['xlsx', fixtureXlsx],
  ['csv', async () => writeCsv(FIXTURE_SHEET)],
] as const) {
  test(`a .${format} workbook imports into fragment files, which export back to a .${format} without the confidential outcome unless asked`, async () => {
    const workbook = inFolder(`web-master.${format}`);
    const folder = inFolder(`web-imported-${format}`);
    const output = inFolder(`web-harvest.${format}`);
    try {
      await vscode.workspace.fs.writeFile(workbook, await bytes());
      const first = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
      assertEqual(first?.error, undefined, 'the import’s error');
      assertEqual(first?.result?.created, ['row_1.txt', 'row_2.txt', 'row_4.txt'], 'the files created');
      assertEqual(
        first?.result?.message,
        `3 rows imported into ${folder.path}: 3 files (3 created, 0 changed, 0 left as they were); 1 empty row skipped.`,
        'the summary',
      );
      assertEqual(await filesIn(folder), EXPECTED, 'the imported files (and nothing else)');

      // A file corrected meanwhile is kept unless the user says to overwrite it.
      const corrected = vscode.Uri.joinPath(folder, 'row_2.txt');
      await vscode.workspace.fs.writeFile(corrected, new TextEncoder().encode('corrected in the editor\n'));
      const kept = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt', overwrite: false });
      assertEqual([kept?.result?.written, kept?.result?.changed], [false, ['row_2.txt']], 'written, and the file that differs');
      assertEqual(await readText(corrected), 'corrected in the editor\n', 'the corrected file');
      const overwritten = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt', overwrite: true });
      assertEqual([overwritten?.result?.written, overwritten?.result?.unchanged], [true, ['row_1.txt', 'row_4.txt']], 'written, and the files left');
      assertEqual(await filesIn(folder), EXPECTED, 'the files after overwriting');

      // The fixture's public outcomes name places: included here (the gate has its own tests).
      const withheld = await exportHarvest(folder, { layout: 'master', output, includeConfidential: false, includeUnanonymised: true });
      assertEqual(withheld?.error, undefined, 'the export’s error');
      assertEqual([withheld?.result?.fragments, withheld?.result?.confidentialLeftOut], [2, 1], 'outcomes exported and left out');
      assertEqual(withheld?.result?.files, [output.toString()], 'the file written');
      const shared = await sheetOf(output);
      assertEqual(shared.rows[0]?.[0], 'FragmentID', 'the first header');
      assertEqual(shared.rows.length, 3, 'the header and two rows');

      const everything = await exportHarvest(folder, { layout: 'master', output, includeConfidential: true, includeUnanonymised: true });
      assertEqual(everything?.result?.confidentialLeftOut, 0, 'outcomes left out when asked for all');
      const all = await sheetOf(output);
      assertEqual(all.rows.length, 4, 'the header and three rows');
      const sharedIds = idsOf(shared);
      assert(
        sharedIds.every((id) => idsOf(all).includes(id)),
        'the shared rows are rows of the whole export',
      );
      const [confidential] = idsOf(all).filter((id) => !sharedIds.includes(id));
      assert(typeof confidential === 'string' && confidential.length > 0, 'one confidential outcome, named by its FragmentID');
      const beside = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(output, '..'))).map(([name]) => name);
      assert(!beside.some((name) => name.endsWith('.tmp')), `no temporary file left beside the export: ${beside.join(', ')}`);
    } finally {
      await remove(workbook, folder, output);
    }
  });
}

test('a workbook that cannot be read gets a clear error, and nothing is written', async () => {
  const whole = await fixtureXlsx();
  const workbook = inFolder('web-damaged.xlsx');
  const folder = inFolder('web-never-written');
  try {
    await vscode.workspace.fs.writeFile(workbook, whole.subarray(0, whole.length - 300));
    const outcome = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
    assert(/not a readable \.xlsx workbook \(it may be damaged\)/.test(outcome?.error ?? ''), `the error: ${outcome?.error}`);
    const created = await Promise.resolve(vscode.workspace.fs.stat(folder)).then(
      () => true,
      () => false,
    );
    assert(!created, 'the folder was not created');
  } finally {
    await remove(workbook, folder);
  }
});

test('a zip bomb and a sheet of 400,000 rows are refused in the worker, naming the setting to raise, nothing written; the server goes on', async () => {
  // Built beside the suite (scripts/real-vscode/build-suite.mjs): a worker has no node:zlib to build them.
  const extension = vscode.extensions.getExtension('outcome-fragments.outcome-fragments');
  assert(extension, 'the extension under test');
  const builtWorkbook = (name: string) => vscode.Uri.joinPath(extension.extensionUri, 'out', 'integration', 'web', 'workbooks', name);
  for (const [name, message] of [
    ['bomb.xlsx', /unpacks to 1201 MB, more than the limit of 200 MB .* set "outcomeFragments\.import\.maxUnpackedMB" to 1201 or more/],
    ['rows.xlsx', /has 400000 rows, more than the limit of 50000 .* set "outcomeFragments\.import\.maxRows" to 400000 or more/],
  ] as const) {
    const workbook = inFolder(`web-${name}`);
    const folder = inFolder(`web-never-${name}`);
    try {
      await vscode.workspace.fs.writeFile(workbook, await vscode.workspace.fs.readFile(builtWorkbook(name)));
      const outcome = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
      assert(message.test(outcome?.error ?? ''), `${name}: the error: ${outcome?.error}`);
      const created = await Promise.resolve(vscode.workspace.fs.stat(folder)).then(
        () => true,
        () => false,
      );
      assert(!created, `${name}: the folder was not created`);
    } finally {
      await remove(workbook, folder);
    }
  }
  const workbook = inFolder('web-after-bombs.xlsx');
  const folder = inFolder('web-after-bombs');
  try {
    await vscode.workspace.fs.writeFile(workbook, await fixtureXlsx());
    const outcome = await importHarvest(workbook, { folder, fix: false, namePattern: 'row_{n}.txt' });
    assertEqual(outcome?.result?.written, true, 'the worker’s server survived both and still imports');
  } finally {
    await remove(workbook, folder);
  }
});
