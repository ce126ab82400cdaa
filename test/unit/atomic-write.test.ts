import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renameRetrying, replaceFilesAtomically, WriteError, type WriteOperations, writeFilesAtomically } from '../../server/src/node/atomic-write';
import { temporaryFolder } from '../temporary-folders';

const place = () => temporaryFolder('fragments-atomic-');
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

/** A rename as Windows fails it while Excel holds a file open or an antivirus scans it. */
function lockedRename(isLocked: (from: string, to: string, attempt: number) => boolean) {
  const attempts = new Map<string, number>();
  const pauses: number[] = [];
  const operations: WriteOperations = {
    rename(from, to) {
      const key = `${from}\0${to}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      if (isLocked(from, to, attempt)) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}' -> '${to}'`), { code: 'EBUSY' });
      renameSync(from, to);
    },
    wait: (milliseconds) => pauses.push(milliseconds),
  };
  return { operations, pauses };
}

const total = (pauses: readonly number[]) => pauses.reduce((sum, pause) => sum + pause, 0);

describe('atomic writes on Windows: a file held by another program (EBUSY, EPERM, EACCES)', () => {
  it('import: a lock that clears on the second try is waited out, and everything is written', () => {
    const folder = place();
    writeFileSync(join(folder, 'row_1.txt'), 'before\n');
    const { operations, pauses } = lockedRename((from, _to, attempt) => from === join(folder, 'row_1.txt') && attempt === 1);
    writeFilesAtomically(
      folder,
      [
        { name: 'row_1.txt', content: 'after\n' },
        { name: 'row_2.txt', content: 'two\n' },
      ],
      operations,
    );
    assert.deepEqual(contents(folder), { 'row_1.txt': 'after\n', 'row_2.txt': 'two\n' });
    assert.deepEqual(pauses, [25]);
  });

  it('import: a lock that never clears fails within about a second, names the file, and writes nothing', () => {
    const parent = place();
    const folder = join(parent, 'harvest');
    mkdirSync(folder);
    writeFileSync(join(folder, 'row_1.txt'), 'one\n');
    writeFileSync(join(folder, 'row_2.txt'), 'two\n');
    const { operations, pauses } = lockedRename((from) => from === join(folder, 'row_2.txt'));
    assert.throws(
      () =>
        writeFilesAtomically(
          folder,
          [
            { name: 'row_1.txt', content: 'ONE\n' },
            { name: 'row_2.txt', content: 'TWO\n' },
            { name: 'row_3.txt', content: 'THREE\n' },
          ],
          operations,
        ),
      (error: unknown) => {
        assert.ok(error instanceof WriteError);
        assert.equal(
          error.message,
          `cannot write ${join(folder, 'row_2.txt')}: it is in use by another program (open in Excel, or being scanned by an antivirus); close it and try again; nothing was written`,
        );
        return true;
      },
    );
    assert.ok(pauses.length >= 3 && total(pauses) <= 1000, `tried ${pauses.length + 1} times over ${total(pauses)} ms`);
    assert.deepEqual(contents(folder), { 'row_1.txt': 'one\n', 'row_2.txt': 'two\n' }, 'the old files as they were');
    assert.deepEqual(readdirSync(parent), ['harvest'], 'no temporary folder is left');
  });

  it('import: a failure in the middle, where a file moved in cannot be moved back, says which was written and keeps what it replaced', () => {
    const parent = place();
    const folder = join(parent, 'harvest');
    mkdirSync(folder);
    writeFileSync(join(folder, 'row_1.txt'), 'one\n');
    writeFileSync(join(folder, 'row_3.txt'), 'three\n');
    // row_3.txt is open elsewhere; the new row_1.txt is being scanned, so the old one cannot go back over it.
    const { operations } = lockedRename((from, to) => from === join(folder, 'row_3.txt') || (to === join(folder, 'row_1.txt') && from.includes('replaced')));
    let message = '';
    assert.throws(
      () =>
        writeFilesAtomically(
          folder,
          [
            { name: 'row_1.txt', content: 'ONE\n' },
            { name: 'row_2.txt', content: 'TWO\n' },
            { name: 'row_3.txt', content: 'THREE\n' },
            { name: 'row_4.txt', content: 'FOUR\n' },
          ],
          operations,
        ),
      (error: unknown) => {
        assert.ok(error instanceof WriteError);
        message = error.message;
        return true;
      },
    );
    const kept = readdirSync(parent).filter((name) => name !== 'harvest');
    assert.equal(kept.length, 1, 'the folder holding the replaced row_1.txt is kept, not deleted');
    assert.equal(
      message,
      `cannot write ${join(folder, 'row_3.txt')}: it is in use by another program (open in Excel, or being scanned by an antivirus); close it and try again; ` +
        `row_1.txt was written and could not be put back as it was; the earlier versions that could not be put back are kept in ${join(parent, kept[0] as string, 'replaced')}; ` +
        'row_3.txt and row_4.txt were not written',
    );
    assert.doesNotMatch(message, /nothing was written/);
    assert.deepEqual(contents(folder), { 'row_1.txt': 'ONE\n', 'row_3.txt': 'three\n' }, 'row_2.txt, moved in, was moved out again');
    assert.deepEqual(contents(join(parent, kept[0] as string, 'replaced')), { 'row_1.txt': 'one\n' });
  });

  it('export, three CSV files: a lock that clears on the second try is waited out', () => {
    const folder = place();
    const paths = ['h.statements.csv', 'h.sources.csv', 'h.questions.csv'].map((name) => join(folder, name));
    for (const path of paths) writeFileSync(path, 'old');
    const { operations, pauses } = lockedRename((_from, to, attempt) => to === paths[1] && attempt === 1);
    replaceFilesAtomically(
      paths.map((path) => ({ path, content: 'new' })),
      operations,
    );
    assert.deepEqual(contents(folder), { 'h.questions.csv': 'new', 'h.sources.csv': 'new', 'h.statements.csv': 'new' }, 'and no temporary file is left');
    assert.deepEqual(pauses, [25]);
  });

  it('export: a lock that never clears names the file (never a temporary one) and leaves the old files as they were', () => {
    const folder = place();
    const paths = ['h.statements.csv', 'h.sources.csv', 'h.questions.csv'].map((name) => join(folder, name));
    for (const path of paths) writeFileSync(path, 'old');
    const { operations } = lockedRename((_from, to) => to === paths[1]);
    assert.throws(
      () =>
        replaceFilesAtomically(
          paths.map((path) => ({ path, content: 'new' })),
          operations,
        ),
      (error: unknown) => {
        assert.ok(error instanceof WriteError);
        assert.equal(
          error.message,
          `cannot write ${paths[1]}: it is in use by another program (open in Excel, or being scanned by an antivirus); close it and try again; nothing was written`,
        );
        return true;
      },
    );
    assert.deepEqual(contents(folder), { 'h.questions.csv': 'old', 'h.sources.csv': 'old', 'h.statements.csv': 'old' });
  });

  it('export: a failure in the middle, where the first file cannot be put back, says which files were written and which not', () => {
    const folder = place();
    const paths = ['h.statements.csv', 'h.sources.csv', 'h.questions.csv'].map((name) => join(folder, name));
    for (const path of paths) writeFileSync(path, 'old');
    const { operations } = lockedRename((from, to) => to === paths[1] || (to === paths[0] && from.endsWith('.old')));
    assert.throws(
      () =>
        replaceFilesAtomically(
          paths.map((path) => ({ path, content: 'new' })),
          operations,
        ),
      (error: unknown) => {
        assert.ok(error instanceof WriteError);
        assert.equal(
          error.message,
          `cannot write ${paths[1]}: it is in use by another program (open in Excel, or being scanned by an antivirus); close it and try again; ` +
            `${paths[0]} was written and could not be put back as it was; ${paths[1]} and ${paths[2]} were not written`,
        );
        return true;
      },
    );
    assert.deepEqual(contents(folder), { 'h.questions.csv': 'old', 'h.sources.csv': 'old', 'h.statements.csv': 'new' });
  });

  it('a rename that fails for another reason is not tried again', () => {
    const { operations, pauses } = lockedRename(() => false);
    assert.throws(() => renameRetrying(join(place(), 'missing'), join(place(), 'there'), operations), /ENOENT/);
    assert.deepEqual(pauses, []);
  });
});
