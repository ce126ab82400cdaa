import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
} from 'vscode-languageserver-protocol';
import { fragmentsFile } from '../../scripts/bench/latency';
import { createFragmentService } from '../../server/src/core/service';
import { temporaryFolder } from '../temporary-folders';
import { fileUri, TestClient } from './lsp-client';

const repositoryRoot = join(__dirname, '..', '..');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
const summary = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`);
const at = (line: number, character: number) => ({ line, character });

/** Edits across fragments, separators and the ends of the file, as a writer makes them. */
const edits = [
  { range: { start: at(3, 2), end: at(3, 9) }, text: 'Country' },
  { range: { start: at(23, 0), end: at(24, 0) }, text: '' },
  { range: { start: at(0, 0), end: at(0, 0) }, text: '**FragmentID**: SCC-<redacted>/CIV00000\n---\n' },
  { range: { start: at(60, 5), end: at(61, 3) }, text: 'x\n---\n**Year**: 1999' },
  { range: { start: at(200, 0), end: at(200, 0) }, text: '---\n**FragmentID**: SCC-<redacted>/CIV00001\n' },
];

describe('pull diagnostics (textDocument/diagnostic), for clients that declare them', () => {
  it('are announced to a client that can pull, not to one that cannot', async () => {
    const pulling = await TestClient.start({ diagnostics: 'pull' });
    assert.deepEqual(pulling.initialize.capabilities.diagnosticProvider, { identifier: 'fragment', interFileDependencies: true, workspaceDiagnostics: false });
    assert.equal(await pulling.client.stop(), 0);
    const pushed = await TestClient.start({ diagnostics: 'push' });
    assert.equal(pushed.initialize.capabilities.diagnosticProvider, undefined);
    assert.equal(await pushed.client.stop(), 0);
  });

  it('give after each edit what is pushed to a client that cannot pull, and what a full check gives', async () => {
    const text = fragmentsFile(example, 8);
    const uri = 'file:///harvest/eight.fragment';
    const clients = await Promise.all([TestClient.start({ diagnostics: 'pull' }), TestClient.start({ diagnostics: 'push' })]);
    const results: Diagnostic[][][] = [];
    for (const { client } of clients) {
      await client.open(uri, text);
      const seen = [await client.diagnosticsOf(uri, 1)];
      for (const [position, edit] of edits.entries()) {
        await client.change(uri, position + 2, [edit]);
        seen.push(await client.diagnosticsOf(uri, position + 2));
      }
      results.push(seen);
      assert.equal(client.allPublished(uri).length, seen.length, 'one result per version, pulled or pushed');
      assert.deepEqual(client.pullErrors, []);
      assert.equal(await client.stop(), 0);
    }
    assert.deepEqual(results[0], results[1]);
    assert.deepEqual(summary(results[0]?.[0] ?? []), summary(createFragmentService().analyze(text, uri).diagnostics as Diagnostic[]));
    assert.ok(results[0]?.some((diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-id')));
  });

  it('answer an unchanged result by its result ID alone, and a changed one in full', async () => {
    const { client } = await TestClient.start({ diagnostics: 'pull' });
    const uri = 'file:///harvest/ids.fragment';
    await client.open(uri, example);
    await client.diagnosticsOf(uri, 1);
    const pull = (previousResultId?: string) =>
      client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // A keystroke in a value that changes no diagnostic: still unchanged.
    await client.change(uri, 2, [{ range: { start: at(1, 27), end: at(1, 27) }, text: ' ' }]);
    assert.equal((await pull(first.resultId)).kind, 'unchanged');
    // Fixing the misspelt key changes them: in full, under a new result ID.
    await client.change(uri, 3, [{ range: { start: at(3, 2), end: at(3, 9) }, text: 'Country' }]);
    const fixed = await pull(first.resultId);
    assert.equal(fixed.kind, 'full');
    assert.notEqual(fixed.resultId, first.resultId);
    assert.deepEqual(summary(fixed.kind === 'full' ? fixed.items : []), ['16 empty-field']);
    // A client that lost its result gets the full one.
    assert.equal((await pull('no such result')).kind, 'full');
    assert.equal(await client.stop(), 0);
  });

  it('ask the client to pull again when another file changes a document’s duplicate IDs, and push nothing for open documents', async () => {
    const { client } = await TestClient.start({ diagnostics: 'pull' });
    const [a, b] = ['file:///harvest/a.fragment', 'file:///harvest/b.fragment'];
    await client.open(a, example);
    assert.ok(!(await client.diagnosticsOf(a, 1)).some((diagnostic) => diagnostic.code === 'duplicate-id'));
    const since = client.publishedCount;
    await client.open(b, example);
    const again = await client.diagnostics((params) => params.uri === a && params.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-id'), since);
    assert.equal(again.diagnostics[0]?.relatedInformation?.[0]?.location.uri, b);
    assert.ok(client.refreshes >= 1);
    assert.ok((await client.diagnosticsOf(b, 1)).some((diagnostic) => diagnostic.code === 'duplicate-id'));
    assert.equal(await client.stop(), 0);
  });

  it('ask the client to pull again once for a change of settings that re-checks every open document', async () => {
    // Each refresh makes the client pull every document again, cancelling the pulls still under way.
    const { client } = await TestClient.start({ diagnostics: 'pull', settings: { outcomeFragments: {}, 'files.exclude': {} } });
    try {
      const uris = ['a', 'b', 'c', 'd'].map((name) => `file:///harvest/${name}.fragment`);
      for (const [position, uri] of uris.entries()) {
        await client.open(uri, example.replace('CIV021', `CIV10${position}`));
        await client.diagnosticsOf(uri, 1);
      }
      const before = client.refreshes;
      const since = client.publishedCount;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
      for (const uri of uris) await client.diagnostics((params) => params.uri === uri, since);
      // An edit checked and pulled after the settings' re-check: every refresh it asked for has come.
      const [first] = uris as [string];
      await client.change(first, 2, [{ range: { start: at(1, 27), end: at(1, 27) }, text: ' ' }]);
      await client.diagnosticsOf(first, 2);
      assert.equal(client.refreshes - before, 1);
      assert.deepEqual(client.pullErrors, []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('with "run": "onSave", give the version last opened or saved', async () => {
    const { client } = await TestClient.start({ diagnostics: 'pull', settings: { outcomeFragments: { run: 'onSave' }, 'files.exclude': {} } });
    const uri = 'file:///harvest/save.fragment';
    await client.open(uri, example);
    assert.deepEqual(summary(await client.diagnosticsOf(uri, 1)), ['4 unknown-field', '16 empty-field']);
    await client.change(uri, 2, [{ range: { start: at(3, 2), end: at(3, 9) }, text: 'Country' }]);
    assert.deepEqual(summary(await client.diagnosticsOf(uri, 2)), ['4 unknown-field', '16 empty-field'], 'not as it is typed');
    const since = client.publishedCount;
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    // The save makes the server ask the client to pull again (a pull of before may still arrive first).
    await client.diagnostics((params) => params.uri === uri && summary(params.diagnostics).join() === '16 empty-field', since);
    assert.equal(await client.stop(), 0);
  });

  it('in "workspace" mode, a file is pushed while closed and pulled while open, never both', async () => {
    const folder = temporaryFolder('fragment-pull-');
    writeFileSync(join(folder, 'a.fragment'), example);
    const uri = fileUri(join(folder, 'a.fragment'));
    const { client } = await TestClient.start({ folder, diagnostics: 'pull', settings: { outcomeFragments: { validate: 'workspace' }, 'files.exclude': {} } });
    const fromDisk = await client.diagnostics((params) => params.uri === uri && params.version === undefined);
    assert.deepEqual(summary(fromDisk.diagnostics), ['4 unknown-field', '16 empty-field']);
    let since = client.publishedCount;
    await client.open(uri, example);
    const cleared = await client.diagnostics((params) => params.uri === uri && params.version === undefined, since);
    assert.deepEqual(cleared.diagnostics, [], 'what was pushed from disk gives way');
    assert.deepEqual(summary(await client.diagnosticsOf(uri, 1)), ['4 unknown-field', '16 empty-field']);
    since = client.publishedCount;
    await client.close(uri);
    const closed = await client.diagnostics((params) => params.uri === uri, since);
    assert.deepEqual(summary(closed.diagnostics), ['4 unknown-field', '16 empty-field'], 'pushed from disk again once closed');
    assert.equal(await client.stop(), 0);
  });
});

describe('pushed diagnostics of a large file (their JSON made per chunk, written as it is over stdio)', () => {
  it('are those of a full check', async () => {
    const text = fragmentsFile(example, 300).replace('CIV00007', 'CIV00003');
    const { client } = await TestClient.start({ diagnostics: 'push' });
    const uri = 'file:///harvest/large.fragment';
    await client.open(uri, text);
    const expected = JSON.parse(JSON.stringify(createFragmentService().analyze(text, uri).diagnostics));
    assert.deepEqual(await client.diagnosticsOf(uri, 1), expected);
    await client.change(uri, 2, [{ range: { start: at(400, 0), end: at(400, 0) }, text: '**coutnry**: Mali\n' }]);
    const lines = text.split('\n');
    lines.splice(400, 0, '**coutnry**: Mali');
    const changed = createFragmentService().analyze(lines.join('\n'), uri).diagnostics;
    assert.deepEqual(await client.diagnosticsOf(uri, 2), JSON.parse(JSON.stringify(changed)));
    assert.equal(await client.stop(), 0);
  });
});
