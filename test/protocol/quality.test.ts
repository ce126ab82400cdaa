// Quality hints over LSP: "Dismiss for this fragment" edits the workspace folder's
// .fragmentrc.json, keeping its comment; once the file changes on disk, the hint is gone.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type CodeAction, CodeActionRequest, DidChangeWatchedFilesNotification, FileChangeType, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text/text';
import { temporaryFolder } from '../temporary-folders';
import { fileUri, TestClient } from './lsp-client';

const repositoryRoot = join(__dirname, '..', '..');
const undated = readFileSync(join(repositoryRoot, 'test', 'fixtures', 'no-when.fragment'), 'utf8');
const codesOf = (diagnostics: Array<{ code?: string | number }>) => diagnostics.map((diagnostic) => diagnostic.code);

describe('quality hints over the protocol', () => {
  it('Dismiss for this fragment edits the folder’s .fragmentrc.json, and the hint goes once the file changes', async () => {
    const folder = temporaryFolder('fragment-quality-');
    const configPath = join(folder, '.fragmentrc.json');
    writeFileSync(configPath, '// our team\n{\n  "severities": { "value-format": "warning" }\n}\n');
    const { client } = await TestClient.start({ folder, settings: {} });
    const uri = fileUri(join(folder, 'a.fragment'));
    await client.open(uri, undated);
    const first = await client.diagnostics((params) => params.uri === uri);
    const hint = first.diagnostics.find((diagnostic) => diagnostic.code === 'no-when');
    assert.ok(hint, JSON.stringify(codesOf(first.diagnostics)));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: hint.range,
      context: { diagnostics: [hint] },
    })) as CodeAction[];
    const dismiss = actions.find((action) => action.title === 'Dismiss for this fragment (no-when)');
    assert.ok(dismiss, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(dismiss.command, undefined, 'no save command for a client that named none');
    const [edit, ...more] = dismiss.edit?.documentChanges ?? [];
    assert.equal(more.length, 0, 'the file exists: no CreateFile');
    assert.equal((edit as TextDocumentEdit).textDocument.uri, fileUri(configPath));
    const written = applyEdits(readFileSync(configPath, 'utf8'), (edit as TextDocumentEdit).edits);
    assert.ok(written.startsWith('// our team\n{\n  "severities": { "value-format": "warning" },\n'), written);

    const since = client.publishedCount;
    writeFileSync(configPath, written);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(configPath), type: FileChangeType.Changed }],
    });
    const after = await client.diagnostics((params) => params.uri === uri, since);
    assert.ok(!codesOf(after.diagnostics).includes('no-when'), JSON.stringify(codesOf(after.diagnostics)));
    assert.equal(await client.stop(), 0);
  });

  it('offers no dismissal where the file would have to be created by a client that cannot create files', async () => {
    const folder = temporaryFolder('fragment-quality-');
    const { client } = await TestClient.start({ folder, settings: {} });
    const uri = fileUri(join(folder, 'a.fragment'));
    await client.open(uri, undated);
    const { diagnostics } = await client.diagnostics((params) => params.uri === uri);
    const hint = diagnostics.find((diagnostic) => diagnostic.code === 'no-when');
    assert.ok(hint);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: hint.range,
      context: { diagnostics: [hint] },
    })) as CodeAction[];
    assert.ok(!actions.some((action) => action.title.startsWith('Dismiss')));
    assert.equal(await client.stop(), 0);
  });
});
