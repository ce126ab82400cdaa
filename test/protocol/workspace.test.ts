import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { HARVEST_SUMMARY_REQUEST, type HarvestSummary, WORKSPACE_FILES_REQUEST } from '../../server/src/protocol';
import { awkwardFolder } from '../temporary-folders';
import { fileUri, TestClient } from './lsp-client';

const repositoryRoot = join(__dirname, '..', '..');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
const codesOf = (diagnostics: Array<{ code?: string | number }>) => diagnostics.map((diagnostic) => diagnostic.code);

/** A harvest folder (its name as awkward as users' are): the example twice (same FragmentID), one file hidden by files.exclude, and notes that are no fragment. */
function harvest(): string {
  const folder = awkwardFolder('workspace');
  mkdirSync(join(folder, 'round3'));
  mkdirSync(join(folder, 'archive'));
  writeFileSync(join(folder, 'round3', 'a.txt'), example);
  writeFileSync(join(folder, 'round3', 'b.fragment'), example);
  writeFileSync(join(folder, 'archive', 'old.fragment'), example);
  copyFileSync(join(repositoryRoot, 'example', 'README.md'), join(folder, 'notes.txt'));
  return folder;
}

describe('the language server over a workspace', () => {
  it('in "workspace" mode, checks unopened files, finds a FragmentID used twice across files, and respects files.exclude', async () => {
    const folder = harvest();
    const { client } = await TestClient.start({ folder, settings: { outcomeFragments: { validate: 'workspace' }, 'files.exclude': { '**/archive': true } } });
    const uriOf = (path: string) => fileUri(join(folder, path));
    const a = await client.diagnostics((params) => params.uri === uriOf('round3/a.txt'));
    assert.deepEqual(codesOf(a.diagnostics), ['duplicate-id', 'unknown-field', 'empty-field']);
    assert.equal(a.diagnostics[0]?.relatedInformation?.[0]?.location.uri, uriOf('round3/b.fragment'));
    const b = await client.diagnostics((params) => params.uri === uriOf('round3/b.fragment'));
    assert.deepEqual(codesOf(b.diagnostics), ['duplicate-id', 'unknown-field', 'empty-field']);
    assert.equal(client.allPublished(uriOf('archive/old.fragment')).length, 0, 'an excluded file is not checked');
    assert.equal(client.allPublished(uriOf('notes.txt')).length, 0, 'a .txt that is no fragment is not checked');

    // A change on disk reaches the index: once b has another FragmentID, a has no duplicate.
    const since = client.publishedCount;
    writeFileSync(join(folder, 'round3', 'b.fragment'), example.replace('CIV021', 'CIV022'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf('round3/b.fragment'), type: FileChangeType.Changed }],
    });
    const after = await client.diagnostics((params) => params.uri === uriOf('round3/a.txt'), since);
    assert.deepEqual(codesOf(after.diagnostics), ['unknown-field', 'empty-field']);
    assert.equal(await client.stop(), 0);
  });

  it('forgets the files of a folder that went, and indexes those of a folder that came: VS Code reports the folder alone', async () => {
    const folder = harvest();
    const { client } = await TestClient.start({ folder, settings: { outcomeFragments: { validate: 'workspace' } } });
    const uriOf = (path: string) => fileUri(join(folder, path));
    const round3 = await client.diagnostics((params) => params.uri === uriOf('round3/a.txt'));
    assert.equal(codesOf(round3.diagnostics)[0], 'duplicate-id');
    // The folder archive/ (which held the ID too) is moved to archived/: two events, for the folders.
    let since = client.publishedCount;
    renameSync(join(folder, 'archive'), join(folder, 'archived'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uriOf('archive'), type: FileChangeType.Deleted },
        { uri: uriOf('archived'), type: FileChangeType.Created },
      ],
    });
    const moved = await client.diagnostics((params) => params.uri === uriOf('archived/old.fragment'), since);
    assert.equal(codesOf(moved.diagnostics)[0], 'duplicate-id', 'the moved file is indexed under its new name');
    // round3/ is deleted: what remains has no duplicate, and the harvest no longer counts its files.
    since = client.publishedCount;
    rmSync(join(folder, 'round3'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('round3'), type: FileChangeType.Deleted }] });
    const alone = await client.diagnostics(
      (params) => params.uri === uriOf('archived/old.fragment') && !codesOf(params.diagnostics).includes('duplicate-id'),
      since,
    );
    assert.deepEqual(codesOf(alone.diagnostics), ['unknown-field', 'empty-field']);
    const summary = await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
    assert.equal(summary.totals.outcomes, 1);
    assert.equal(await client.stop(), 0);
  });

  it('in "openFiles" mode, checks only open files but still finds their FragmentID in unopened ones', async () => {
    const folder = harvest();
    const { client } = await TestClient.start({ folder, settings: { outcomeFragments: { validate: 'openFiles' }, 'files.exclude': {} } });
    const uri = fileUri(join(folder, 'round3', 'a.txt'));
    // The index is built after `initialized`; opening waits for nothing, so wait for a duplicate-id.
    await client.open(uri, example);
    const published = await client.diagnostics((params) => params.uri === uri && codesOf(params.diagnostics).includes('duplicate-id'));
    assert.equal(published.diagnostics[0]?.relatedInformation?.length, 2, 'b.fragment and archive/old.fragment');
    assert.deepEqual(
      client.allPublished(fileUri(join(folder, 'round3', 'b.fragment'))).filter((params) => params.diagnostics.length > 0),
      [],
    );
    assert.equal(await client.stop(), 0);
  });

  it('lets the editor’s severity settings win over the .fragmentrc.json', async () => {
    const folder = harvest();
    writeFileSync(join(folder, '.fragmentrc.json'), JSON.stringify({ severities: { 'empty-field': 'error', 'unknown-field': 'off' } }));
    const { client } = await TestClient.start({ folder, settings: { outcomeFragments: { severities: { 'empty-field': 'hint' } }, 'files.exclude': {} } });
    const uri = fileUri(join(folder, 'round3', 'a.txt'));
    await client.open(uri, example.replace('CIV021', 'CIV098'));
    // The first check may come before the configuration is loaded: wait for the configured one.
    const published = await client.diagnostics((params) => params.uri === uri && params.diagnostics.length === 1);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['empty-field', 4]],
    );
    assert.equal(await client.stop(), 0);
  });

  it('reports a broken .fragmentrc.json on its own line and keeps the default schema', async () => {
    const folder = harvest();
    writeFileSync(join(folder, '.fragmentrc.json'), '{\n  "severities": {\n    "unknown-field": "of"\n  }\n}\n');
    const { client } = await TestClient.start({ folder, settings: { outcomeFragments: {}, 'files.exclude': {} } });
    const config = await client.diagnostics((params) => params.uri === fileUri(join(folder, '.fragmentrc.json')));
    assert.deepEqual(
      config.diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.code]),
      [[2, 'invalid-config']],
    );
    assert.match(config.diagnostics[0]?.message ?? '', /severities\.unknown-field/);
    const uri = fileUri(join(folder, 'round3', 'a.txt'));
    await client.open(uri, example.replace('CIV021', 'CIV099'));
    assert.ok(codesOf((await client.diagnosticsOf(uri, 1)) ?? []).includes('unknown-field'), 'the default severities stay');
    assert.equal(await client.stop(), 0);
  });

  it('clears the problems of unopened files when "workspace" mode is turned off', async () => {
    const folder = harvest();
    const settings = { outcomeFragments: { validate: 'workspace' }, 'files.exclude': {} };
    const { client } = await TestClient.start({ folder, settings });
    const uri = fileUri(join(folder, 'round3', 'b.fragment'));
    await client.diagnostics((params) => params.uri === uri && params.diagnostics.length > 0);
    const since = client.publishedCount;
    settings.outcomeFragments.validate = 'openFiles';
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.diagnostics((params) => params.uri === uri && params.diagnostics.length === 0, since);
    assert.equal(await client.stop(), 0);
  });

  for (const [client, spell] of [
    ['VS Code (vscode-uri)', fileUri],
    ['Node’s pathToFileURL (no %26, %28, %29, %21…)', (path: string) => pathToFileURL(path).toString()],
  ] as const) {
    it(`knows a file opened as ${client} writes its URI as the file on disk: not its own duplicate, counted once`, async () => {
      const folder = awkwardFolder('spelling');
      writeFileSync(join(folder, 'a.txt'), example);
      const { client } = await TestClient.start({ folder, settings: { outcomeFragments: {}, 'files.exclude': {} } });
      const uri = spell(join(folder, 'a.txt'));
      await client.open(uri, example);
      assert.deepEqual(codesOf(await client.diagnosticsOf(uri, 1)), ['unknown-field', 'empty-field']);
      const summary = await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
      assert.deepEqual([summary.files.length, summary.totals.outcomes], [1, 1]);
      assert.deepEqual(await client.connection.sendRequest<string[]>(WORKSPACE_FILES_REQUEST), [uri], 'named as the client named it');
      assert.equal(await client.stop(), 0);
    });
  }
});
