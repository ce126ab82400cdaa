// Writing in a real VS Code: completion, hover, the outline and formatting, as a writer gets them.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { substantiationFields } from '../../server/src/core/schema/default-substantiation';
import { COPY_ID, codeOf, freshExampleCopy, openFragment, revertAndClose, waitForDiagnostics } from './helpers';

/** The six optional fields of substantiation (FORMAT.md §9), which a fragment lacks until it is substantiated. */
const SUBSTANTIATION_KEYS = substantiationFields.map((field) => field.key);

/** Opens a fresh copy of the example once the server has checked it. */
async function openChecked(): Promise<vscode.TextEditor> {
  const editor = await openFragment(await freshExampleCopy());
  await waitForDiagnostics(editor.document.uri, (all) => all.some((d) => codeOf(d) === 'unknown-field'));
  return editor;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');

suite('Writing features', () => {
  teardown(revertAndClose);

  test('on an empty line, completion offers exactly the keys the fragment lacks', async () => {
    const editor = await openChecked();
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), '\n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(3, 0),
    );
    const fields = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Field);
    // The example lacks Country, and the six optional fields of substantiation (FORMAT.md §9).
    assert.deepEqual(fields.map(labelOf), ['Country', ...SUBSTANTIATION_KEYS]);
  });

  test('after **Rating significance**: completion offers low, medium, high', async () => {
    const editor = await openChecked();
    const line = editor.document.lineAt(8);
    await editor.edit((edit) => edit.replace(line.range, '**Rating significance**: '));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(8, '**Rating significance**: '.length),
    );
    assert.deepEqual(list.items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember).map(labelOf), ['low', 'medium', 'high']);
  });

  test('hover explains every key of the example', async () => {
    const editor = await openChecked();
    for (let line = 0; line < editor.document.lineCount; line++) {
      const text = editor.document.lineAt(line).text;
      if (!text.startsWith('**')) continue;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 3));
      assert.ok(hoverText(hovers).length > 40, `hover on line ${line + 1}: ${text.slice(0, 30)}`);
    }
    const description = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(5, 4));
    assert.match(hoverText(description), /Who changed what, when and where/);
  });

  test('the outline shows one fragment with 23 fields', async () => {
    const editor = await openChecked();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.equal(symbols.length, 1);
    assert.match(symbols[0]?.name ?? '', COPY_ID);
    assert.equal(symbols[0]?.children.length, 23);
  });

  test('formatting changes only the two **Key **: lines, and twice is once', async () => {
    const editor = await openChecked();
    const before = editor.document.getText().split('\n');
    const format = async () => {
      const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, {
        tabSize: 2,
        insertSpaces: true,
      });
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.set(editor.document.uri, edits ?? []);
      if ((edits ?? []).length > 0) assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
      return edits ?? [];
    };
    await format();
    const after = editor.document.getText().split('\n');
    const changed = after.map((line, index) => (line === before[index] ? -1 : index + 1)).filter((line) => line > 0);
    assert.deepEqual(changed, [8, 18]);
    assert.equal(after[7]?.startsWith('**Additional information (use if needed)**: After'), true);
    assert.deepEqual(await format(), [], 'formatting a formatted file changes nothing');
  });
});
