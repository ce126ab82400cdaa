import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellText, type Row } from '../../server/src/core/harvest/cells';
import { importSheet } from '../../server/src/core/harvest/import-rows';
import { readWorkbook, WorkbookError, writeWorkbook } from '../../server/src/workbook';
import { writeCsv } from '../../server/src/workbook/csv';
import { fixturesFolder, service } from './helpers';
import { FIXTURE_SHEET, fixtureXlsx, passwordProtectedWorkbook } from './workbook-fixture';

const expectedFile = (name: string) => readFileSync(join(fixturesFolder, 'workbook', 'expected', name), 'utf8');

describe('workbook adapter: .xlsx and .csv from and to bytes', () => {
  it('imports a real .xlsx (a date, a formula’s cached result, rich text; the first sheet only) to the expected files', async () => {
    const sheet = await readWorkbook(await fixtureXlsx(), 'Master dataset_SCC Alliance OH FINAL.xlsx');
    assert.equal(sheet.name, 'Master dataset');
    const imported = importSheet(sheet, service.schema);
    assert.deepEqual(
      imported.fragments.map((fragment) => fragment.fileName),
      ['row_1.txt', 'row_2.txt', 'row_4.txt'],
    );
    for (const fragment of imported.fragments) assert.equal(fragment.text, expectedFile(fragment.fileName), fragment.fileName);
  });

  it('imports the same workbook saved as CSV (UTF-8 with a BOM, and with ; as Excel writes in much of Europe) to the same files', async () => {
    const csv = writeCsv(FIXTURE_SHEET);
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const semicolons = new TextEncoder().encode(
      stringify(
        FIXTURE_SHEET.rows.map((row) => row.map((cell) => cellText(cell))),
        { delimiter: ';' },
      ),
    );
    for (const bytes of [csv, semicolons]) {
      const imported = importSheet(await readWorkbook(bytes, 'harvest.csv'), service.schema);
      for (const fragment of imported.fragments) assert.equal(fragment.text, expectedFile(fragment.fileName), fragment.fileName);
    }
  });

  it('writes cells that read back as the same values, in .xlsx and .csv', async () => {
    const sheets = [{ name: 'harvest', rows: FIXTURE_SHEET.rows }];
    for (const format of ['xlsx', 'csv'] as const) {
      const back = await readWorkbook(await writeWorkbook(sheets, format), `out.${format}`);
      const width = (FIXTURE_SHEET.rows[0] as Row).length;
      // An XML parser reads a CRLF inside a cell as LF (import makes one space of either).
      const padded = (row: Row | undefined) => Array.from({ length: width }, (_, index) => cellText(row?.[index] ?? null).replace(/\r\n/g, '\n'));
      assert.equal(back.rows.length, FIXTURE_SHEET.rows.length, format);
      FIXTURE_SHEET.rows.forEach((row, index) => {
        assert.deepEqual(padded(back.rows[index]), padded(row), `${format} row ${index + 1}`);
      });
    }
  });

  it('writes the three sheets of the causal-map layout into one workbook, header rows bold', async () => {
    const bytes = await writeWorkbook(
      [
        { name: 'statements', rows: [['source_id', 'question_id', 'text']] },
        { name: 'sources', rows: [['source_id']] },
        { name: 'questions', rows: [['question_id', 'question_text']] },
      ],
      'xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ['statements', 'sources', 'questions'],
    );
    assert.equal(workbook.worksheets[0]?.getRow(1).font?.bold, true);
  });

  describe('refuses what it cannot read, saying what to do', () => {
    const refuses = async (bytes: Uint8Array, name: string, message: RegExp) => {
      await assert.rejects(readWorkbook(bytes, name), (error: unknown) => error instanceof WorkbookError && message.test(error.message));
    };

    it('an empty file, and a file that is no workbook', async () => {
      await refuses(new Uint8Array(), 'harvest.xlsx', /the file is empty/);
      await refuses(new TextEncoder().encode('just some notes'), 'notes.xlsx', /not an \.xlsx workbook/);
      await refuses(new TextEncoder().encode('%PDF-1.7'), 'report.pdf', /not a workbook: import an \.xlsx or a \.csv file/);
    });

    it('a password-protected workbook, and an old .xls', async () => {
      await refuses(passwordProtectedWorkbook(), 'harvest.xlsx', /password-protected: open it in Excel, remove the password/);
      const xls = passwordProtectedWorkbook().slice(0, 1024);
      await refuses(xls, 'harvest.xls', /old Excel 97-2003 \(\.xls\) workbook: save it as \.xlsx/);
    });

    it('a damaged .xlsx (cut short), and a zip that holds no workbook', async () => {
      const whole = await fixtureXlsx();
      await refuses(whole.subarray(0, Math.floor(whole.length / 2)), 'harvest.xlsx', /not a readable \.xlsx workbook \(it may be damaged\)/);
      const zip = new JSZip();
      zip.file('readme.txt', 'hello');
      await refuses(await zip.generateAsync({ type: 'uint8array' }), 'harvest.xlsx', /not a readable \.xlsx workbook|has no sheet/);
    });

    it('a CSV file with an unclosed quote, and one that is not UTF-8', async () => {
      await refuses(new TextEncoder().encode('FragmentID,Year\n"A,2024\n'), 'harvest.csv', /the CSV file is damaged/);
      await refuses(Uint8Array.from([0x46, 0x72, 0x61, 0x6e, 0xe7, 0x61, 0x69, 0x73, 0x0a]), 'harvest.csv', /not UTF-8 text: in Excel, save it as "CSV UTF-8/);
    });
  });
});
