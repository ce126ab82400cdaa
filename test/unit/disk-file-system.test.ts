import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { DiskFileSystem, pathOf } from '../../server/src/node/disk-file-system';
import { FragmentWorkspace } from '../../server/src/workspace/fragment-workspace';
import { temporaryFolder } from '../temporary-folders';
import { readExample } from './helpers';

describe('the workspace on Node’s disk, in a folder named as users name theirs', () => {
  const root = temporaryFolder("M&E harvest (2024) ' ! , + = ; # % [ ] été-");
  const example = readExample();
  mkdirSync(join(root, 'round 1 (final)'));
  writeFileSync(join(root, 'round 1 (final)', 'a&b.txt'), `\uFEFF${example}`);
  writeFileSync(join(root, 'notes.txt'), 'Meeting notes, no fragment.');
  mkdirSync(join(root, 'node_modules'));
  writeFileSync(join(root, 'node_modules', 'c.fragment'), example);

  it('lists the candidate files as VS Code names them, skipping dependencies, and reads them without their BOM', () => {
    const disk = new DiskFileSystem();
    const folder = URI.file(root).toString();
    assert.deepEqual(
      disk.filesUnder(folder, () => false),
      [URI.file(join(root, 'notes.txt')).toString(), URI.file(join(root, 'round 1 (final)', 'a&b.txt')).toString()],
    );
    const file = URI.file(join(root, 'round 1 (final)', 'a&b.txt')).toString();
    assert.equal(disk.readText(file), example);
    assert.equal(disk.isFile(file), true);
    assert.equal(disk.readText('vscode-vfs://github/team/a.txt'), undefined, 'no other scheme is on this disk');
    assert.equal(disk.reads('vscode-vfs://github/team'), false);
  });

  it('indexes the folder however the client spells it: VS Code’s URI or Node’s', () => {
    for (const folder of [URI.file(root).toString(), pathToFileURL(root).toString()]) {
      const workspace = new FragmentWorkspace(new DiskFileSystem());
      workspace.setFolders([{ uri: folder, settings: { exclude: {} } }]);
      assert.deepEqual(
        workspace.fragmentFiles().map((entry) => entry.uri),
        [URI.file(join(root, 'round 1 (final)', 'a&b.txt')).toString()],
        folder,
      );
    }
  });

  it('turns a root folder’s URI into the root, not a drive’s current folder', () => {
    assert.equal(pathOf('file://'), sep);
    assert.equal(pathOf(URI.file(root).toString()), root);
  });
});
