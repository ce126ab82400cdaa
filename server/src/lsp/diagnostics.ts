import * as l10n from '@vscode/l10n';
import { type Diagnostic, DiagnosticSeverity, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ServerContext } from './context';

/** Publishes the diagnostics of a file: from the editor's text when open, else from disk (workspace mode). */
export function publishDiagnostics(context: ServerContext, uri: string): void {
  const { connection, workspace, pulled } = context;
  if (!context.workspaceLoaded) return; // the workspace's load re-checks every open document
  const document = context.openDocument(uri);
  if (document && pulled) {
    // The client pulls: tell it to, when what it holds may be out of date without an edit of its own.
    context.shown.set(document.uri, context.analysisOf(document));
    pulled.refresh();
    return;
  }
  if (document) {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: context.sent(context.analysisOf(document)) });
    return;
  }
  if (context.settings.validate !== 'workspace' || !workspace.isIndexed(uri)) {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  // Checked when it was indexed: only its duplicate-id is made again, now that every file's IDs are known.
  const kept = workspace.diagnosticsOnDisk(uri);
  if (kept) {
    void connection.sendDiagnostics({ uri, diagnostics: [...kept] });
    return;
  }
  const text = workspace.readText(uri);
  void connection.sendDiagnostics({ uri, diagnostics: text === undefined ? [] : [...context.analyzeText(uri, text, false).diagnostics] });
}

/** Schedules every shown file: the open documents, and in workspace mode the harvest's files. */
export function revalidateAll(context: ServerContext): void {
  const { workspace } = context;
  // By key: a file on disk that is open is checked once, as the client named it.
  const uris = new Map(context.documents.all().map((document) => [workspace.keyOf(document.uri), document.uri]));
  if (context.settings.validate === 'workspace') {
    for (const file of workspace.fragmentFiles()) if (!uris.has(workspace.keyOf(file.uri))) uris.set(workspace.keyOf(file.uri), file.uri);
  }
  for (const uri of uris.values()) context.validations.schedule(uri);
}

/** A broken `.fragmentrc.json` is reported on the file itself; the default schema stays in force. */
export function publishConfigProblems(context: ServerContext): void {
  for (const { uri, problems } of context.workspace.configProblems()) {
    const diagnostics: Diagnostic[] = problems.map((problem) => ({
      range: problem.range,
      severity: DiagnosticSeverity.Error,
      source: 'fragment',
      code: 'invalid-config',
      message: l10n.t('{0} (the default schema stays in force until this is fixed)', problem.message),
    }));
    void context.connection.sendDiagnostics({ uri, diagnostics });
  }
}

/** `textDocument/diagnostic`: an open document's diagnostics, for a client that pulls them (VS Code). */
export function registerPulledDiagnostics(context: ServerContext): void {
  context.connection.languages.diagnostics.on(async (params, token) => {
    await context.firstLoad; // no results from before the settings and configuration files are read
    const uri = params.textDocument.uri;
    const document = context.documents.get(uri);
    const { pulled } = context;
    if (!document || !pulled) return { kind: 'full', items: [] }; // a closed file's are pushed (workspace mode)
    // A cancelled pull is one the client no longer wants (a newer version's replaces it): it need not ask again.
    const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled', { retriggerRequest: false });
    if (token.isCancellationRequested) return cancelled();
    const analysis = context.settings.run === 'onType' ? context.analysisOf(document) : (context.shown.get(uri) ?? context.analysisOf(document));
    context.shown.set(uri, analysis);
    return pulled.report(uri, analysis.diagnosticsJsonPieces, () => context.sent(analysis), params.previousResultId);
  });
}
