// The extension as VS Code for the Web runs it: the client in the web worker extension host and
// the language server in a web worker of its own (dist/browser/). Only `vscode` APIs here.
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../../client/src/extension';
import { substantiationFields } from '../../../server/src/core/schema/default-substantiation';
import {
  applyCodeAction,
  codeActions,
  codeOf,
  EXAMPLE_ID,
  exampleUri,
  freshExampleCopy,
  nextPreviewRender,
  openFragment,
  problems,
  summary,
  until,
  waitForDiagnostics,
} from '../helpers';
import { assert, assertEqual, teardown, test } from './runner';

/** The six optional fields of substantiation (FORMAT.md §9), which a fragment lacks until it is substantiated. */
const SUBSTANTIATION_KEYS = substantiationFields.map((field) => field.key);

const EXTENSION_ID = 'outcome-fragments.outcome-fragments';

teardown(async () => {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

/**
 * A new copy of the example, opened and checked. A new name each time: its diagnostics and its
 * code actions can only come from the server's check of this document. (Reopening the example
 * itself raced with its closing by the previous test: VS Code could still show the closed
 * document's diagnostics, and a request could reach the server between the close and the
 * reopening, when the server holds no such document and answers with nothing.)
 */
async function checkedCopy(): Promise<vscode.TextEditor> {
  const editor = await openFragment(await freshExampleCopy());
  await waitForDiagnostics(editor.document.uri, (all) => problems(all).length >= 2, 'the copy’s two problems');
  return editor;
}

async function api(): Promise<OutcomeFragmentsApi> {
  const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>(EXTENSION_ID);
  assert(extension, 'the extension is installed');
  return extension.activate();
}

/** A file of the workspace folder, beside the example: the server sees it only through the client's reading of the folder. */
const inFolder = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const outsideFolder = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', '..', 'copies', name);
const encode = (text: string) => new TextEncoder().encode(text);
const readText = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const remove = (...uris: vscode.Uri[]) => Promise.all(uris.map((uri) => vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined)));
/** The example's text under another FragmentID. */
const exampleWithId = async (id: string) => (await readText(exampleUri())).replace(EXAMPLE_ID, id);

/** Waits until the Harvest view shows a summary that `check` accepts (it refreshes on the server's word while shown). */
async function harvestShown<T>(check: (summary: { files: readonly string[]; fragments: readonly unknown[] }) => T | undefined, what: string): Promise<T> {
  const { harvestTree } = await api();
  let latest: { files: readonly string[]; fragments: readonly unknown[] } | undefined;
  const seen = harvestTree.onDidRefresh((summary) => {
    latest = summary;
  });
  try {
    await vscode.commands.executeCommand('outcomeFragments.harvest.focus');
    latest = await harvestTree.refresh();
    return await until(
      () => (latest ? check(latest) : undefined),
      [harvestTree.onDidRefresh],
      what,
      () => JSON.stringify(latest?.files),
    );
  } finally {
    seen.dispose();
  }
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
  const editor = await checkedCopy();
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

test('on an empty line, completion offers Country and the fields of substantiation', async () => {
  const editor = await checkedCopy();
  await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), '\n'));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    editor.document.uri,
    new vscode.Position(3, 0),
  );
  const fields = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Field);
  assertEqual(
    fields.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)),
    ['Country', ...SUBSTANTIATION_KEYS],
    'the keys offered',
  );
});

test('the preview opens and renders the example’s merged story', async () => {
  const harvest = await api();
  await checkedCopy();
  const rendered = nextPreviewRender(harvest, (report) => report.sections > 0, 'the preview to render the example');
  await vscode.commands.executeCommand('outcomeFragments.openPreviewToSide');
  await rendered;
});

test('a closed file of the folder that shares a FragmentID makes duplicate-id, until it is deleted', async () => {
  const id = 'SCC-<redacted>/CIV801';
  const closed = inFolder('web-closed-duplicate.txt');
  const open = outsideFolder('web-open-duplicate.txt');
  try {
    await vscode.workspace.fs.writeFile(closed, encode(await exampleWithId(id)));
    await vscode.workspace.fs.writeFile(open, encode(await exampleWithId(id)));
    const editor = await openFragment(open);
    const isDuplicate = (diagnostic: vscode.Diagnostic) =>
      codeOf(diagnostic) === 'duplicate-id' && diagnostic.relatedInformation?.some((related) => related.location.uri.toString() === closed.toString()) === true;
    await waitForDiagnostics(editor.document.uri, (all) => all.some(isDuplicate), 'duplicate-id with the closed file');
    await remove(closed);
    await waitForDiagnostics(editor.document.uri, (all) => !all.some((diagnostic) => codeOf(diagnostic) === 'duplicate-id'), 'duplicate-id to go');
  } finally {
    await remove(closed, open);
  }
});

