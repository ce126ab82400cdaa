import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { replaceFilesAtomically, WriteError, writeFilesAtomically } from '../../server/src/node/atomic-write';

const place = () => mkdtempSync(join(tmpdir(), 'fragments-atomic-'));
const contents = (folder: string) => Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

describe('atomic writes: all or nothing', () => {
  it('writes a new folder whole, and replaces files in an existing one', () => {
    const parent = place();
    const folder = join(parent, 'harvest');
    writeFilesAtomically(folder, [
      { name: 'row_1.txt', content: 'one\n' },
      { name: 'row_2.txt', content: 'two\n' },
    ]);
    assert.deepEqual(contents(folder), { 'row_1.txt': 'one\n', 'row_2.txt': 'two\n' });
    writeFileSync(join(folder, 'notes.md'), 'kept');
    writeFilesAtomically(folder, [{ name: 'row_2.txt', content: 'TWO\n' }]);
    assert.deepEqual(contents(folder), { 'notes.md': 'kept', 'row_1.txt': 'one\n', 'row_2.txt': 'TWO\n' });
    assert.deepEqual(readdirSync(parent), ['harvest'], 'no temporary folder is left beside it');
  });

  it('changes nothing when one file cannot be written, and leaves no temporary folder', () => {
    const parent = place();
    const folder = join(parent, 'harvest');
    mkdirSync(folder);
    writeFileSync(join(folder, 'row_1.txt'), 'before\n');
    assert.throws(
      () =>
        writeFilesAtomically(folder, [
          { name: 'row_1.txt', content: 'after\n' },
          { name: 'missing-folder/row_2.txt', content: 'two\n' },
        ]),
      (error: unknown) => error instanceof WriteError && /nothing was changed/.test(error.message),
    );
    assert.deepEqual(contents(folder), { 'row_1.txt': 'before\n' });
    assert.deepEqual(readdirSync(parent), ['harvest']);
  });

  it('replaces a set of files beside each other, or none', () => {
    const folder = place();
    replaceFilesAtomically([
      { path: join(folder, 'a.csv'), content: 'a' },
      { path: join(folder, 'b.csv'), content: 'b' },
    ]);
    assert.deepEqual(contents(folder), { 'a.csv': 'a', 'b.csv': 'b' });
    assert.throws(
      () =>
        replaceFilesAtomically([
          { path: join(folder, 'a.csv'), content: 'A' },
          { path: join(folder, 'nowhere', 'b.csv'), content: 'B' },
        ]),
      /the folder does not exist; nothing was written/,
    );
    assert.deepEqual(contents(folder), { 'a.csv': 'a', 'b.csv': 'b' });
  });
});
