// The export's gate (FORMAT.md §8): an outcome that still holds a possible identifying detail is
// left out of every layout and format, and the summary says how many and why;
// --include-unanonymised includes it; with nothing left to export, nothing is written.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type ExcelJS from 'exceljs';
import { temporaryFolder } from '../temporary-folders';
import { examplePath, fragments, readXlsx, repositoryRoot } from './cli-harvest-helpers';

const fixture = (name: string) => readFileSync(join(repositoryRoot, 'test', 'fixtures', name), 'utf8');
const shared = (text: string) => text.replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0.0');
/** The issue's own words: a name and a telephone number in a non-confidential outcome. */
const named = shared(fixture('possible-identifier.fragment')).replaceAll('Mrs. Rose Nyota,', 'Mrs. Rose Nyota (+256 701 555 123),');
const clean = shared(fixture('valid.fragment')).replace('CIV021', 'CIV022');

/** A harvest of three: the example (confidential), an outcome naming someone, a clean one. */
function harvest(): string {
  const folder = temporaryFolder('fragments-gate-');
  mkdirSync(join(folder, 'harvest'));
  writeFileSync(join(folder, 'harvest', 'a-example.txt'), readFileSync(examplePath));
  writeFileSync(join(folder, 'harvest', 'b-named.txt'), named);
  writeFileSync(join(folder, 'harvest', 'c-clean.txt'), clean);
  return folder;
}

async function xlsxText(path: string): Promise<string> {
  const workbook = await readXlsx(path);
  const cells: string[] = [];
  workbook.eachSheet((sheet: ExcelJS.Worksheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

const LEFT_OUT =
  / 1 confidential fragment left out \(--include-confidential exports them\)\. 1 fragment left out: it still holds possible identifying details \(possible-identifier; --include-unanonymised exports it\)\.\n$/;

describe('fragments export leaves out what may still name someone', () => {
  for (const layout of ['master', 'causal-map']) {
    it(`${layout}, .xlsx and .csv: the named outcome is left out and counted; --include-unanonymised includes it`, async () => {
      const folder = harvest();
      const xlsx = fragments(['export', 'harvest', '--layout', layout, '--out', 'out.xlsx'], folder);
      assert.equal(xlsx.code, 0, xlsx.stderr);
      assert.match(xlsx.stdout, /^Exported 1 fragment from 3 files to /);
      assert.match(xlsx.stdout, LEFT_OUT);
      const written = await xlsxText(join(folder, 'out.xlsx'));
      assert.match(written, /CIV022/);
      assert.doesNotMatch(written, /Nyota|\+256|CIV021/);

      const csv = fragments(['export', 'harvest', '--layout', layout, '--out', 'out.csv'], folder);
      assert.equal(csv.code, 0, csv.stderr);
      assert.match(csv.stdout, LEFT_OUT);
      const csvFiles = readdirSync(folder).filter((name) => name.endsWith('.csv'));
      assert.equal(csvFiles.length, layout === 'master' ? 1 : 3);
      const csvText = csvFiles.map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');
      assert.match(csvText, /CIV022/);
      assert.doesNotMatch(csvText, /Nyota|\+256/);

      const all = fragments(['export', 'harvest', '--layout', layout, '--out', 'all.xlsx', '--include-unanonymised'], folder);
      assert.equal(all.code, 0, all.stderr);
      assert.match(all.stdout, /^Exported 2 fragments from 3 files to .*\. 1 confidential fragment left out \(--include-confidential exports them\)\.\n$/);
      assert.match(await xlsxText(join(folder, 'all.xlsx')), /Rose Nyota \(\+256 701 555 123\)/);
    });
  }

  it('with every outcome left out, says why and writes nothing', () => {
    const folder = temporaryFolder('fragments-gate-');
    writeFileSync(join(folder, 'named.txt'), named);
    const result = fragments(['export', 'named.txt', '--out', 'out.xlsx'], folder);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'fragments export: all 1 fragments still hold possible identifying details (possible-identifier) and are left out: nothing to export; anonymise them, or ask for them with --include-unanonymised\n',
    );
    assert.equal(existsSync(join(folder, 'out.xlsx')), false);
  });

  it('a configuration that turns the check off holds nothing back', () => {
    const folder = temporaryFolder('fragments-gate-');
    writeFileSync(join(folder, 'named.txt'), named);
    writeFileSync(join(folder, 'off.json'), '{ "severities": { "possible-identifier": "off" } }');
    const result = fragments(['export', 'named.txt', '--out', 'out.csv', '--config', 'off.json'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Exported 1 fragment from 1 file to .*out\.csv\.\n$/);
  });
});