test('the folder’s .fragmentrc.json changes a check, and the check comes back when it goes', async () => {
  const config = inFolder('.fragmentrc.json');
  const file = inFolder('web-configured.txt');
  try {
    await vscode.workspace.fs.writeFile(config, encode('{ "severities": { "unknown-field": "off" } }\n'));
    await vscode.workspace.fs.writeFile(file, encode(await exampleWithId('SCC-<redacted>/CIV802')));
    const editor = await openFragment(file);
    const has = (all: vscode.Diagnostic[], code: string) => all.some((diagnostic) => codeOf(diagnostic) === code);
    await waitForDiagnostics(editor.document.uri, (all) => has(all, 'empty-field') && !has(all, 'unknown-field'), 'unknown-field turned off');
    await remove(config);
    await waitForDiagnostics(editor.document.uri, (all) => has(all, 'empty-field') && has(all, 'unknown-field'), 'unknown-field back');
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(config, file);
  }
});

test('the Harvest view counts the folder’s closed files, and follows a new one', async () => {
  const exampleFiles = ['000_88eaf67a59f4c304.txt', 'secha-digitisation-checked.fragment', 'south-sudan-mediators.fragment'].map((name) =>
    inFolder(name).toString(),
  );
  await harvestShown((shown) => (exampleFiles.every((uri) => shown.files.includes(uri)) ? true : undefined), 'the three example files');
  // No test opens these two (the example itself may linger as a document after its editor closed).
  const neverOpened = exampleFiles.slice(1);
  assert(
    neverOpened.every((uri) => !vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri)),
    'the view counts files that are not open',
  );
  const added = inFolder('web-harvest-added.fragment');
  try {
    await vscode.workspace.fs.writeFile(added, encode(await exampleWithId('SCC-<redacted>/GEN601')));
    await harvestShown((shown) => (shown.files.includes(added.toString()) ? true : undefined), 'the new file to count');
  } finally {
    await remove(added);
  }
});

test('with validate: "workspace", a closed file of the folder shows its problems, and they go with the setting', async () => {
  const closed = inFolder('south-sudan-mediators.fragment'); // no test opens it
  const settings = vscode.workspace.getConfiguration('outcomeFragments');
  try {
    await settings.update('validate', 'workspace', vscode.ConfigurationTarget.Workspace);
    const shown = await waitForDiagnostics(closed, (all) => problems(all).length > 0, 'the closed file’s problems');
    assert(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === closed.toString()), 'the file is not open');
    assert(problems(shown).length === 2, `two problems: ${JSON.stringify(summary(problems(shown)))}`);
  } finally {
    await settings.update('validate', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitForDiagnostics(closed, (all) => all.length === 0, 'the closed file’s problems to go');
});

test('Fix All in Workspace fixes a closed file of the folder', async () => {
  const folderFiles = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.joinPath(exampleUri(), '..'), '*'));
  const before = await Promise.all(folderFiles.map(async (uri) => ({ uri, bytes: await vscode.workspace.fs.readFile(uri) })));
  const closed = inFolder('web-fix-closed.txt');
  try {
    await vscode.workspace.fs.writeFile(closed, encode(await exampleWithId('SCC-<redacted>/CIV803')));
    await harvestShown((shown) => (shown.files.includes(closed.toString()) ? true : undefined), 'the server to know the closed file');
    assert(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === closed.toString()), 'the file is not open');
    await vscode.commands.executeCommand('outcomeFragments.fixAllInWorkspace');
    const line = (await readText(closed)).split(/\r?\n/)[3] ?? '';
    assert(line.startsWith('**Country**:'), `line 4 of the closed file now reads ${line}`);
  } finally {
    // The example's files were fixed too: put them back as they were.
    for (const { uri, bytes } of before) await vscode.workspace.fs.writeFile(uri, bytes);
    await remove(closed);
  }
});
