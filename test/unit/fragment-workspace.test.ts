import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FolderView } from '../../server/src/browser/folder-view';
import { FragmentWorkspace } from '../../server/src/workspace/fragment-workspace';
import { readExample, repositoryRoot } from './helpers';

/**
 * The workspace over the web worker's file system: the folders as the client read them into a
 * `FolderView` (no file system in a web worker), checked like files on disk.
 */
describe('FragmentWorkspace over the in-memory folder (the language server in a web worker)', () => {
  const folder = 'vscode-vfs://github/team/harvest';
  const example = readExample();
  const EXAMPLE_ID = 'SCC-<redacted>/CIV021';
  const exampleFiles = ['secha-digitisation-checked.fragment', 'south-sudan-mediators.fragment'].map((name) => ({
    uri: `${folder}/${name}`,
    text: readFileSync(join(repositoryRoot, 'example', name), 'utf8'),
  }));

  /** A workspace whose client read `files` (URI relative to the folder, text) at start. */
  function workspaceOf(files: Record<string, string>, exclude: Record<string, boolean> = {}) {
    const view = new FolderView();
    const workspace = new FragmentWorkspace(view);
    view.beginLoad();
    view.apply({ load: true, files: Object.entries(files).map(([path, text]) => ({ uri: `${folder}/${path}`, text })) });
    view.endLoad();
    workspace.setSettings({}, 5_000_000);
    workspace.setFolders([{ uri: folder, settings: { exclude } }]);
    return { view, workspace };
  }

  /** Checks a document as the server does when it is opened or changed. */
  function open(workspace: FragmentWorkspace, uri: string, text: string) {
    const analysis = workspace.serviceFor(uri).analyze(text, uri, { idLocationsElsewhere: workspace.idLocationsElsewhere(uri), remember: false });
    const changed = workspace.indexIds(uri, analysis.ids);
    workspace.recordAnalysis(uri, analysis);
    return { analysis, changed };
  }

  const codes = (analysis: { diagnostics: ReadonlyArray<{ code?: unknown }> }) => analysis.diagnostics.map((diagnostic) => diagnostic.code);

  it('publishes a closed file from its check when indexed: the same as checking it again, duplicate-id made against where its IDs stand now', () => {
    const files = { 'a.txt': example, 'b.fragment': example, 'c.fragment': exampleFiles[0]?.text as string };
    const { workspace } = workspaceOf(files);
    for (const name of Object.keys(files)) {
      const uri = `${folder}/${name}`;
      const again = workspace
        .serviceFor(uri)
        .analyze(files[name as keyof typeof files], uri, { idLocationsElsewhere: workspace.idLocationsElsewhere(uri), remember: false });
      assert.deepEqual(workspace.diagnosticsOnDisk(uri), again.diagnostics, name);
    }
    assert.ok(workspace.diagnosticsOnDisk(`${folder}/a.txt`)?.some((diagnostic) => diagnostic.code === 'duplicate-id'));
    // Once the copy is gone, the first file's duplicate-id goes with it, without checking the file again.
    workspace.forget(`${folder}/b.fragment`);
    assert.equal(workspace.diagnosticsOnDisk(`${folder}/b.fragment`), undefined);
    assert.ok(!workspace.diagnosticsOnDisk(`${folder}/a.txt`)?.some((diagnostic) => diagnostic.code === 'duplicate-id'));
  });

  it('indexes the closed fragment files: an open document that shares a FragmentID with one gets duplicate-id', () => {
    const { workspace } = workspaceOf({ 'round1/a.txt': example, 'notes.txt': 'Meeting notes, no fragment.' });
    assert.deepEqual(
      workspace.fragmentFiles().map((file) => file.uri),
      [`${folder}/round1/a.txt`],
      'a .txt counts only when its first line is a FragmentID line',
    );
    const copy = `${folder}/b.txt`;
    const { analysis, changed } = open(workspace, copy, example);
    const duplicate = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-id');
    assert.ok(duplicate, 'duplicate-id with the closed file');
    assert.deepEqual(
      duplicate.relatedInformation?.map((related) => related.location.uri),
      [`${folder}/round1/a.txt`],
    );
    assert.deepEqual([...changed], [EXAMPLE_ID]);
    assert.deepEqual(workspace.filesWithIds(changed, copy), [`${folder}/round1/a.txt`], 'the closed file is re-checked too');
    assert.equal(workspace.readText(`${folder}/round1/a.txt`), example, 'workspace mode and Fix All read the closed file');
  });

  it('follows what the file watcher reports: a changed, a deleted and a new file', () => {
    const { view, workspace } = workspaceOf({ 'a.txt': example });
    const other = `${folder}/b.txt`;
    assert.ok(open(workspace, other, example).analysis.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-id'));

    view.apply({ files: [{ uri: `${folder}/a.txt`, text: example.replace(EXAMPLE_ID, 'SCC-<redacted>/CIV099') }] });
    assert.deepEqual([...workspace.indexFromDisk(`${folder}/a.txt`)].sort(), ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV099'].sort());
    assert.deepEqual(codes(open(workspace, other, example).analysis).includes('duplicate-id'), false, 'the closed file no longer shares the ID');

    view.apply({ files: [{ uri: `${folder}/a.txt`, text: null }] });
    assert.deepEqual([...workspace.forget(`${folder}/a.txt`)], ['SCC-<redacted>/CIV099']);
    assert.deepEqual(
      workspace.fragmentFiles().map((file) => file.uri),
      [],
    );

    view.apply({ files: [{ uri: `${folder}/sub/c.fragment`, text: example }] });
    workspace.indexFromDisk(`${folder}/sub/c.fragment`);
    assert.ok(codes(open(workspace, other, example).analysis).includes('duplicate-id'), 'a new closed file is indexed');
  });

  it('applies the nearest .fragmentrc.json: its severities, include/exclude and overrides, and reloads it when it changes', () => {
    const config = JSON.stringify({ severities: { 'unknown-field': 'off' }, exclude: ['drafts'] });
    const { view, workspace } = workspaceOf({
      '.fragmentrc.json': config,
      'round1/a.txt': example,
      'drafts/b.txt': example.replace(EXAMPLE_ID, 'SCC-<redacted>/CIV098'),
      'strict/.fragmentrc.json': JSON.stringify({ severities: { 'empty-field': 'error' } }),
      'strict/c.txt': example.replace(EXAMPLE_ID, 'SCC-<redacted>/CIV097'),
    });
    assert.deepEqual(
      workspace.fragmentFiles().map((file) => file.uri),
      [`${folder}/round1/a.txt`, `${folder}/strict/c.txt`],
      'drafts/ is left out by the folder’s configuration',
    );
    const root = workspace.serviceFor(`${folder}/round1/a.txt`).analyze(example, `${folder}/round1/a.txt`);
    assert.deepEqual(codes(root).includes('unknown-field'), false, 'off in the folder’s configuration');
    const strict = workspace.serviceFor(`${folder}/strict/c.txt`).analyze(example, `${folder}/strict/c.txt`);
    assert.ok(codes(strict).includes('unknown-field'), 'the nearest configuration alone applies: not merged with the one above');
    assert.equal(strict.diagnostics.find((diagnostic) => diagnostic.code === 'empty-field')?.severity, 1);
    assert.deepEqual(workspace.dismissalTargetFor(`${folder}/round1/a.txt`), { uri: `${folder}/.fragmentrc.json`, text: config });

    const uri = `${folder}/.fragmentrc.json`;
    assert.equal(workspace.isConfigFile(uri), true);
    view.apply({ files: [{ uri, text: '{ "severities": { "unknown-field": "error" }' }] });
    workspace.reloadConfig(uri);
    const broken = workspace.configProblems().find((entry) => entry.uri === uri);
    assert.equal(broken?.problems.length, 1, 'a broken configuration is reported on its file');
    assert.ok(codes(workspace.serviceFor(`${folder}/round1/a.txt`).analyze(example, `${folder}/round1/a.txt`)).includes('unknown-field'));
    assert.equal(workspace.fragmentFiles().length, 3, 'the default schema, and every file, until it is fixed');

    view.apply({ files: [{ uri, text: null }] });
    workspace.reloadConfig(uri);
    assert.deepEqual(workspace.configProblems().find((entry) => entry.uri === uri)?.problems, [], 'a deleted configuration’s problems are cleared');
  });

  it('honours files.exclude, and knows no file outside its folders', () => {
    const { workspace } = workspaceOf({ 'a.txt': example, 'archive/old/b.fragment': example }, { '**/archive': true, 'a.txt': false });
    assert.deepEqual(
      workspace.fragmentFiles().map((file) => file.uri),
      [`${folder}/a.txt`],
    );
    assert.equal(workspace.dismissalTargetFor('untitled:Untitled-1'), undefined);
    assert.equal(workspace.isConfigFile('vscode-vfs://github/other/.fragmentrc.json'), false);
  });

  it('sums up the harvest over closed and open files, an open document’s text winning', () => {
    const { workspace } = workspaceOf(Object.fromEntries(exampleFiles.map((file) => [file.uri.slice(folder.length + 1), file.text])));
    assert.deepEqual(
      workspace.harvestSummary().files,
      exampleFiles.map((file) => file.uri),
    );
    const fragments = workspace.harvestSummary().fragments.length;
    assert.ok(fragments >= 2, `${fragments} fragments`);
    const [first] = exampleFiles;
    assert.ok(first);
    open(workspace, first.uri, `${first.text}\n\n${example.replace(EXAMPLE_ID, 'SCC-<redacted>/CIV096')}`);
    assert.equal(workspace.harvestSummary().fragments.length, fragments + 1, 'the open document’s fragments, not the closed file’s');
  });

  it('keeps the old view while the folders are read again, and what the watcher says meanwhile', () => {
    const view = new FolderView();
    view.apply({ load: true, files: [{ uri: `${folder}/a.txt`, text: example }] });
    view.beginLoad();
    view.apply({ load: true, files: [{ uri: `${folder}/b.txt`, text: example }] });
    view.apply({ files: [{ uri: `${folder}/c.fragment`, text: example }] });
    assert.deepEqual(
      view.filesUnder(folder, () => false),
      [`${folder}/a.txt`, `${folder}/c.fragment`],
      'the old view, and the change, until the reading ends',
    );
    view.endLoad();
    assert.deepEqual(
      view.filesUnder(folder, () => false),
      [`${folder}/b.txt`, `${folder}/c.fragment`],
    );
    assert.deepEqual(
      view.filesUnder(`${folder}/b`, () => false),
      [],
      'a folder’s prefix is not a folder',
    );
  });

  it('matches globs against decoded paths', () => {
    const { workspace } = workspaceOf({ 'Round%203/a.txt': example, 'caf%C3%A9/b.txt': example }, { 'Round 3': true, 'café/*.txt': true });
    assert.deepEqual(workspace.fragmentFiles(), []);
  });
});
