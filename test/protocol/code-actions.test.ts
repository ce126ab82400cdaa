// Quick fixes for the problems the editor shows, asked for before the check of the latest edit
// has reached it: VS Code asks with the diagnostics it shows and their ranges as they were checked
// (a hover on a squiggle, a light bulb), while the server holds a newer text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { type CodeAction, CodeActionRequest, type Diagnostic, type Range } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const example = readFileSync(join(__dirname, '..', '..', 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
const at = (line: number, character: number) => ({ line, character });

describe('quick fixes for the problems the editor shows', () => {
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start({ diagnostics: 'pull' }));
  });
  afterEach(() => client.closeAll());
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  /** The example opened and checked: its misspelt key as the editor shows it (line 4). */
  async function shownUnknownField(uri: string): Promise<Diagnostic> {
    await client.open(uri, example);
    const shown = (await client.diagnosticsOf(uri, 1)).find((diagnostic) => diagnostic.code === 'unknown-field');
    assert.ok(shown);
    return shown;
  }

  const quickFixes = async (uri: string, range: Range, shown: Diagnostic[]) =>
    (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics: shown, only: ['quickfix'] },
    })) as CodeAction[];

  it('a line typed above the problem, and the fix asked for where the editor still shows it: the rename, on the line it is on now', async () => {
    const uri = 'file:///workspace/typed-above.txt';
    const shown = await shownUnknownField(uri);
    // The edit and the request together, as VS Code sends them before the edit's check comes back.
    void client.change(uri, 2, [{ range: { start: at(1, 0), end: at(1, 0) }, text: '**Colour**: blue\n' }]);
    const actions = await quickFixes(uri, shown.range, [shown]);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.deepEqual(
      preferred.map((action) => action.title),
      ['Rename to "Country"'],
      `got: ${JSON.stringify(actions.map((action) => action.title))}`,
    );
    assert.deepEqual(
      preferred[0]?.edit?.changes?.[uri],
      [{ range: { start: at(4, 2), end: at(4, 9) }, newText: 'Country' }],
      'the edit is of the text as it is now',
    );
    await client.diagnosticsOf(uri, 2);
  });

  it('a problem the writer has fixed meanwhile gets no fix: there is nothing left to fix', async () => {
    const uri = 'file:///workspace/fixed-meanwhile.txt';
    const shown = await shownUnknownField(uri);
    void client.change(uri, 2, [{ range: shown.range, text: 'Country' }]);
    assert.deepEqual(await quickFixes(uri, shown.range, [shown]), []);
    await client.diagnosticsOf(uri, 2);
  });

  it('the problem where the request is, as now checked, comes first; a shown one found again adds nothing twice', async () => {
    const uri = 'file:///workspace/unchanged.txt';
    const shown = await shownUnknownField(uri);
    const actions = await quickFixes(uri, shown.range, [shown, shown]);
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred === true]),
      [['Rename to "Country"', true]],
    );
  });
});
