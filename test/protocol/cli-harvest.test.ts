import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { fixtureXlsx, passwordProtectedWorkbook } from '../unit/workbook-fixture';
import { printedPattern } from './printed-paths';

const repositoryRoot = join(__dirname, '..', '..');
const cliPath = join(repositoryRoot, 'dist', 'cli.js');
const expectedFolder = join(repositoryRoot, 'test', 'fixtures', 'workbook', 'expected');
const examplePath = join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt');

/** Runs `node dist/cli.js` as a user would, in `cwd`. */
function fragments(args: string[], cwd: string) {
  assert.ok(existsSync(cliPath), 'dist/cli.js is built (npm run build)');
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function workspaceWithWorkbook(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'fragments-harvest-'));
  writeFileSync(join(folder, 'master.xlsx'), await fixtureXlsx());
  return folder;
}

/** A one-sheet workbook of these rows. */
async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function readXlsx(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

const filesIn = (folder: string) => Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
const expectedFiles = () => filesIn(expectedFolder);

describe('fragments import', () => {
  it('writes the expected files and says what it did; a second run leaves them as they were', async () => {
    const folder = await workspaceWithWorkbook();
    const first = fragments(['import', 'master.xlsx', '--out', 'harvest'], folder);
    assert.equal(first.stderr, '');
    assert.equal(first.code, 0);
    assert.equal(first.stdout, '3 rows imported into harvest: 3 files (3 created, 0 changed, 0 left as they were); 1 empty row skipped.\n');
    assert.deepEqual(filesIn(join(folder, 'harvest')), expectedFiles());
    const second = fragments(['import', 'master.xlsx', '--out', 'harvest'], folder);
    assert.equal(second.stdout, '3 rows imported into harvest: 3 files (0 created, 0 changed, 3 left as they were); 1 empty row skipped.\n');
    assert.deepEqual(readdirSync(folder).sort(), ['harvest', 'master.xlsx'], 'no temporary folder is left beside the target');
  });

  it('never overwrites a file whose text differs without --force, and then writes nothing at all', async () => {
    const folder = await workspaceWithWorkbook();
    fragments(['import', 'master.xlsx', '--out', 'harvest'], folder);
    const corrected = join(folder, 'harvest', 'row_2.txt');
    writeFileSync(corrected, 'corrected by hand\n');
    const other = join(folder, 'harvest', 'row_1.txt');
    writeFileSync(other, '');
    const refused = fragments(['import', 'master.xlsx', '--out', 'harvest'], folder);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /2 files in .*harvest already exist with other text \(row_1\.txt, row_2\.txt\): nothing was written; overwrite with --force/);
    assert.equal(readFileSync(corrected, 'utf8'), 'corrected by hand\n');
    const forced = fragments(['import', 'master.xlsx', '--out', 'harvest', '--force'], folder);
    assert.equal(forced.code, 0);
    assert.match(forced.stdout, /\(0 created, 2 changed, 1 left as it was\)/);
    assert.deepEqual(filesIn(join(folder, 'harvest')), expectedFiles());
  });

  it('names files by --name, applies every preferred fix with --fix, and plans with --dry-run', async () => {
    const folder = await workspaceWithWorkbook();
    const dry = fragments(['import', 'master.xlsx', '--out', 'harvest', '--dry-run'], folder);
    assert.match(dry.stdout, /^Dry run, nothing written: 3 rows imported/);
    assert.equal(existsSync(join(folder, 'harvest')), false);
    const named = fragments(['import', 'master.xlsx', '--out', 'harvest', '--name', '{id}.fragment', '--fix'], folder);
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(readdirSync(join(folder, 'harvest')).sort(), ['SCC-BI_GEN007.fragment', 'SCC-ET_PHR112.fragment', 'SCC-_redacted__CIV021.fragment']);
    const fixed = readFileSync(join(folder, 'harvest', 'SCC-BI_GEN007.fragment'), 'utf8');
    assert.match(fixed, /^\*\*Country\*\*: Burundi$/m, 'coutnry renamed to Country');
    assert.doesNotMatch(fixed, /coutnry/);
  });

  it('reads a .csv workbook too', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fragments-harvest-'));
    writeFileSync(join(folder, 'master.csv'), '\uFEFFFragmentID,Year,coutnry,Outcome is negative\r\nSCC-ML/CIV001,2024,Mali,1\r\n');
    const result = fragments(['import', 'master.csv', '--out', 'out'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      readFileSync(join(folder, 'out', 'row_1.txt'), 'utf8'),
      '**FragmentID**: SCC-ML/CIV001\n**Year**: 2024\n**coutnry**: Mali\n**Outcome is negative**: YES\n',
    );
  });

  describe('bad input: a clear error, exit 1, nothing written', () => {
    const refusesToImport = async (name: string, content: Uint8Array | string, message: RegExp, out = 'harvest') => {
      const folder = mkdtempSync(join(tmpdir(), 'fragments-bad-'));
      writeFileSync(join(folder, name), content);
      const result = fragments(['import', name, '--out', out], folder);
      assert.equal(result.code, 1, result.stdout);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.deepEqual(readdirSync(folder), [name], 'nothing written, no temporary folder left');
    };

    it('not a workbook', async () => {
      await refusesToImport('master.xlsx', 'FragmentID,Year\n', /master\.xlsx: the file is not an \.xlsx workbook/);
      await refusesToImport('notes.pdf', '%PDF-1.7', /notes\.pdf: not a workbook: import an \.xlsx or a \.csv file/);
      await refusesToImport('master.csv', Uint8Array.from([0x46, 0xe7, 0x0a]), /not UTF-8 text/);
    });

    it('a password-protected workbook', async () => {
      await refusesToImport('master.xlsx', passwordProtectedWorkbook(), /the workbook is password-protected: open it in Excel, remove the password/);
    });

    it('a corrupt workbook', async () => {
      const whole = await fixtureXlsx();
      await refusesToImport('master.xlsx', whole.subarray(0, whole.length - 200), /not a readable \.xlsx workbook \(it may be damaged\)/);
      await refusesToImport('master.csv', 'FragmentID,Year\n"SCC-A,2024\n', /the CSV file is damaged/);
    });

    it('an empty sheet, or headers and no rows', async () => {
      await refusesToImport('master.xlsx', await xlsxOf([]), /the sheet "Sheet1" is empty: the first row must hold the headers/);
      await refusesToImport('master.csv', '', /the file is empty/);
      await refusesToImport('master.xlsx', await xlsxOf([['FragmentID', 'Year']]), /a header row but no rows of outcomes/);
    });

    it('duplicate or blank headers', async () => {
      await refusesToImport(
        'master.xlsx',
        await xlsxOf([
          ['FragmentID', 'Year', 'Year'],
          ['A', 2024, 2024],
        ]),
        /columns B and C have the same header "Year"/,
      );
      await refusesToImport(
        'master.xlsx',
        await xlsxOf([
          ['FragmentID', null, 'Year'],
          ['A', 'x', 2024],
        ]),
        /the header of column B is blank/,
      );
      await refusesToImport('master.csv', 'FragmentID, ,Year\nA,x,2024\n', /the header of column B is blank/);
    });

    it('a row with more cells than headers', async () => {
      await refusesToImport(
        'master.xlsx',
        await xlsxOf([
          ['FragmentID', 'Year'],
          ['A', 2024],
          ['B', 2023, 'stray'],
        ]),
        /row 3 has a value in column C, beyond the last header \(B\)/,
      );
      await refusesToImport('master.csv', 'FragmentID,Year\nA,2024,stray\n', /row 2 has a value in column C/);
    });

    it('an output folder that cannot be written', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'fragments-bad-'));
      writeFileSync(join(folder, 'master.xlsx'), await fixtureXlsx());
      writeFileSync(join(folder, 'blocker'), 'a file where a folder should be');
      for (const out of ['blocker', 'blocker/harvest']) {
        const result = fragments(['import', 'master.xlsx', '--out', out], folder);
        assert.equal(result.code, 1);
        assert.match(result.stderr, /cannot write into .*blocker/);
      }
      assert.deepEqual(readdirSync(folder).sort(), ['blocker', 'master.xlsx']);
    });

    it('bad usage exits 2 with the usage', () => {
      const folder = mkdtempSync(join(tmpdir(), 'fragments-bad-'));
      for (const args of [['import'], ['import', 'a.xlsx'], ['import', 'a.xlsx', 'b.xlsx', '--out', 'x'], ['import', 'a.xlsx', '--out', 'x', '--bogus']]) {
        const result = fragments(args, folder);
        assert.equal(result.code, 2, args.join(' '));
        assert.match(result.stderr, /Usage: fragments import WORKBOOK --out DIR/);
      }
      const pattern = fragments(['import', 'a.xlsx', '--out', 'x', '--name', 'same.txt'], folder);
      assert.equal(pattern.code, 1);
      assert.match(pattern.stderr, /cannot read .*a\.xlsx: no such file/);
    });
  });
});

