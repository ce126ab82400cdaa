import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { type CodeAction, CodeActionRequest, DidChangeTextDocumentNotification, type InitializeResult } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const example = readFileSync(join(__dirname, '..', '..', 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
const summary = (diagnostics: Array<{ range: { start: { line: number } }; code?: string | number }>) =>
  diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`);

describe('the language server over stdio', () => {
  let client: TestClient;
  let initialize: InitializeResult;

  before(async () => {
    ({ client, initialize } = await TestClient.start());
  });
  afterEach(() => client.closeAll());
  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown and exit');
  });

  it('announces incremental sync and code actions, fix-all included', () => {
    assert.deepEqual(initialize.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(initialize.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.fragment'], resolveProvider: false });
  });

  it('publishes the example’s diagnostics on open', async () => {
    const uri = 'file:///workspace/open.txt';
    await client.open(uri, example);
    const diagnostics = await client.diagnosticsOf(uri, 1);
    assert.deepEqual(summary(diagnostics), ['4 unknown-field', '16 empty-field']);
    assert.equal(diagnostics[0]?.message, 'Unknown field "coutnry". Did you mean "Country"?');
    assert.equal(diagnostics[0]?.source, 'fragment');
    assert.deepEqual(diagnostics[0]?.data, { suggestions: ['Country'], preferred: 'Country' });
  });

  it('re-checks after an incremental change', async () => {
    const uri = 'file:///workspace/change.txt';
    await client.open(uri, example);
    await client.diagnosticsOf(uri, 1);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } }, text: 'Country' }],
    });
    assert.deepEqual(summary(await client.diagnosticsOf(uri, 2)), ['16 empty-field']);
  });

  it('answers a quick-fix request with the preferred rename', async () => {
    const uri = 'file:///workspace/quickfix.txt';
    await client.open(uri, example);
    const diagnostics = await client.diagnosticsOf(uri, 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } },
      context: { diagnostics: diagnostics.slice(0, 1), only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred]),
      [['Rename to "Country"', true]],
    );
    assert.deepEqual(actions[0]?.edit?.changes?.[uri], [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } }, newText: 'Country' }]);
  });

  it('answers a source.fixAll request with one edit per changed line', async () => {
    const uri = 'file:///workspace/fixall.txt';
    await client.open(uri, example);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.kind),
      ['source.fixAll.fragment'],
    );
    assert.deepEqual(actions[0]?.edit?.changes?.[uri], [
      { range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '**Country**: DR Congo\n' },
    ]);
  });

  it('publishes only the last version’s diagnostics after a burst of changes', async () => {
    const uri = 'file:///workspace/burst.txt';
    await client.open(uri, example);
    await client.diagnosticsOf(uri, 1);
    const keys = ['coutnryy', 'cou', 'Countr', 'Country'];
    await Promise.all(
      keys.map((key, index) =>
        client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: index + 2 },
          contentChanges: [
            { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 + (index === 0 ? 7 : (keys[index - 1] as string).length) } }, text: key },
          ],
        }),
      ),
    );
    const last = keys.length + 1;
    assert.deepEqual(summary(await client.diagnosticsOf(uri, last)), ['16 empty-field']);
    const versions = client.allPublished(uri).map((params) => params.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'versions are published in order, the last one last',
    );
    assert.ok(versions.length < keys.length + 1, `the burst was coalesced (published: ${versions.join(', ')})`);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///workspace/close.txt';
    await client.open(uri, example);
    await client.diagnosticsOf(uri, 1);
    await client.close(uri);
    const cleared = await client.diagnostics((params) => params.uri === uri && params.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('reports the same FragmentID in two files on both, each pointing at the other, until one closes', async () => {
    const first = 'file:///workspace/first.fragment';
    const second = 'file:///workspace/second.fragment';
    await client.open(first, example);
    await client.diagnosticsOf(first, 1);
    await client.open(second, example);
    const onSecond = await client.diagnosticsOf(second, 1);
    const duplicate = onSecond.find((diagnostic) => diagnostic.code === 'duplicate-id');
    assert.equal(duplicate?.range.start.line, 0);
    assert.deepEqual(
      duplicate?.relatedInformation?.map((related) => [related.location.uri, related.location.range.start.line]),
      [[first, 0]],
    );
    const onFirst = await client.diagnostics((params) => params.uri === first && params.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-id'));
    assert.equal(onFirst.diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-id')?.relatedInformation?.[0]?.location.uri, second);
    const beforeClose = client.publishedCount;
    await client.close(second);
    await client.diagnostics((params) => params.uri === first && !params.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-id'), beforeClose);
  });

  it('answers a code action request for a document it does not know with nothing', async () => {
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: 'file:///never-opened.txt' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });
});
