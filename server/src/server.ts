import {
  type CancellationToken,
  CodeActionKind,
  createConnection,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from './core/code-actions';
import { type Analysis, CancelledError, createFragmentService } from './core/service';
import { STORY_MODEL_REQUEST, type StoryModelParams, type StoryModelResult } from './protocol';
import { ValidationScheduler } from './validation-scheduler';

// The connection picks its transport from the command line: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createFragmentService();

/** The analysis of each open document, for its latest version only. */
const analyses = new Map<string, { version: number; analysis: Analysis }>();

function analysisOf(document: TextDocument): Analysis {
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached.analysis;
  const analysis = service.analyze(document.getText(), document.uri);
  analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    // Completion opens on an empty line by itself; `*` starts a key, `:` and `,` a value or list entry.
    completionProvider: { triggerCharacters: ['*', ':', ',', ' '] },
    hoverProvider: true,
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    documentFormattingProvider: true,
  },
  serverInfo: { name: 'Outcome Fragments' },
}));

/** Publishes the diagnostics of a document's current version. */
function publishDiagnostics(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  const { diagnostics } = analysisOf(document);
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [...diagnostics] });
}

const validations = new ValidationScheduler(publishDiagnostics);

// Fired on open too.
documents.onDidChangeContent(({ document }) => validations.schedule(document.uri));
documents.onDidClose(({ document }) => {
  validations.cancel(document.uri);
  analyses.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

/** Registers a request on an open document's analysis; unknown documents get `empty`. */
function onDocument<P extends { textDocument: { uri: string } }, R>(
  register: (handler: (params: P, token: CancellationToken) => R | ResponseError<void>) => void,
  answer: (analysis: Analysis, params: P, token: CancellationToken) => R,
  empty: R,
): void {
  register((params, token) =>
    whenNotCancelled(token, () => {
      const document = documents.get(params.textDocument.uri);
      return document ? answer(analysisOf(document), params, token) : empty;
    }),
  );
}

onDocument(connection.onCodeAction, (analysis, params, token) => service.codeActions(analysis, params.range, params.context.only, token), []);
onDocument(connection.onCompletion, (analysis, params) => service.completions(analysis, params.position), []);
onDocument(connection.onHover, (analysis, params) => service.hover(analysis, params.position) ?? null, null);
onDocument(connection.onDocumentSymbol, (analysis) => service.documentSymbols(analysis), []);
onDocument(connection.onFoldingRanges, (analysis) => service.foldingRanges(analysis), []);
onDocument(connection.onDocumentFormatting, (analysis) => service.formattingEdits(analysis), []);
onDocument(
  (handler: (params: StoryModelParams, token: CancellationToken) => StoryModelResult | ResponseError<void>) =>
    connection.onRequest(STORY_MODEL_REQUEST, handler),
  (analysis) => service.storyModel(analysis),
  null,
);

/** Runs a request unless the client has cancelled it, and answers a cancellation the way LSP asks. */
function whenNotCancelled<T>(token: CancellationToken, run: () => T): T | ResponseError<void> {
  const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  if (token.isCancellationRequested) return cancelled();
  try {
    return run();
  } catch (error) {
    if (error instanceof CancelledError) return cancelled();
    throw error;
  }
}

documents.listen(connection);
connection.listen();
