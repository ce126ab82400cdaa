// The extension as VS Code for the Web runs it: the client in the web worker extension host and
// the language server in a web worker of its own (dist/browser/). Only `vscode` APIs here.
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../../client/src/extension';
import { applyCodeAction, codeActions, codeOf, exampleUri, openFragment, problems, summary, until, waitForDiagnostics } from '../helpers';
import { assert, assertEqual, teardown, test } from './runner';

const EXTENSION_ID = 'outcome-fragments.outcome-fragments';

teardown(async () => {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

async function checkedExample(): Promise<vscode.TextEditor> {
  const editor = await openFragment(exampleUri());
  await waitForDiagnostics(editor.document.uri, (all) => problems(all).length >= 2, 'the example’s two problems');
  return editor;
}

test('the extension runs in the web worker extension host (its browser entry)', async () => {
  const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>(EXTENSION_ID);
  assert(extension, 'the extension is installed');
  await extension.activate();
  assertEqual(extension.extensionKind, vscode.ExtensionKind.UI, 'the extension kind (UI: the web worker host)');
  assert('importScripts' in globalThis, 'the suite and the extension run in a web worker');
});

test('the example shows its two problems: unknown-field on line 4, empty-field on line 16', async () => {
  const editor = await openFragment(exampleUri());
  const found = await waitForDiagnostics(editor.document.uri, (all) => problems(all).length >= 2, 'the example’s two problems');
  assertEqual(summary(problems(found)), ['unknown-field@3', 'empty-field@15'], 'the problems');
});

test('the preferred quick fix renames coutnry to Country', async () => {
  const editor = await checkedExample();
  const unknownField = vscode.languages.getDiagnostics(editor.document.uri).find((diagnostic) => codeOf(diagnostic) === 'unknown-field');
  assert(unknownField, 'the unknown-field problem');
  const preferred = (await codeActions(editor.document.uri, unknownField.range, vscode.CodeActionKind.QuickFix)).filter((action) => action.isPreferred);
  assertEqual(
    preferred.map((action) => action.title),
    ['Rename to "Country"'],
    'the preferred quick fix',
  );
  const [fix] = preferred;
  assert(fix, 'a preferred fix');
  await applyCodeAction(fix);
  assert(editor.document.lineAt(3).text.startsWith('**Country**:'), `line 4 now reads ${editor.document.lineAt(3).text}`);
  await waitForDiagnostics(editor.document.uri, (all) => !all.some((diagnostic) => codeOf(diagnostic) === 'unknown-field'), 'unknown-field to go');
});

test('on an empty line, completion offers Country', async () => {
  const editor = await checkedExample();
  await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), '\n'));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    editor.document.uri,
    new vscode.Position(3, 0),
  );
  const fields = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Field);
  assertEqual(
    fields.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)),
    ['Country'],
    'the keys offered',
  );
});

test('the preview opens and renders the example’s merged story', async () => {
  const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>(EXTENSION_ID);
  assert(extension, 'the extension is installed');
  const api = await extension.activate();
  await checkedExample();
  let sections = 0;
  const rendered = new vscode.EventEmitter<void>();
  const subscription = api.onDidRenderPreview((report) => {
    sections = report.sections;
    rendered.fire();
  });
  try {
    await vscode.commands.executeCommand('outcomeFragments.openPreviewToSide');
    await until(
      () => (sections > 0 ? sections : undefined),
      [rendered.event],
      'the preview to render the example',
      () => `${sections} sections`,
    );
  } finally {
    subscription.dispose();
    rendered.dispose();
  }
});
