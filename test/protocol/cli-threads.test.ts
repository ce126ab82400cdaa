import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fragmentText } from '../../scripts/bench/corpus';
import { threadsFor } from '../../server/src/cli/lint-threads';
import { temporaryFolder } from '../temporary-folders';
import { printedPattern } from './printed-paths';
import { runCli as lint } from './run-cli';

const repositoryRoot = join(__dirname, '..', '..');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');

/** 950 files as a harvest's workbook makes them: enough for several threads, with IDs shared across the slices. */
function harvest(): string {
  const folder = temporaryFolder('fragment-threads-');
  for (let index = 0; index < 950; index++) {
    const file = fragmentText(example, index);
    const path = join(folder, file.name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.text);
  }
  // The first file's FragmentID again in the last slice: a duplicate-id across threads.
  writeFileSync(join(folder, 'round1', 'copy.fragment'), fragmentText(example, 0).text);
  return folder;
}

const contentsOf = (folder: string) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => [name, existsSync(join(folder, name)) && name.includes('.') ? readFileSync(join(folder, name), 'utf8') : ''] as const);

describe('fragment-lint on several threads', () => {
  const folder = harvest();

  it('reports exactly what one thread reports, in the same order, text and JSON, in French too', () => {
    assert.equal(threadsFor(951, 3), 3, 'the run below is checked on three threads');
    const outputs = [[], ['--format', 'json'], ['--locale', 'fr']].map((extra) => {
      const one = lint(['--jobs', '1', ...extra, '.'], folder);
      const three = lint(['--jobs', '3', ...extra, '.'], folder);
      assert.equal(one.code, 1);
      assert.equal(three.code, one.code);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      return three.stdout;
    });
    const [stdout, , french] = outputs as [string, string, string];
    assert.match(french, /Champ inconnu « coutnry »/);
    const first = `${printedPattern('round0/00000')}\\.\\w+`;
    const copy = printedPattern('round1/copy.fragment');
    assert.match(stdout, new RegExp(`^${first}:1:\\d+ error duplicate-id .* Also at ${copy}:1:\\d+\\.`, 'm'));
    assert.match(stdout, new RegExp(`^${copy}:1:\\d+ error duplicate-id .* Also at ${first}:1:\\d+\\.`, 'm'));
  });

  it('--fix and --dry-run give the same files and the same output on threads', () => {
    const one = temporaryFolder('fragment-threads-one-');
    const three = temporaryFolder('fragment-threads-three-');
    cpSync(folder, one, { recursive: true });
    cpSync(folder, three, { recursive: true });
    const dryOne = lint(['--fix', '--dry-run', '--verbose', '--jobs', '1', '.'], one);
    const dryThree = lint(['--fix', '--dry-run', '--verbose', '--jobs', '3', '.'], three);
    assert.equal(dryThree.stdout, dryOne.stdout);
    assert.equal(dryThree.stderr, dryOne.stderr);
    assert.deepEqual(contentsOf(three), contentsOf(one), 'a dry run writes nothing');
    const fixOne = lint(['--fix', '--jobs', '1', '.'], one);
    const fixThree = lint(['--fix', '--jobs', '3', '.'], three);
    assert.equal(fixThree.stdout, fixOne.stdout);
    assert.match(fixThree.stdout, /Fixed \d+ problems in \d+ files: /);
    assert.deepEqual(contentsOf(three), contentsOf(one));
    assert.notDeepEqual(contentsOf(three), contentsOf(folder), 'the fixes were written');
  });

  it('refuses a --jobs that is not a whole number of at least 1', () => {
    for (const jobs of ['0', '-2', 'many', '1.5']) {
      const { code, stderr } = lint([`--jobs=${jobs}`, '.'], folder);
      assert.equal(code, 2);
      assert.match(stderr, /--jobs must be a whole number of at least 1/);
    }
  });
});
