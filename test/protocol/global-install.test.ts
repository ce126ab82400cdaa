import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../temporary-folders';

const repositoryRoot = join(__dirname, '..', '..');

/** The repository's files as a fresh clone has them: no node_modules, no dist/. */
function unbuiltClone(): string {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repositoryRoot, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const clone = temporaryFolder('fragment-clone-');
  for (const file of listed.stdout.split('\0').filter((name) => name !== '' && existsSync(join(repositoryRoot, name)))) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(repositoryRoot, file), join(clone, file));
  }
  return clone;
}

describe('npm install --global . from an unbuilt clone', () => {
  it('builds and installs a fragment-lint that checks the example', { timeout: 240_000 }, () => {
    const clone = unbuiltClone();
    const prefix = temporaryFolder('fragment-global-');
    assert.equal(existsSync(join(clone, 'dist')), false, 'the clone is unbuilt');
    // The environment of `npm test` holds the outer npm's settings; a user's shell does not.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    const installed = spawnSync('npm', ['install', '--global', '--prefix', prefix, '.', '--no-audit', '--no-fund'], { cwd: clone, env, encoding: 'utf8' });
    assert.equal(installed.status, 0, `${installed.stdout}${installed.stderr}`);

    const lint = join(prefix, 'bin', 'fragment-lint');
    const checked = spawnSync(lint, ['example/000_88eaf67a59f4c304.txt'], { cwd: clone, encoding: 'utf8' });
    assert.equal(checked.status, 0, checked.stderr);
    assert.match(checked.stdout, /unknown-field Unknown field "coutnry"\. Did you mean "Country"\?/);
    assert.match(checked.stdout, /2 problems \(2 warnings\) in 1 file\./);
  });
});