describe('fragments export', () => {
  it('writes the master layout as .xlsx, confidential fragments left out unless asked', async () => {
    const folder = await workspaceWithWorkbook();
    fragments(['import', 'master.xlsx', '--out', 'harvest'], folder);
    const result = fragments(['export', 'harvest', '--layout', 'master', '--out', 'export.xlsx'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^Exported 2 fragments from 3 files to .*export\.xlsx\. 1 confidential fragment left out \(--include-confidential exports them\)\.\n$/,
    );
    const sheet = (await readXlsx(join(folder, 'export.xlsx'))).worksheets[0] as ExcelJS.Worksheet;
    assert.equal(sheet.rowCount, 3);
    assert.equal(sheet.getCell('A2').value, 'SCC-BI/GEN007');
    const all = fragments(['export', 'harvest', '--out', 'all.xlsx', '--include-confidential'], folder);
    assert.match(all.stdout, /^Exported 3 fragments from 3 files/);
    assert.equal(((await readXlsx(join(folder, 'all.xlsx'))).worksheets[0] as ExcelJS.Worksheet).getCell('A2').value, 'SCC-<redacted>/CIV021');
  });

  it('round trip: importing an export gives the same files', async () => {
    const folder = await workspaceWithWorkbook();
    fragments(['import', 'master.xlsx', '--out', 'harvest'], folder);
    for (const format of ['xlsx', 'csv']) {
      assert.equal(fragments(['export', 'harvest', '--out', `export.${format}`, '--include-confidential'], folder).code, 0);
      assert.equal(fragments(['import', `export.${format}`, '--out', `again-${format}`], folder).code, 0);
      assert.deepEqual(
        Object.values(filesIn(join(folder, `again-${format}`))),
        ['row_1.txt', 'row_2.txt', 'row_4.txt'].map((name) => readFileSync(join(folder, 'harvest', name), 'utf8')),
        format,
      );
    }
  });

  it('writes the causal-map layout: three sheets in an .xlsx, three files as .csv', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fragments-harvest-'));
    mkdirSync(join(folder, 'harvest'));
    writeFileSync(join(folder, 'harvest', 'example.txt'), readFileSync(examplePath));
    const result = fragments(['export', 'harvest', '--layout', 'causal-map', '--out', 'causal.xlsx', '--include-confidential'], folder);
    assert.equal(result.code, 0, result.stderr);
    const workbook = await readXlsx(join(folder, 'causal.xlsx'));
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ['statements', 'sources', 'questions'],
    );
    const sheet = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
    assert.deepEqual((sheet('statements').getRow(1).values as unknown[]).slice(1), ['source_id', 'question_id', 'text']);
    assert.equal(sheet('statements').rowCount, 6);
    assert.deepEqual((sheet('questions').getRow(1).values as unknown[]).slice(1), ['question_id', 'question_text']);
    assert.equal(sheet('sources').getCell('A1').value, 'source_id');
    const csv = fragments(['export', 'harvest', '--layout', 'causal-map', '--out', 'causal.csv', '--include-confidential'], folder);
    assert.equal(csv.code, 0, csv.stderr);
    assert.deepEqual(readdirSync(folder).sort(), ['causal.questions.csv', 'causal.sources.csv', 'causal.statements.csv', 'causal.xlsx', 'harvest']);
    assert.match(
      readFileSync(join(folder, 'causal.statements.csv'), 'utf8'),
      /^\uFEFFsource_id,question_id,text\r\nSCC-<redacted>\/CIV021,outcome_description,/,
    );
  });

  it('bad input: a clear error, exit 1, nothing written', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fragments-bad-'));
    mkdirSync(join(folder, 'harvest'));
    writeFileSync(join(folder, 'harvest', 'example.txt'), readFileSync(examplePath));
    mkdirSync(join(folder, 'empty'));
    writeFileSync(join(folder, 'blocker'), 'a file where a folder should be');
    const cases: Array<[string[], RegExp]> = [
      [['export', 'harvest', '--out', 'out.xlsx'], /all 1 fragments are confidential .* nothing to export; ask for them with --include-confidential/],
      [['export', 'empty', '--out', 'out.xlsx'], /no fragment files in/],
      [['export', 'missing', '--out', 'out.xlsx'], /no such file or folder: .*missing/],
      [['export', 'harvest', '--out', 'out.ods', '--include-confidential'], /must end in \.xlsx or \.csv/],
      [
        ['export', 'harvest', '--out', 'blocker/out.xlsx', '--include-confidential'],
        new RegExp(`cannot write .*${printedPattern('blocker/out.xlsx')}: a file stands where a folder should be; nothing was written`),
      ],
      [
        ['export', 'harvest', '--out', 'nowhere/out.xlsx', '--include-confidential'],
        new RegExp(`cannot write .*${printedPattern('nowhere/out.xlsx')}: the folder does not exist`),
      ],
    ];
    for (const [args, message] of cases) {
      const result = fragments(args, folder);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.deepEqual(readdirSync(folder).sort(), ['blocker', 'empty', 'harvest']);
    const usage = fragments(['export', 'harvest', '--layout', 'nvivo', '--out', 'x.xlsx'], folder);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--layout must be master or causal-map, not "nvivo"/);
  });

  it('folds and unfolds the lists of a programme’s own schema (--config)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fragments-harvest-'));
    writeFileSync(join(folder, '.fragmentrc.json'), JSON.stringify({ fields: { 'MCQType of change': { addValues: ['Advocacy'] } } }));
    mkdirSync(join(folder, 'harvest'));
    writeFileSync(
      join(folder, 'harvest', 'a.fragment'),
      '**FragmentID**: A\n**Outcome statements is CONFIDENTIAL**: 0\n**MCQType of change**: Advocacy, Policy change\n',
    );
    const result = fragments(['export', 'harvest', '--out', 'out.xlsx', '--config', '.fragmentrc.json'], folder);
    assert.equal(result.code, 0, result.stderr);
    const header = ((await readXlsx(join(folder, 'out.xlsx'))).worksheets[0] as ExcelJS.Worksheet).getRow(1).values as unknown[];
    const agendaSetting = header.indexOf('MCQType of change_Agenda setting');
    assert.equal(header[agendaSetting + 1], 'MCQType of change_Advocacy', 'the programme’s label is a column of its own, in its schema’s order');
    const back = fragments(['import', 'out.xlsx', '--out', 'again', '--config', '.fragmentrc.json'], folder);
    assert.equal(back.code, 0, back.stderr);
    assert.match(readFileSync(join(folder, 'again', 'row_1.txt'), 'utf8'), /^\*\*MCQType of change\*\*: Policy change, Advocacy$/m);
  });

  it('says what an export cannot carry: text outside any field, control characters in an .xlsx', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fragments-harvest-'));
    mkdirSync(join(folder, 'harvest'));
    writeFileSync(
      join(folder, 'harvest', 'a.fragment'),
      'a note first\n**FragmentID**: A\n**Outcome statements is CONFIDENTIAL**: 0\n**Outcome description**: tab\u0001bell\n',
    );
    const result = fragments(['export', 'harvest', '--out', 'out.xlsx'], folder);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /warning: .*a\.fragment: text outside any field \(line 1\) is not exported/);
    assert.match(result.stderr, /warning: 1 value holds control characters, which an \.xlsx cannot hold/);
    const csv = fragments(['export', 'harvest', '--out', 'out.csv'], folder);
    assert.doesNotMatch(csv.stderr, /control characters/);
    assert.ok(readFileSync(join(folder, 'out.csv'), 'utf8').includes('tab\u0001bell'), 'a CSV file keeps them');
  });

  it('is installed as `fragments` beside `fragment-lint`, and linting stays the default', () => {
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.deepEqual(manifest.bin, { 'fragment-lint': './dist/cli.js', fragments: './dist/cli.js' });
    const lint = fragments([examplePath], repositoryRoot);
    assert.equal(lint.code, 0);
    assert.match(lint.stdout, /2 problems \(2 warnings\) in 1 file\./);
  });
});
