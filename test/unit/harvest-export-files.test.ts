import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readHarvest } from '../../server/src/core/harvest/harvest-fragments';
import { masterSheet } from '../../server/src/core/harvest/master-layout';
import { harvestCandidates } from '../../server/src/node/harvest-candidates';
import { exportHarvest } from '../../server/src/node/harvest-export';
import { readWorkbook } from '../../server/src/workbook';
import { temporaryFolder } from '../temporary-folders';
import { readExample, service } from './helpers';

const fragment = (id: string, confidential = '0') => `**FragmentID**: ${id}\n**Outcome statements is CONFIDENTIAL**: ${confidential}\n**Year**: 2024\n`;

/** The cells of an exported workbook's first sheet. */
async function exportedRows(output: string) {
  return (await readWorkbook(readFileSync(output), output)).rows;
}

describe('export from disk: which files, in which order', () => {
  it('takes a folder’s files in natural order and its .txt files only when they start with a FragmentID line', async () => {
    const folder = temporaryFolder('fragments-export-');
    const harvest = join(folder, 'harvest');
    mkdirSync(join(harvest, 'sub'), { recursive: true });
    writeFileSync(join(harvest, 'row_10.txt'), fragment('TEN'));
    writeFileSync(join(harvest, 'row_2.txt'), `\uFEFF${fragment('TWO')}`);
    writeFileSync(join(harvest, 'row_1.fragment'), fragment('ONE'));
    writeFileSync(join(harvest, 'sub', 'row_3.txt'), fragment('THREE'));
    writeFileSync(join(harvest, 'notes.txt'), 'not a fragment file\n**FragmentID**: NOT\n');
    // Neither UTF-8 nor a fragment file: not the export's business, and no error.
    writeFileSync(join(harvest, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(harvest, 'empty.txt'), '');
    const output = join(folder, 'out.xlsx');
    const summary = await exportHarvest([harvest], output, { service, layout: 'master' });
    assert.equal(summary.fragmentFiles, 4);
    assert.equal(summary.fragments, 4);
    const rows = await exportedRows(output);
    assert.deepEqual(
      rows.slice(1).map((row) => row[0]),
      ['ONE', 'TWO', 'TEN', 'THREE'],
      'row_1, row_2, row_10, then the subfolder (natural order of the paths inside the folder)',
    );
  });

  it('exports a file named on its own whatever its first line, and says when a folder holds no fragment file', async () => {
    const folder = temporaryFolder('fragments-export-');
    writeFileSync(join(folder, 'later.txt'), `a note first\n${fragment('LATER')}`);
    const output = join(folder, 'out.xlsx');
    const summary = await exportHarvest([join(folder, 'later.txt')], output, { service, layout: 'master' });
    assert.equal(summary.fragments, 1);
    assert.match(summary.warnings[0] ?? '', /text outside any field \(line 1\) is not exported/);
    mkdirSync(join(folder, 'none'));
    writeFileSync(join(folder, 'none', 'notes.txt'), 'just notes\n');
    await assert.rejects(exportHarvest([join(folder, 'none')], output, { service, layout: 'master' }), /no fragment files in/);
    assert.deepEqual(
      harvestCandidates([join(folder, 'none'), join(folder, 'none', 'notes.txt')]).map((candidate) => candidate.needsFragmentFirstLine),
      [false],
      'named after its folder listed it, the file is exported as named',
    );
  });

  it('a named file that is not UTF-8 is an error, not skipped', async () => {
    const folder = temporaryFolder('fragments-export-');
    writeFileSync(join(folder, 'bad.fragment'), Buffer.from([0x2a, 0x2a, 0xff, 0x0a]));
    await assert.rejects(
      exportHarvest([join(folder, 'bad.fragment')], join(folder, 'out.xlsx'), { service, layout: 'master' }),
      /cannot read .*bad\.fragment: not valid UTF-8 text/,
    );
  });

  it('gives the master sheet of the core, confidential fragments left out unless asked', async () => {
    const folder = temporaryFolder('fragments-export-');
    const texts = [readExample(), fragment('PUBLIC'), fragment('SECRET', '1'), fragment('EMPTY', '')];
    for (const [index, text] of texts.entries()) writeFileSync(join(folder, `row_${index + 1}.txt`), text);
    for (const includeConfidential of [false, true]) {
      const output = join(folder, `out-${includeConfidential}.xlsx`);
      const summary = await exportHarvest([folder], output, { service, layout: 'master', includeConfidential });
      const named = texts.map((text, index) => ({ name: join(folder, `row_${index + 1}.txt`), text }));
      const harvest = readHarvest(named, service.schema, service.index, { includeConfidential });
      assert.equal(summary.confidentialLeftOut, harvest.confidentialLeftOut);
      assert.equal(summary.fragments, harvest.fragments.length);
      const expected = masterSheet(harvest.fragments, service.schema).rows;
      const rows = await exportedRows(output);
      assert.deepEqual(rows.length, expected.length);
      assert.deepEqual(rows[0], expected[0]);
      assert.ok(!rows.some((row) => row[0] === 'SECRET' || row[0] === 'EMPTY') || includeConfidential);
    }
  });
});
