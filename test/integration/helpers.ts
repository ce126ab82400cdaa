// Helpers for tests that drive the real extension through the public vscode API.
// Waiting is always on events (with a timeout that explains itself), never on sleeps.
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../client/src/extension';
import type { PreviewRenderReport } from '../../client/src/preview/story-preview';

/** The shared example fragment; the launchers open a throwaway copy of example/ as the workspace. */
export const EXAMPLE_FILE = '000_88eaf67a59f4c304.txt';

/** Generous: the first wait includes activating the extension and starting the language server. */
const WAIT_MS = 45_000;

export function exampleUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('No workspace folder is open: launch the suite with a copy of example/ as the folder');
  return vscode.Uri.joinPath(folder.uri, EXAMPLE_FILE);
}

/**
 * Resolves with the first value `check` returns (other than undefined), checking now and
 * after each of `events`; rejects after the timeout with `what` and the last state seen.
 */
export function until<T>(
  check: () => T | undefined,
  events: vscode.Event<unknown>[],
  what: string,
  describeState: () => string,
  timeoutMs = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = () => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}. Now: ${describeState()}`));
    }, timeoutMs);
    const attempt = () => {
      const value = check();
      if (value === undefined) return;
      finish();
      resolve(value);
    };
    for (const event of events) subscriptions.push(event(attempt));
    attempt();
  });
}

/** Resolves with the first render the preview's webview reports that satisfies `matches`. */
export function nextPreviewRender(api: OutcomeFragmentsApi, matches: (report: PreviewRenderReport) => boolean, what: string): Promise<PreviewRenderReport> {
  return nextReport(api.onDidRenderPreview, matches, what);
}

/** Resolves with the first report of `reports` (a webview's render) that satisfies `matches`; a timeout shows the last one. */
export function nextReport<Report extends { readonly text: string }>(
  reports: vscode.Event<Report>,
  matches: (report: Report) => boolean,
  what: string,
): Promise<Report> {
  let latest: Report | undefined;
  const seen = new vscode.EventEmitter<void>();
  const subscription = reports((report) => {
    latest = report;
    seen.fire();
  });
  return until(
    () => (latest && matches(latest) ? latest : undefined),
    [seen.event],
    what,
    () => JSON.stringify({ ...latest, text: latest?.text.slice(0, 200) }),
  ).finally(() => {
    subscription.dispose();
    seen.dispose();
  });
}

/** Waits until the diagnostics of `uri` satisfy `predicate`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  return until(
    () => (predicate(current()) ? current() : undefined),
    [vscode.languages.onDidChangeDiagnostics],
    `${what} on ${uri.path}`,
    () => JSON.stringify(current().map(describeDiagnostic)),
  );
}

/** Opens a file and waits until it is a `fragment` document (the client may switch a .txt after opening). */
export async function openFragment(uri: vscode.Uri): Promise<vscode.TextEditor> {
  await vscode.workspace.openTextDocument(uri);
  const find = () => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  const document = await until(
    () => (find()?.languageId === 'fragment' ? find() : undefined),
    [vscode.workspace.onDidOpenTextDocument],
    `${uri.path} to have language "fragment"`,
    () => `language "${find()?.languageId}"`,
  );
  return vscode.window.showTextDocument(document);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** What the writer must act on: the extension's warnings and errors (hints and information left out). */
export function problems(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.source === 'fragment' && diagnostic.severity <= vscode.DiagnosticSeverity.Warning);
}

/** `code@line` (0-based) in document order, for compact assertions. */
export function summary(diagnostics: vscode.Diagnostic[]): string[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line).map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line}`);
}

function describeDiagnostic(diagnostic: vscode.Diagnostic) {
  return {
    source: diagnostic.source,
    code: codeOf(diagnostic),
    severity: vscode.DiagnosticSeverity[diagnostic.severity],
    line: diagnostic.range.start.line,
    message: diagnostic.message,
  };
}

/**
 * Asks every provider for code actions, as Ctrl+. does, resolving their edits as the editor would
 * before applying, and keeps those of `kind`. Not VS Code's kind filter: a request that leaves out
 * a provider of the document (VS Code's own Surround With snippets offer no quick fix) is
 * cancelled, and answered with nothing, whenever any extension registers a code action provider
 * meanwhile, for any language (issue 24: JSON's, as the window starts, once in about 70 runs).
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const resolveUpTo = 50;
  // Source actions (fix all) come only when asked for by kind, as from the editor's Source Action… menu.
  const only = vscode.CodeActionKind.Source.contains(kind) ? kind.value : undefined;
  const all = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', uri, range, only, resolveUpTo)) ?? [];
  return all.filter((action) => action.kind !== undefined && kind.contains(action.kind));
}

/** Applies a code action the way the editor does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  // applyEdit reports an edit without text changes (a fix-all with nothing left to fix) as not applied.
  const changesText = action.edit?.entries().some(([, edits]) => edits.length > 0) ?? false;
  if (action.edit && changesText && !(await vscode.workspace.applyEdit(action.edit))) {
    throw new Error(`The edit of "${action.title}" was not applied`);
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, document.lineCount, 0);
}

/** Drops unsaved edits and closes the editor. */
export async function revertAndClose(): Promise<void> {
  if (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/**
 * How many copies the run has made: on `globalThis`, because each test file is a bundle of its
 * own with its own copy of this module, and two files' `copy-1.txt` would be one file.
 */
const counter = globalThis as { outcomeFragmentsCopies?: number };
const nextCopy = () => {
  counter.outcomeFragmentsCopies = (counter.outcomeFragmentsCopies ?? 0) + 1;
  return counter.outcomeFragmentsCopies;
};
/**
 * Beside the workspace folder, not in it: a copy inside would share its FragmentID with the
 * example (duplicate-id). The launcher removes the folder around the workspace after the run.
 */
const copiesFolder = () => vscode.Uri.joinPath(exampleUri(), '..', '..', 'copies');

/**
 * A new copy of the example, under a name and a FragmentID no test used before: its diagnostics
 * can only come from the server's check of this copy, never from a document an earlier test
 * closed (VS Code may keep a closed document, and its diagnostics, for a while), and it shares
 * its FragmentID with no other file (which would be a duplicate-id).
 */
export async function freshExampleCopy(extension = 'txt'): Promise<vscode.Uri> {
  const number = nextCopy();
  const copy = vscode.Uri.joinPath(copiesFolder(), `copy-${number}.${extension}`);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
  await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(text.replace(EXAMPLE_ID, `SCC-<redacted>/CIV${900 + number}`)));
  return copy;
}

/** The FragmentID of the example; each copy gets one of the same form and length, `SCC-<redacted>/CIV9nn`. */
export const EXAMPLE_ID = 'SCC-<redacted>/CIV021';
export const COPY_ID = /^SCC-<redacted>\/CIV9\d\d$/;
