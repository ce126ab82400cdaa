// The possible-identifier check over LSP (FORMAT.md §8): "Replace with <person>" replaces the name
// in the description and the merged story, and no stale-merged-story follows; "Allow … in this
// harvest" records the text in the folder's .fragmentrc.json, and once the file changes the warning goes.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  type CodeAction,
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type MarkupContent,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text/text';
import { awkwardFolder, temporaryFolder } from '../temporary-folders';
import { fileUri, TestClient } from './lsp-client';

const repositoryRoot = join(__dirname, '..', '..');
const named = readFileSync(join(repositoryRoot, 'test', 'fixtures', 'possible-identifier.fragment'), 'utf8');
const codesOf = (diagnostics: Array<{ code?: string | number }>) => diagnostics.map((diagnostic) => diagnostic.code);

describe('possible identifiers over the protocol', () => {
  it('Replace with <person> replaces the name in the description and the merged story: no stale-merged-story after', async () => {
    const folder = awkwardFolder('fragment-anonymise-');
    const { client } = await TestClient.start({ folder, settings: {} });
    const uri = fileUri(join(folder, 'a.txt'));
    await client.open(uri, named);
    const first = await client.diagnostics((params) => params.uri === uri);
    assert.deepEqual(codesOf(first.diagnostics), ['possible-identifier', 'possible-identifier']);
    const [finding] = first.diagnostics;
    assert.ok(finding);
    assert.equal(finding.severity, 2);

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: finding.range.start });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /possible-identifier.*a person’s name[\s\S]*put them at risk/);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: finding.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    const replace = actions.find((action) => action.title === 'Replace "Rose Nyota" with <person> in this fragment');
    assert.ok(replace, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(replace.isPreferred, undefined, 'never preferred: fix-all does not anonymise by itself');
    const edits = replace.edit?.changes?.[uri] as TextEdit[];
    assert.deepEqual(
      edits.map((edit) => edit.range.start.line),
      [5, 19],
      'the description and the merged story',
    );
    const fixed = applyEdits(named, edits);
    const since = client.publishedCount;
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.diagnostics((params) => params.uri === uri && params.version === 2, since);
    assert.deepEqual(codesOf(after.diagnostics), [], 'no finding, and no stale-merged-story');
    assert.equal(await client.stop(), 0);
  });

  it('Allow "…" in this harvest records the text in .fragmentrc.json, keeping its comment; the warning goes once the file changes', async () => {
    const folder = temporaryFolder('fragment-allow-');
    const configPath = join(folder, '.fragmentrc.json');
    writeFileSync(configPath, '// our team\n{\n  "severities": { "value-format": "warning" }\n}\n');
    const { client } = await TestClient.start({ folder, settings: {} });
    const uri = fileUri(join(folder, 'a.txt'));
    await client.open(uri, named);
    const first = await client.diagnostics((params) => params.uri === uri);
    const [finding] = first.diagnostics;
    assert.ok(finding);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: finding.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    const allow = actions.find((action) => action.title === 'Allow "Rose Nyota" in this harvest');
    assert.ok(allow, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(allow.isPreferred, undefined);
    const [edit, ...more] = allow.edit?.documentChanges ?? [];
    assert.equal(more.length, 0, 'the file exists: no CreateFile');
    assert.equal((edit as TextDocumentEdit).textDocument.uri, fileUri(configPath));
    const written = applyEdits(readFileSync(configPath, 'utf8'), (edit as TextDocumentEdit).edits);
    assert.equal(
      written,
      '// our team\n{\n  "severities": { "value-format": "warning" },\n  "anonymisation": {\n    "allow": [\n      "Rose Nyota"\n    ]\n  }\n}\n',
    );

    const since = client.publishedCount;
    writeFileSync(configPath, written);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(configPath), type: FileChangeType.Changed }] });
    const after = await client.diagnostics((params) => params.uri === uri, since);
    assert.deepEqual(codesOf(after.diagnostics), []);
    assert.equal(await client.stop(), 0);
  });
});
