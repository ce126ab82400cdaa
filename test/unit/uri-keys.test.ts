import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { FolderView } from '../../server/src/browser/folder-view';
import { FragmentWorkspace } from '../../server/src/workspace/fragment-workspace';
import { UriKeys, vscodeSpelling } from '../../server/src/workspace/uri-keys';
import { readExample, repositoryRoot } from './helpers';

/** Where a URI becomes the workspace's key: one file, one key, however it was spelt. */
describe('URI keys', () => {
  it('gives one key to every spelling of a file: VS Code’s, Node’s pathToFileURL, Neovim’s', () => {
    const keys = new UriKeys(false);
    const spellings = [
      URI.file('/home/me/M&E harvest (2024)/dossier!/a.txt').toString(),
      'file:///home/me/M&E%20harvest%20(2024)/dossier!/a.txt',
      'file:///home/me/M%26E%20harvest%20%282024%29/dossier%21/a.txt',
    ];
    assert.equal(new Set(spellings.map((uri) => keys.key(uri))).size, 1);
    assert.equal(vscodeSpelling(spellings[1] as string), spellings[0]);
    assert.notEqual(keys.key('file:///home/me/A.txt'), keys.key('file:///home/me/a.txt'), 'Linux disks tell case apart');
  });

  it('on Windows and macOS, ignores case, drive letter included', () => {
    const keys = new UriKeys(true);
    const spellings = ['file:///c%3A/Users/Me/Harvest/a.txt', 'file:///C:/users/me/harvest/A.TXT', 'file:///c:/Users/Me/Harvest/a.txt'];
    assert.equal(new Set(spellings.map((uri) => keys.key(uri))).size, 1);
    assert.equal(keys.key('file:///e%3A/'), keys.key('file:///E:'), 'a drive root, with or without its slash');
    assert.ok(keys.isIn('file:///E:/round1/a.txt', keys.key('file:///e%3A/')), 'a file at a drive root’s folder is in it');
    assert.ok(!keys.isIn('file:///c%3A/Users/Me/Harvest2/a.txt', keys.key('file:///c%3A/Users/Me/Harvest')), 'a folder’s prefix is not the folder');
  });

  it('leaves what is no file URI as it is', () => {
    assert.equal(vscodeSpelling('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(new UriKeys(false).key('untitled:Untitled-1'), 'untitled://Untitled-1');
  });
});

describe('the workspace where the disk ignores case (Windows)', () => {
  const example = readExample();
  const folder = 'file:///c%3A/Users/Me/M%26E%20harvest%20%282024%29';
  const second = readFileSync(join(repositoryRoot, 'example', 'secha-digitisation-checked.fragment'), 'utf8');

  function workspaceOf(folderUri: string, files: Record<string, string>) {
    const view = new FolderView();
    view.beginLoad();
    view.apply({ load: true, files: Object.entries(files).map(([path, text]) => ({ uri: `${folderUri}/${path}`, text })) });
    view.endLoad();
    const workspace = new FragmentWorkspace(view, { ignoreCase: true });
    workspace.setSettings({}, 5_000_000);
    return { workspace, setFolder: (uri: string) => workspace.setFolders([{ uri, settings: { exclude: {} } }]) };
  }

  it('knows an open file spelt otherwise than the disk as that file: not its own duplicate, counted once, its configuration applied', () => {
    const { workspace, setFolder } = workspaceOf(folder, {
      'a.txt': example,
      'b.fragment': second,
      '.fragmentrc.json': JSON.stringify({ severities: { 'unknown-field': 'off' } }),
    });
    setFolder('file:///C:/Users/Me/M&E%20harvest%20(2024)/');
    const opened = 'file:///c:/users/me/m&e%20harvest%20(2024)/A.txt';
    const service = workspace.serviceFor(opened);
    const analysis = service.analyze(example, opened, { idLocationsElsewhere: workspace.idLocationsElsewhere(opened), remember: false });
    assert.deepEqual(
      analysis.diagnostics.map((diagnostic) => diagnostic.code),
      ['empty-field'],
      'no duplicate-id with itself; unknown-field off by the folder’s .fragmentrc.json',
    );
    workspace.indexIds(opened, analysis.ids);
    workspace.recordAnalysis(opened, analysis);
    assert.equal(workspace.harvestSummary().files.length, 2);
    assert.deepEqual(
      workspace.fragmentFiles().map((file) => file.uri),
      [opened, `${folder}/b.fragment`],
      'each file once, the open one as the client named it',
    );
    // The in-memory view tells case apart, as a Windows disk does not: the folder's own spelling is what it reads.
    assert.equal(workspace.readText('file:///c:/users/me/m&e%20harvest%20(2024)/a.txt'), example, 'read under the folder’s spelling');
  });

  it('indexes a workspace folder at a drive root (a USB stick, E:\\)', () => {
    const { workspace, setFolder } = workspaceOf('file:///e%3A', { 'a.txt': example, 'round1/b.fragment': second });
    setFolder('file:///e%3A/'); // as VS Code on Windows names the folder E:\
    assert.deepEqual(
      workspace.fragmentFiles().map((file) => file.uri),
      ['file:///e%3A/a.txt', 'file:///e%3A/round1/b.fragment'],
    );
    assert.equal(workspace.harvestSummary().files.length, 2);
  });
});
