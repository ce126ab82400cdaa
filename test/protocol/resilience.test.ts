import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DidChangeTextDocumentNotification, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const example = readFileSync(join(__dirname, '..', '..', 'example', '000_88eaf67a59f4c304.txt'), 'utf8');

/** Bad requests and floods: the server answers, and keeps serving. */
describe('the language server under bad input', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await TestClient.start());
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'it still shuts down cleanly');
  });

  /** The server is alive: it answers a request about a document it has. */
  async function stillServes(uri: string): Promise<void> {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as unknown[];
    assert.equal(symbols.length, 1);
  }

  it('answers an unknown method with an error, and an unknown notification not at all', async () => {
    const uri = 'file:///resilience/unknown.fragment';
    await client.open(uri, example);
    await assert.rejects(client.connection.sendRequest('fragments/noSuchThing', {}), /Unhandled method|not found/i);
    await client.connection.sendNotification('fragments/noSuchNotification', { any: 'thing' });
    await stillServes(uri);
  });

  it('answers malformed requests without falling over', async () => {
    const uri = 'file:///resilience/malformed.fragment';
    await client.open(uri, example);
    // No range, no context; a position that is no position; a document that is not open.
    await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri } } as never).catch(() => undefined);
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: -5, character: 'x' } } as never).catch(() => undefined);
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///never/opened' }, position: { line: 0, character: 0 } });
    await client.connection.sendRequest('fragments/storyModel', null).catch(() => undefined);
    await stillServes(uri);
  });

  it('takes edits out of range and documents closed twice', async () => {
    const uri = 'file:///resilience/edits.fragment';
    await client.open(uri, example);
    await client.diagnosticsOf(uri, 1);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 900, character: 5 }, end: { line: 1000, character: 0 } }, text: '\nstray' }],
    });
    await client.diagnosticsOf(uri, 2);
    await client.close(uri);
    await client.close(uri);
    const other = 'file:///resilience/after.fragment';
    await client.open(other, example);
    await stillServes(other);
  });

  it('after a flood of 1,000 changes, publishes the last version, never an older one after it', async (t) => {
    const uri = 'file:///resilience/flood.fragment';
    await client.open(uri, example);
    await client.diagnosticsOf(uri, 1);
    const since = client.publishedCount;
    for (let version = 2; version <= 1001; version++) {
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 3 } }, text: version % 2 ? 'c' : 'C' }],
      });
    }
    const last = await client.diagnosticsOf(uri, 1001);
    assert.ok(last.some((diagnostic) => diagnostic.code === 'unknown-field' || diagnostic.code === 'non-canonical-key'));
    const versions = client.publishedAfter(since, uri).map((params) => params.version ?? 0);
    assert.equal(versions.at(-1), 1001, 'the last publication is of the last version');
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'never an older version after a newer one',
    );
    t.diagnostic(`${versions.length} publication(s) for 1,000 changes: versions ${versions.join(', ')}`);
    assert.ok(versions.length <= 10, `the flood was coalesced: ${versions.length} publications for 1,000 changes`);
  });
});
