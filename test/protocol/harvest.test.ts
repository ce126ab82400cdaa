import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidSaveTextDocumentNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol';
import { HARVEST_CHANGED_NOTIFICATION, HARVEST_SUMMARY_REQUEST, type HarvestSummary } from '../../server/src/protocol';
import { awkwardFolder } from '../temporary-folders';
import { fileUri, TestClient } from './lsp-client';

const repositoryRoot = join(__dirname, '..', '..');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');

/** A copy of the example workspace. */
function exampleWorkspace(): string {
  const folder = awkwardFolder('harvest');
  cpSync(join(repositoryRoot, 'example'), folder, { recursive: true });
  return folder;
}

const summaryOf = (client: TestClient) => client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
const groups = (summary: HarvestSummary, name: string) =>
  summary.dimensions.find((dimension) => dimension.name === name)?.groups.map((group) => [group.value, group.fragments.length]);

describe('the harvest summary over the protocol', () => {
  it('sums up the example workspace once it is indexed, the open files from their text, and says when it changed', async () => {
    const folder = exampleWorkspace();
    const { client } = await TestClient.start({ folder, settings: { outcomeFragments: {}, 'files.exclude': {} } });
    // Asked at once: answered when the index is built.
    const summary = await summaryOf(client);
    assert.equal(summary.files.length, 3);
    assert.deepEqual(summary.totals, { outcomes: 3, confidential: 3, withProblems: 2, withEvidence: 2, withIdentifiers: 0 });
    assert.deepEqual(groups(summary, 'objective'), [
      ['CIV: Less suppression of civic space', 2],
      ['PHR: Conflict transformation, peace and human rights', 1],
    ]);
    assert.deepEqual(
      summary.fragments.map((fragment) => [summary.files[fragment.file]?.split('/').pop(), fragment.line, fragment.problems.warnings]),
      [
        ['000_88eaf67a59f4c304.txt', 0, 2],
        ['secha-digitisation-checked.fragment', 0, 0],
        ['south-sudan-mediators.fragment', 0, 2],
      ],
    );

    // Typing in an open file: its record follows the text, and the client is told.
    const uri = fileUri(join(folder, 'secha-digitisation-checked.fragment'));
    const text = readFileSync(join(folder, 'secha-digitisation-checked.fragment'), 'utf8');
    const changed = new Promise<void>((resolve) => client.connection.onNotification(HARVEST_CHANGED_NOTIFICATION, () => resolve()));
    await client.open(uri, text);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace('**Country**: DR Congo', '**Country**: Kenya').replace('**Year**: 2024', '**Year**: 2024.0') }],
    });
    await client.diagnosticsOf(uri, 2);
    await changed;
    const typed = await summaryOf(client);
    assert.deepEqual(groups(typed, 'country'), [
      ['DR Congo', 1],
      ['Kenya', 1],
      ['South Sudan', 1],
    ]);
    assert.equal(typed.fragments[1]?.problems.other, 1, 'the 2024.0 hint');
    assert.equal(await client.stop(), 0);
  });

  it('counts only the files the .fragmentrc.json includes, with its overrides, and follows a change of it', async () => {
    const folder = exampleWorkspace();
    writeFileSync(
      join(folder, '.fragmentrc.json'),
      JSON.stringify({ exclude: ['south-sudan-*'], overrides: [{ files: '*.txt', severities: { 'unknown-field': 'error' } }] }),
    );
    const { client } = await TestClient.start({ folder, settings: { outcomeFragments: {}, 'files.exclude': {} } });
    const summary = await summaryOf(client);
    assert.equal(summary.files.length, 2);
    assert.deepEqual(
      summary.fragments.map((fragment) => [summary.files[fragment.file]?.split('/').pop(), fragment.problems.errors]),
      [
        ['000_88eaf67a59f4c304.txt', 1],
        ['secha-digitisation-checked.fragment', 0],
      ],
    );
    writeFileSync(join(folder, '.fragmentrc.json'), '{}');
    const changed = new Promise<void>((resolve) => client.connection.onNotification(HARVEST_CHANGED_NOTIFICATION, () => resolve()));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(join(folder, '.fragmentrc.json')), type: FileChangeType.Changed }],
    });
    await changed;
    const after = await summaryOf(client);
    assert.equal(after.files.length, 3);
    assert.equal(after.fragments[0]?.problems.errors, 0);
    assert.equal(await client.stop(), 0);
  });

  it('with "run": "onSave", publishes an open file’s diagnostics when it is opened and saved, not as it is typed', async () => {
    const folder = exampleWorkspace();
    const { client } = await TestClient.start({ folder, settings: { outcomeFragments: { run: 'onSave' }, 'files.exclude': {} } });
    await summaryOf(client); // the settings are read
    const uri = fileUri(join(folder, 'new.fragment'));
    const text = example.replace('CIV021', 'CIV500');
    await client.open(uri, text);
    assert.equal((await client.diagnosticsOf(uri, 1)).length, 2);
    const since = client.publishedCount;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace('**coutnry**', '**Country**') }],
    });
    // Another file opened after the change: checks run in order, so in onType mode the change's would be published first.
    const other = fileUri(join(folder, 'other.fragment'));
    await client.open(other, text.replace('CIV500', 'CIV501'));
    await client.diagnosticsOf(other, 1);
    assert.equal(client.publishedAfter(since, uri).length, 0, 'nothing published as it is typed');
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const saved = await client.diagnosticsOf(uri, 2);
    assert.deepEqual(
      saved.map((diagnostic) => diagnostic.code),
      ['empty-field'],
    );
    assert.equal(client.publishedAfter(since, uri).length, 1, 'one publication: on save');
    assert.equal(await client.stop(), 0);
  });
});
