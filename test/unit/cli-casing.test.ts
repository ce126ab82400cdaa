import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandPaths } from '../../server/src/cli/files';
import { runLint } from '../../server/src/cli/lint';
import { LintConfiguration } from '../../server/src/node/lint-config';
import { temporaryFolder } from '../temporary-folders';

const example = join(__dirname, '..', '..', 'example', '000_88eaf67a59f4c304.txt');

/** A folder holding a.txt, a fragment file of the example. */
function folderWithA(): string {
  const folder = temporaryFolder('fragments-casing-');
  copyFileSync(example, join(folder, 'a.txt'));
  return folder;
}

describe('one file named in two casings (a.txt A.TXT) on Windows and macOS is checked once', () => {
  it('keeps the first spelling on win32 and darwin, and tells the two apart on Linux', () => {
    const folder = folderWithA();
    const configuration = new LintConfiguration(folder);
    for (const platform of ['win32', 'darwin'] as const) {
      const candidates = expandPaths(['a.txt', 'A.TXT', join(folder, 'A.txt')], folder, configuration, platform);
      assert.deepEqual(
        candidates.map((candidate) => candidate.path),
        [join(folder, 'a.txt')],
        platform,
      );
      assert.deepEqual(
        expandPaths(['.', 'A.TXT'], folder, configuration, platform).map((candidate) => candidate.path),
        [join(folder, 'a.txt')],
        `${platform}: found in its folder, then named`,
      );
    }
    // On Linux A.TXT is another file, and here there is none.
    assert.throws(() => expandPaths(['a.txt', 'A.TXT'], folder, configuration, 'linux'), /no such file or folder: A\.TXT/);
    copyFileSync(example, join(folder, 'A.TXT'));
    assert.equal(expandPaths(['a.txt', 'A.TXT'], folder, configuration, 'linux').length, 2);
  });

  it('fragment-lint a.txt A.TXT reports the file once on Windows', async () => {
    const folder = folderWithA();
    const lint = async (platform: NodeJS.Platform) => {
      let out = '';
      const code = await runLint(['a.txt', 'A.TXT'], { cwd: folder, out: (text) => (out += text), err: () => {}, platform });
      return { code, out };
    };
    const once = await lint('win32');
    const unknownField = once.out.split('\n').filter((line) => /unknown-field/.test(line));
    assert.equal(unknownField.length, 1, once.out);
    assert.match(unknownField[0] as string, /^a\.txt:/);
  });
});
