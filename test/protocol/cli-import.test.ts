import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../temporary-folders';
import { fixtureXlsx, passwordProtectedWorkbook } from '../unit/workbook-fixture';
import { expectedFiles, filesIn, fragments, workspaceWithWorkbook, xlsxOf } from './cli-harvest-helpers';

describe('fragments import', () => {
  it('reads a workbook within --max-rows and --max-unpacked-mb, refuses it past them naming the flag, and takes whole numbers only', async () => {
    const folder = temporaryFolder('fragments-limits-');
    writeFileSync(join(folder, 'master.xlsx'), await fixtureXlsx());
    const refused = fragments(['import', 'master.xlsx', '--out', 'harvest', '--max-rows', '4'], folder);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'fragments import: master.xlsx: the sheet "Master dataset" has 5 rows, more than the limit of 4 an import reads: nothing was imported. If the sheet is right, import it again with --max-rows 5\n',
    );
    assert.equal(existsSync(join(folder, 'harvest')), false);
    const read = fragments(['import', 'master.xlsx', '--out', 'harvest', '--max-rows', '5', '--max-unpacked-mb', '1'], folder);
    assert.equal(read.code, 0, read.stderr);
    for (const [flag, value] of [
      ['--max-rows', '0'],
      ['--max-rows', 'many'],
      ['--max-unpacked-mb', '1.5'],
    ]) {
      const bad = fragments(['import', 'master.xlsx', '--out', 'other', flag as string, value as string], folder);
      assert.equal(bad.code, 2, `${flag} ${value}`);
      assert.match(bad.stderr, new RegExp(`${flag} takes a whole number from 1 up, not "${value?.replace('.', '\\.')}"`));
    }
  });

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
    const folder = temporaryFolder('fragments-harvest-');
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
      const folder = temporaryFolder('fragments-bad-');
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
      const folder = temporaryFolder('fragments-bad-');
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
      const folder = temporaryFolder('fragments-bad-');
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
