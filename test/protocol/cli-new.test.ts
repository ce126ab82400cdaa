// `fragments new` (FORMAT.md §3): a new fragment file with the next free FragmentID of its
// objective, in a folder named as our users name theirs; never over an existing file.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../temporary-folders';
import { examplePath, fragments } from './cli-harvest-helpers';

function harvest(): { folder: string; harvest: string } {
  const folder = temporaryFolder('fragments-new-');
  const harvest = join(folder, 'M&E harvest (2024)');
  mkdirSync(harvest);
  const example = readFileSync(examplePath, 'utf8');
  for (const [name, id] of [
    ['row_1.txt', 'CIV021'],
    ['row_2.txt', 'CIV033'],
    ['row_3.txt', 'PHR007'],
  ])
    writeFileSync(join(harvest, name as string), example.replace('CIV021', id as string));
  return { folder, harvest };
}

describe('fragments new', () => {
  it('writes CIV034 after CIV033 into the harvest’s folder, prints its path, and the file checks clean of wrong values', () => {
    const { folder, harvest: path } = harvest();
    const run = fragments(['new', 'M&E harvest (2024)', '--objective', 'CIV', '--country', 'DR Congo', '--year', '2025'], folder);
    assert.equal(run.code, 0, run.stderr);
    const written = join(path, 'CIV034.fragment');
    assert.equal(run.stdout, `${written}\n`);
    const text = readFileSync(written, 'utf8');
    assert.match(
      text,
      /^\*\*FragmentID\*\*: SCC-<redacted>\/CIV034\n\*\*Outcome status\*\*: \n\*\*OH-harvesting period\*\*: \n\*\*Country\*\*: DR Congo\n\*\*Year\*\*: 2025\n/,
    );
    assert.match(text, /\n\*\*Link to SCC Specific Objectives\*\*: CIV: Less suppression of civic space\n/);
    const lint = fragments(['--format', 'json', written], folder);
    const codes = new Set((JSON.parse(lint.stdout) as Array<{ code: string }>).map((problem) => problem.code));
    assert.ok(codes.has('empty-field'), 'what is left to write');
    assert.ok(!codes.has('duplicate-id') && !codes.has('id-objective-mismatch') && !codes.has('invalid-value'), [...codes].join(', '));
  });

  it('writes where --out says, and never over an existing file', () => {
    const { folder } = harvest();
    const first = fragments(['new', 'M&E harvest (2024)', '--objective', 'GEN', '--out', 'drafts/new one.fragment'], folder);
    assert.equal(first.code, 1, 'the folder drafts/ does not exist');
    mkdirSync(join(folder, 'drafts'));
    const written = fragments(['new', 'M&E harvest (2024)', '--objective', 'GEN', '--out', 'drafts/new one.fragment'], folder);
    assert.equal(written.code, 0, written.stderr);
    assert.match(readFileSync(join(folder, 'drafts', 'new one.fragment'), 'utf8'), /^\*\*FragmentID\*\*: SCC-<redacted>\/GEN001\n/);
    const again = fragments(['new', 'M&E harvest (2024)', '--objective', 'GEN', '--out', 'drafts/new one.fragment'], folder);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /new one\.fragment exists already: a new fragment never replaces a file\n$/);
    assert.deepEqual(readdirSync(join(folder, 'drafts')), ['new one.fragment'], 'no temporary file left');
  });

  it('refuses an unknown objective and bad usage, writing nothing', () => {
    const { folder, harvest: path } = harvest();
    const unknown = fragments(['new', 'M&E harvest (2024)', '--objective', 'XYZ'], folder);
    assert.deepEqual([unknown.code, unknown.stderr], [1, 'fragments new: XYZ is not an objective of the schema; one of: CIV, PHR, GEN, EXT\n']);
    const usage = fragments(['new', 'M&E harvest (2024)'], folder);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--objective CODE is required/);
    const year = fragments(['new', 'M&E harvest (2024)', '--objective', 'CIV', '--year', 'soon'], folder);
    assert.equal(year.code, 2);
    assert.deepEqual(readdirSync(path).sort(), ['row_1.txt', 'row_2.txt', 'row_3.txt']);
    assert.ok(!existsSync(join(path, 'CIV034.fragment')));
  });
});
