import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type ExcelJS from 'exceljs';
import { temporaryFolder } from '../temporary-folders';
import { examplePath, filesIn, fragments, readXlsx, repositoryRoot, workspaceWithWorkbook } from './cli-harvest-helpers';
import { printedPattern } from './printed-paths';

// The workbook fixture's outcomes name places (Gitega, Bujumbura, Dire Dawa), as real ones do: the
// layouts' tests include them (--include-unanonymised); cli-export-gate.test.ts tests the gate.
describe('fragments export', () => {
  it('writes the master layout as .xlsx, confidential fragments left out unless asked', async () => {
    const folder = await workspaceWithWorkbook();
    fragments(['import', 'master.xlsx', '--out', 'harvest'], folder);
    const result = fragments(['export', 'harvest', '--layout', 'master', '--out', 'export.xlsx', '--include-unanonymised'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^Exported 2 fragments from 3 files to .*export\.xlsx\. 1 confidential fragment left out \(--include-confidential exports them\)\.\n$/,
    );
    const sheet = (await readXlsx(join(folder, 'export.xlsx'))).worksheets[0] as ExcelJS.Worksheet;
    assert.equal(sheet.rowCount, 3);
    assert.equal(sheet.getCell('A2').value, 'SCC-BI/GEN007');
    const all = fragments(['export', 'harvest', '--out', 'all.xlsx', '--include-confidential', '--include-unanonymised'], folder);
    assert.match(all.stdout, /^Exported 3 fragments from 3 files/);
    assert.equal(((await readXlsx(join(folder, 'all.xlsx'))).worksheets[0] as ExcelJS.Worksheet).getCell('A2').value, 'SCC-<redacted>/CIV021');
  });

  it('round trip: importing an export gives the same files', async () => {
    const folder = await workspaceWithWorkbook();
    fragments(['import', 'master.xlsx', '--out', 'harvest'], folder);
    for (const format of ['xlsx', 'csv']) {
      assert.equal(fragments(['export', 'harvest', '--out', `export.${format}`, '--include-confidential', '--include-unanonymised'], folder).code, 0);
      assert.equal(fragments(['import', `export.${format}`, '--out', `again-${format}`], folder).code, 0);
      assert.deepEqual(
        Object.values(filesIn(join(folder, `again-${format}`))),
        ['row_1.txt', 'row_2.txt', 'row_4.txt'].map((name) => readFileSync(join(folder, 'harvest', name), 'utf8')),
        format,
      );
    }
  });

  it('writes the causal-map layout: three sheets in an .xlsx, three files as .csv', async () => {
    const folder = temporaryFolder('fragments-harvest-');
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
    const folder = temporaryFolder('fragments-bad-');
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
    const folder = temporaryFolder('fragments-harvest-');
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
    const folder = temporaryFolder('fragments-harvest-');
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
