import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importWorkbookFile } from '../../server/src/node/harvest-import';
import { readWorkbook, WorkbookError } from '../../server/src/workbook';
import { temporaryFolder } from '../temporary-folders';
import { service } from './helpers';
import { bombXlsx, manyRowsXlsx, rowXml, SHEET_END, SHEET_START, sheetXlsx, workbookParts, zipOf } from './workbook-bombs';
import { fixtureXlsx, passwordProtectedWorkbook } from './workbook-fixture';

/** What reading the workbook says, and how long it took. */
async function refusal(bytes: Uint8Array, name: string, options?: Parameters<typeof readWorkbook>[2]): Promise<{ message: string; ms: number }> {
  const started = performance.now();
  try {
    await readWorkbook(bytes, name, options);
  } catch (error) {
    assert.ok(error instanceof WorkbookError, `a WorkbookError, not ${String(error)}`);
    return { message: error.message, ms: performance.now() - started };
  }
  assert.fail(`${name} was read`);
}

const DAMAGED = /not a readable \.xlsx workbook \(it may be damaged\)/;
const PASSWORD = /password-protected/;
const TOO_LARGE = /more than the limit of/;

describe('workbooks are bounded before they are read (FORMAT.md §6)', () => {
  it('refuses a zip bomb from its directory, unpacking nothing: the limit, the value, and how to raise it', async () => {
    const bomb = bombXlsx(1200);
    assert.ok(bomb.length < 2_000_000, `the bomb is small (${bomb.length} bytes)`);
    const heap = process.memoryUsage().heapUsed;
    const { message, ms } = await refusal(bomb, 'harvest.xlsx');
    assert.equal(
      message,
      'the workbook unpacks to 1201 MB, more than the limit of 200 MB an import reads: nothing was imported. If the file is right, import it again with --max-unpacked-mb 1201',
    );
    assert.ok(ms < 2000, `${ms} ms`);
    assert.ok(process.memoryUsage().heapUsed - heap < 100_000_000, 'nothing was unpacked');
    const inEditor = await refusal(bomb, 'harvest.xlsx', { raiseWith: 'settings' });
    assert.match(inEditor.message, /If the file is right, set "outcomeFragments\.import\.maxUnpackedMB" to 1201 or more in the settings and import it again$/);
  });

  it('refuses a bomb whose directory lies at the first chunk past what it declares: damaged, and memory never spent', async () => {
    const liar = bombXlsx(1200, 1);
    const heap = process.memoryUsage().heapUsed;
    const { message, ms } = await refusal(liar, 'harvest.xlsx');
    assert.match(message, DAMAGED);
    assert.match(message, /its part xl\/worksheets\/sheet1\.xml unpacks to more than its zip directory says/);
    assert.ok(ms < 2000, `${ms} ms`);
    assert.ok(process.memoryUsage().heapUsed - heap < 100_000_000);
  });

  it('counts the rows as the sheet streams by, and refuses past the limit, naming the sheet', async () => {
    const { message, ms } = await refusal(manyRowsXlsx(60_000), 'harvest.xlsx');
    assert.equal(
      message,
      'the sheet "Master dataset" has 60000 rows, more than the limit of 50000 an import reads: nothing was imported. If the sheet is right, import it again with --max-rows 60000',
    );
    assert.ok(ms < 5000, `${ms} ms`);
    // A row numbered far down makes every row above it, however few are written.
    const far = sheetXlsx(rowXml(1, ['FragmentID']) + rowXml(1_000_000, ['SCC-1']));
    assert.match((await refusal(far, 'harvest.xlsx')).message, /has 1000000 rows, more than the limit of 50000/);
  });

  it('reads a workbook within limits raised for it', async () => {
    const small = manyRowsXlsx(11);
    assert.match((await refusal(small, 'harvest.xlsx', { limits: { maxRows: 10 } })).message, /has 11 rows, more than the limit of 10/);
    assert.equal((await readWorkbook(small, 'harvest.xlsx', { limits: { maxRows: 11 } })).rows.length, 11);
    const fixture = await fixtureXlsx();
    assert.match((await refusal(fixture, 'harvest.xlsx', { limits: { maxUnpackedMB: 0.001 } })).message, /unpacks to 1 MB, more than the limit of 0\.001 MB/);
  });

  it('bounds a CSV file too: its size and its rows', async () => {
    const csv = new TextEncoder().encode(`FragmentID,Year\n${Array.from({ length: 20 }, (_, index) => `SCC-${index},2024`).join('\n')}\n`);
    assert.match((await refusal(csv, 'harvest.csv', { limits: { maxRows: 10 } })).message, /the sheet "harvest" has 21 rows, more than the limit of 10/);
    assert.match((await refusal(csv, 'harvest.csv', { limits: { maxUnpackedMB: 0.0001 } })).message, /the CSV file is 1 MB, more than the limit of 0\.0001 MB/);
    assert.equal((await readWorkbook(csv, 'harvest.csv', { limits: { maxRows: 21 } })).rows.length, 21);
  });

  it('tells a damaged file, a password-protected one and one too large apart', async () => {
    const whole = await fixtureXlsx();
    const messages = [
      (await refusal(whole.subarray(0, Math.floor(whole.length / 2)), 'harvest.xlsx')).message,
      (await refusal(passwordProtectedWorkbook(), 'harvest.xlsx')).message,
      (await refusal(bombXlsx(300), 'harvest.xlsx')).message,
    ];
    assert.deepEqual(
      messages.map((message) => [DAMAGED, PASSWORD, TOO_LARGE].map((pattern) => pattern.test(message))),
      [
        [true, false, false],
        [false, true, false],
        [false, false, true],
      ],
    );
  });

  it('writes nothing when the workbook is refused', async () => {
    const folder = temporaryFolder('fragments-limits-');
    for (const [name, bytes] of [
      ['bomb.xlsx', bombXlsx(300)],
      ['liar.xlsx', bombXlsx(300, 1)],
      ['rows.xlsx', manyRowsXlsx(60_000)],
    ] as const) {
      writeFileSync(join(folder, name), bytes);
      await assert.rejects(importWorkbookFile(join(folder, name), join(folder, `out-${name}`), { service }), WorkbookError);
      assert.equal(existsSync(join(folder, `out-${name}`)), false, name);
    }
  });

  it('reads no range cell by cell: a merge, a validation and a defined name over the whole sheet are left unread', async () => {
    const whole = 'A1:XFD1048576';
    const bytes = sheetXlsx(
      rowXml(1, ['FragmentID', 'Year']) + rowXml(2, ['SCC-1', 2024]),
      `<mergeCells count="1"><mergeCell ref="${whole}"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="${whole}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
      `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Master dataset'!$A$1:$XFD$1048576</definedName><definedName name="all">'Master dataset'!$A$1:$XFD$1048576</definedName></definedNames>`,
    );
    const started = performance.now();
    const sheet = await readWorkbook(bytes, 'harvest.xlsx');
    assert.ok(performance.now() - started < 2000);
    // A merged range's value is in its first cell only, as pandas (the generator) reads it.
    assert.deepEqual(sheet.rows, [
      ['FragmentID', 'Year'],
      ['SCC-1', 2024],
    ]);
  });

  it('refuses a sheet whose rows reach so far right that it would hold too many cells', async () => {
    const rows = Array.from({ length: 20 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>1</v></c><c r="XFD${index + 1}"><v>2</v></c></row>`);
    const { message } = await refusal(sheetXlsx(rows.join('')), 'harvest.xlsx', { limits: { maxRows: 20 } });
    assert.match(message, /has values so far to the right that it holds more than 2000 cells: nothing was imported/);
  });

  it('refuses a sheet numbered far past any workbook’s sheets, at once (the fuzzer’s 2 KB file that took 30 s)', async () => {
    const parts = workbookParts().map((part) =>
      part.name === 'xl/workbook.xml' && 'data' in part
        ? { ...part, data: new TextEncoder().encode(new TextDecoder().decode(part.data).replace('sheetId="1"', 'sheetId="99999999"')) }
        : part,
    );
    const bytes = zipOf([
      ...parts,
      { name: 'xl/worksheets/sheet1.xml', data: new TextEncoder().encode(`${SHEET_START}${rowXml(1, ['FragmentID'])}${SHEET_END}`) },
    ]);
    const started = performance.now();
    const { message } = await refusal(bytes, 'harvest.xlsx');
    assert.ok(performance.now() - started < 2000);
    assert.match(message, /not a readable \.xlsx workbook \(it may be damaged\): its sheet "Master dataset" is numbered 99999999, past the 100000/);
  });
});
