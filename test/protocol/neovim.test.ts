import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../temporary-folders';
import { serverPath } from './lsp-client';

const neovimFolder = join(__dirname, 'neovim');

/** Neovim is a second, independent LSP client: the README's set-up must work in it as written. */
describe('the server in Neovim, set up as the README says', () => {
  it('shows the example’s two problems and offers the preferred rename', () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'Neovim must be installed (apt-get install neovim); .ci/run installs it');

    const workspace = temporaryFolder('fragment-nvim-');
    const file = join(workspace, 'example.fragment');
    copyFileSync(join(__dirname, '..', '..', 'example', '000_88eaf67a59f4c304.txt'), file);
    const report = join(workspace, 'report.txt');
    const run = spawnSync('nvim', ['--headless', '-u', join(neovimFolder, 'init.lua'), file, '-c', `luafile ${join(neovimFolder, 'report.lua')}`], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, FRAGMENT_SERVER: serverPath, FRAGMENT_REPORT: report, XDG_STATE_HOME: workspace, XDG_DATA_HOME: workspace },
    });
    assert.equal(run.status, 0, `nvim failed: ${run.stderr}`);
    assert.deepEqual(readFileSync(report, 'utf8').trim().split('\n'), [
      '4 unknown-field Unknown field "coutnry". Did you mean "Country"?',
      '16 empty-field Required field "Evidence supporting the outcome statement" is empty.',
      'action Rename to "Country" (preferred)',
    ]);
  });
});
