import * as l10n from '@vscode/l10n';
import {
  type CancellationToken,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  type InitializeParams,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { FIX_ALL_KIND } from '../core/features/code-actions';
import { useDisplayLanguage } from '../core/l10n/display-language';
import { fragmentIds } from '../core/rules/duplicate-id';
import type { DiagnosticCode } from '../core/rules/rule';
import type { SeveritySetting } from '../core/schema/config';
import { type Analysis, CancelledError, type ChunkedSource, DEFAULT_MAX_SIZE } from '../core/service';
import { chunkCutter } from '../core/text/chunks';
import {
  FIX_ALL_EDITS_REQUEST,
  type FixAllEditsParams,
  HARVEST_CHANGED_NOTIFICATION,
  HARVEST_SUMMARY_REQUEST,
  type HarvestSummaryResult,
  STORY_MODEL_REQUEST,
  type StoryModelParams,
  type StoryModelResult,
  WORKSPACE_FILES_REQUEST,
} from '../protocol';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { EncodedJson } from './encoded-json';
import { FragmentDocument } from './fragment-document';
import { PulledDiagnostics } from './pull-diagnostics';
import { ValidationScheduler } from './validation-scheduler';

/**
 * The language server's wiring, the same in every runtime: one short handler per request over
 * the core. Each runtime's main (server/src/node/main.ts, server/src/browser/main.ts) makes the
 * connection and the workspace (what the server can read besides the open documents), adds its
 * own requests, and starts listening.
 */
export function startServer(connection: Connection, workspace: FragmentWorkspace, options: { encodedJson?: boolean } = {}): void {
  const documents = new TextDocuments(FragmentDocument.configuration);
  /** The open documents by key: a request or a file event may spell a document's URI otherwise than the client opened it. */
  const openByKey = new Map<string, FragmentDocument>();
  const openDocument = (uri: string) => documents.get(uri) ?? openByKey.get(workspace.keyOf(uri));
  let settings: Settings = { validate: 'openFiles', severities: {}, maxFileSize: DEFAULT_MAX_SIZE, run: 'onType', qualityHints: 'on' };
  /** The client's command that saves a file, named in its initialization options (VS Code's extension has one). */
  let saveCommand: string | undefined;
  /** Whether the client can create a file from a workspace edit: where a dismissal creates `.fragmentrc.json`. */
  let clientCreatesFiles = false;
  /** Whether the client reads the folders for a server that cannot (READ_FOLDERS_REQUEST: VS Code for the Web's client). */
  let clientReadsFolders = false;
  let workspaceFolders: WorkspaceFolder[] = [];
  let clientHasConfiguration = false;
  /** Set when the client pulls the open documents' diagnostics; the rest (closed files, configurations) is still pushed. */
  let pulled: PulledDiagnostics | undefined;
  /** With `run: onSave`, what a pull answers: the analysis of the version last opened or saved. */
  const shown = new Map<string, Analysis>();
  /** Nothing is published before the settings and configuration files are read: no flash of default results. */
  let workspaceLoaded = false;
  let markLoaded: () => void = () => {};
  /** Settles when the workspace is first indexed: the harvest summary waits for it. */
  const firstLoad = new Promise<void>((resolve) => {
    markLoaded = resolve;
  });

  /** The analysis of each open document, for its latest version and the workspace as it is. */
  const analyses = new Map<string, { version: number; generation: number; analysis: Analysis }>();

  function analysisOf(document: FragmentDocument): Analysis {
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === workspace.generation) return cached.analysis;
    const service = workspace.serviceFor(document.uri);
    const analysis = analyzeText(document.uri, document.source(chunkCutter(service.index)), true);
    // Another file's duplicate-id depends on the IDs this one holds; its own check does not.
    const changedIds = workspace.indexIds(document.uri, analysis.ids);
    for (const other of workspace.filesWithIds(changedIds, document.uri)) validations.schedule(other);
    workspace.recordAnalysis(document.uri, analysis);
    analyses.set(document.uri, { version: document.version, generation: workspace.generation, analysis });
    return analysis;
  }

  /** Checks a text; `remember` for an open document, whose next check reuses this one's chunks. */
  function analyzeText(uri: string, text: string | ChunkedSource, remember: boolean): Analysis {
    return workspace.serviceFor(uri).analyze(text, uri, { idLocationsElsewhere: workspace.idLocationsElsewhere(uri), remember });
  }

  connection.onInitialize((params: InitializeParams) => {
    // VS Code hands over its display language's bundle; other editors say their locale.
    useDisplayLanguage({ locale: params.locale, bundle: (params.initializationOptions as { l10nBundle?: unknown } | undefined)?.l10nBundle });
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    const editCapabilities = params.capabilities.workspace?.workspaceEdit;
    clientCreatesFiles = editCapabilities?.documentChanges === true && editCapabilities.resourceOperations?.includes('create') === true;
    const options = params.initializationOptions as { saveCommand?: unknown; readsFolders?: unknown } | undefined;
    saveCommand = typeof options?.saveCommand === 'string' ? options.saveCommand : undefined;
    clientReadsFolders = options?.readsFolders === true;
    workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    pulled = PulledDiagnostics.supportedBy(params.capabilities) ? new PulledDiagnostics(connection) : undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        // Completion opens on an empty line by itself; `*` starts a key, `:` and `,` a value or list entry.
        completionProvider: { triggerCharacters: ['*', ':', ',', ' '] },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        ...(pulled ? { diagnosticProvider: PulledDiagnostics.capability } : {}),
      },
      serverInfo: { name: 'Outcome Fragments' },
    };
  });

  connection.onInitialized(async () => {
    if (clientHasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'outcomeFragments' });
    await reloadWorkspace();
  });

  /**
   * Loads run one after the other, and a change that comes during one queues one more (never
   * two): an older reading of the settings or folders must never finish last.
   */
  let loads: Promise<void> = Promise.resolve();
  let loadQueued = false;
  function reloadWorkspace(): Promise<void> {
    if (loadQueued) return loads;
    loadQueued = true;
    loads = loads.then(() => {
      loadQueued = false;
      return loadWorkspace().catch((error: unknown) => connection.console.error(`Loading the workspace failed: ${(error as Error).message}`));
    });
    return loads;
  }

  /** (Re)reads the settings, the folders' configurations and the index, then re-checks everything shown. */
  async function loadWorkspace(): Promise<void> {
    // Closed files shown in workspace mode are checked again after: cleared if no longer shown.
    const shownBefore = settings.validate === 'workspace' ? workspace.fragmentFiles() : [];
    const folderSettings = await Promise.all(
      workspaceFolders.map(async (folder) => ({
        uri: folder.uri,
        settings: { exclude: (await configuration<Record<string, boolean>>('files.exclude', folder.uri)) ?? {} },
      })),
    );
    const ours = await configuration<Partial<Settings>>('outcomeFragments');
    settings = {
      validate: ours?.validate === 'workspace' ? 'workspace' : 'openFiles',
      severities: ours?.severities ?? {},
      maxFileSize: typeof ours?.maxFileSize === 'number' && ours.maxFileSize > 0 ? ours.maxFileSize : DEFAULT_MAX_SIZE,
      run: ours?.run === 'onSave' ? 'onSave' : 'onType',
      qualityHints: ours?.qualityHints === 'off' ? 'off' : 'on',
    };
    workspace.setSettings(settings.severities, settings.maxFileSize, settings.qualityHints === 'on');
    if (clientReadsFolders && folderSettings.length > 0) await workspace.loadFolders(folderSettings, settings.maxFileSize);
    workspace.setFolders(folderSettings);
    for (const document of documents.all()) {
      const service = workspace.serviceFor(document.uri);
      workspace.indexIds(document.uri, fragmentIds(service.parse(document.getText()), service.index));
    }
    workspaceLoaded = true;
    markLoaded();
    publishConfigProblems();
    for (const file of shownBefore) validations.schedule(file.uri);
    revalidateAll();
  }

  async function configuration<T>(section: string, scopeUri?: string): Promise<T | undefined> {
    if (!clientHasConfiguration) return undefined;
    return (await connection.workspace.getConfiguration(scopeUri ? { section, scopeUri } : { section })) as T | undefined;
  }

  connection.onDidChangeConfiguration(() => void reloadWorkspace());

  /** Publishes the diagnostics of a file: from the editor's text when open, else from disk (workspace mode). */
  function publishDiagnostics(uri: string): void {
    if (!workspaceLoaded) return; // loadWorkspace re-checks every open document
    const document = openDocument(uri);
    if (document && pulled) {
      // The client pulls: tell it to, when what it holds may be out of date without an edit of its own.
      shown.set(document.uri, analysisOf(document));
      pulled.refresh();
      return;
    }
    if (document) {
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: sent(analysisOf(document)) });
      return;
    }
    if (settings.validate !== 'workspace' || !workspace.isIndexed(uri)) {
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
    void connection.sendDiagnostics({ uri, diagnostics: text === undefined ? [] : [...analyzeText(uri, text, false).diagnostics] });
  }

  /** An open document's diagnostics as sent: their JSON made already, where the transport writes it as it is. */
  function sent(analysis: Analysis): Diagnostic[] {
    if (!options.encodedJson) return [...analysis.diagnostics];
    return new EncodedJson(analysis.diagnosticsJson, () => analysis.diagnostics) as unknown as Diagnostic[];
  }

  const validations = new ValidationScheduler(publishDiagnostics);
  /** A pulling client asks for an edited document's diagnostics itself; checking it soon still keeps the ID index current. */
  const indexing = new ValidationScheduler((uri) => {
    const document = openDocument(uri);
    if (document && workspaceLoaded) analysisOf(document);
  });

  connection.languages.diagnostics.on(async (params, token) => {
    await firstLoad; // no results from before the settings and configuration files are read
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document || !pulled) return { kind: 'full', items: [] }; // a closed file's are pushed (workspace mode)
    // A cancelled pull is one the client no longer wants (a newer version's replaces it): it need not ask again.
    const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled', { retriggerRequest: false });
    if (token.isCancellationRequested) return cancelled();
    const analysis = settings.run === 'onType' ? analysisOf(document) : (shown.get(uri) ?? analysisOf(document));
    shown.set(uri, analysis);
    return pulled.report(uri, analysis.diagnosticsJsonPieces, () => sent(analysis), params.previousResultId);
  });

  function revalidateAll(): void {
    // By key: a file on disk that is open is checked once, as the client named it.
    const uris = new Map(documents.all().map((document) => [workspace.keyOf(document.uri), document.uri]));
    if (settings.validate === 'workspace')
      for (const file of workspace.fragmentFiles()) if (!uris.has(workspace.keyOf(file.uri))) uris.set(workspace.keyOf(file.uri), file.uri);
    for (const uri of uris.values()) validations.schedule(uri);
  }

  /** A broken `.fragmentrc.json` is reported on the file itself; the default schema stays in force. */
  function publishConfigProblems(): void {
    for (const { uri, problems } of workspace.configProblems()) {
      const diagnostics: Diagnostic[] = problems.map((problem) => ({
        range: problem.range,
        severity: DiagnosticSeverity.Error,
        source: 'fragment',
        code: 'invalid-config',
        message: l10n.t('{0} (the default schema stays in force until this is fixed)', problem.message),
      }));
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  // Fired on open too. With `run: onSave`, a file is checked when opened and when saved.
  documents.onDidChangeContent(({ document }) => {
    if (pulled) indexing.schedule(document.uri);
    else if (settings.run === 'onType') validations.schedule(document.uri);
  });
  documents.onDidOpen(({ document }) => {
    openByKey.set(workspace.keyOf(document.uri), document);
    // What was pushed for the file from disk gives way to what the client pulls.
    if (pulled && settings.validate === 'workspace') void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (settings.run === 'onSave' && !pulled) validations.schedule(document.uri);
  });
  documents.onDidSave(({ document }) => validations.schedule(document.uri));
  documents.onDidClose(({ document }) => {
    if (openByKey.get(workspace.keyOf(document.uri)) === document) openByKey.delete(workspace.keyOf(document.uri));
    analyses.delete(document.uri);
    shown.delete(document.uri);
    pulled?.forget(document.uri);
    indexing.cancel(document.uri);
    workspace.serviceFor(document.uri).forget(document.uri);
    // Back to what the disk says: for the index, and for its diagnostics in workspace mode.
    const changedIds = workspace.isIndexed(document.uri) ? workspace.indexFromDisk(document.uri) : workspace.forget(document.uri);
    validations.schedule(document.uri);
    for (const other of workspace.filesWithIds(changedIds, document.uri)) validations.schedule(other);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const change of changes) {
      if (workspace.isConfigFile(change.uri)) {
        workspace.reloadConfig(change.uri);
        configChanged = true;
        continue;
      }
      if (openDocument(change.uri)) continue; // the editor's text wins over the disk
      const changedIds = change.type === FileChangeType.Deleted ? workspace.forget(change.uri) : workspace.indexFromDisk(change.uri);
      validations.schedule(change.uri);
      for (const other of workspace.filesWithIds(changedIds, change.uri)) validations.schedule(other);
    }
    if (configChanged) {
      publishConfigProblems();
      revalidateAll();
    }
  });

  /** Registers a request on an open document's analysis; unknown documents get `empty`. */
  function onDocument<P extends { textDocument: { uri: string } }, R>(
    register: (handler: (params: P, token: CancellationToken) => R | ResponseError<void>) => void,
    answer: (analysis: Analysis, params: P, token: CancellationToken) => R,
    empty: R,
  ): void {
    register((params, token) =>
      whenNotCancelled(token, () => {
        const document = openDocument(params.textDocument.uri);
        return document ? answer(analysisOf(document), params, token) : empty;
      }),
    );
  }

  const service = (analysis: Analysis) => workspace.serviceFor(analysis.context.uri);

  onDocument(
    connection.onCodeAction,
    (analysis, params, token) => service(analysis).codeActions(analysis, params.range, params.context.only, token, () => dismissalTarget(analysis.context.uri)),
    [],
  );

  /** Where a dismissed quality hint is recorded: the folder's `.fragmentrc.json`, if the client can write it there. */
  function dismissalTarget(uri: string) {
    const target = workspace.dismissalTargetFor(uri);
    if (!target || (target.text === undefined && !clientCreatesFiles)) return undefined;
    return saveCommand ? { ...target, saveCommand } : target;
  }
  onDocument(connection.onCompletion, (analysis, params) => service(analysis).completions(analysis, params.position), []);
  onDocument(connection.onHover, (analysis, params) => service(analysis).hover(analysis, params.position) ?? null, null);
  onDocument(connection.onDocumentSymbol, (analysis) => service(analysis).documentSymbols(analysis), []);
  onDocument(connection.onFoldingRanges, (analysis) => service(analysis).foldingRanges(analysis), []);
  onDocument(connection.onDocumentFormatting, (analysis) => service(analysis).formattingEdits(analysis), []);
  onDocument(
    (handler: (params: StoryModelParams, token: CancellationToken) => StoryModelResult | ResponseError<void>) =>
      connection.onRequest(STORY_MODEL_REQUEST, handler),
    (analysis) => service(analysis).storyModel(analysis),
    null,
  );

  // "Fix all fragments in workspace": the client asks for the files, then for each file's edits.
  connection.onRequest(WORKSPACE_FILES_REQUEST, () => workspace.fragmentFiles().map((file) => file.uri));
  connection.onRequest(FIX_ALL_EDITS_REQUEST, (params: FixAllEditsParams, token) =>
    whenNotCancelled(token, () => {
      const uri = params.textDocument.uri;
      // An open document's edits are made from its text, unsaved changes and all, however the request spells its URI.
      const text = openDocument(uri)?.getText() ?? workspace.readText(uri);
      return text === undefined ? [] : workspace.serviceFor(uri).fixAllEdits(text, uri, token);
    }),
  );

  // The Harvest view and the dashboard: the summary of the index, and a word when it changed (at most every 300 ms).
  connection.onRequest(HARVEST_SUMMARY_REQUEST, async (): Promise<HarvestSummaryResult> => {
    await firstLoad;
    return workspace.harvestSummary();
  });
  let harvestChangeTimer: ReturnType<typeof setTimeout> | undefined;
  workspace.onHarvestChange = () => {
    if (harvestChangeTimer !== undefined) return;
    harvestChangeTimer = setTimeout(() => {
      harvestChangeTimer = undefined;
      void connection.sendNotification(HARVEST_CHANGED_NOTIFICATION);
    }, 300);
  };

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
}

/** The editor's settings of ours (`outcomeFragments.*`). */
interface Settings {
  validate: 'openFiles' | 'workspace';
  severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Bytes (characters) above which a file is not checked. */
  maxFileSize: number;
  /** When an open file's diagnostics are published: as it is typed, or when it is saved. */
  run: 'onType' | 'onSave';
  /** The quality hints of FORMAT.md §7. */
  qualityHints: 'on' | 'off';
}
