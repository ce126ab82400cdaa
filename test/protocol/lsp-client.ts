import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMessageConnection,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  type Diagnostic,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

/**
 * How the client gets diagnostics: pushed by the server (Neovim 0.7, eglot), or pulled with
 * `textDocument/diagnostic` after each change and when the server asks (VS Code).
 */
export type DiagnosticsMode = 'push' | 'pull';

export const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

/** A file's URI as VS Code writes it (`vscode-uri`: `M%26E%20harvest%20%282024%29`, `file:///c%3A/` on Windows). */
export function fileUri(path: string): string {
  return URI.file(path).toString();
}

/** How a test reaches its server: the server's process and the two ends of its messages. */
export interface ServerTransport {
  readonly process: ChildProcess;
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
}

/** The server as editors start it: `node dist/server.js --stdio`. */
export function stdioTransport(): ServerTransport {
  // FRAGMENT_SERVER_PATH runs another build of the server (the benchmark's production bundle).
  const server = process.env.FRAGMENT_SERVER_PATH ?? serverPath;
  if (!existsSync(server)) throw new Error(`${server} is missing: run "npm run build" first`);
  // FRAGMENT_SERVER_NODE_ARGS passes Node options to the server, e.g. "--cpu-prof" to profile it.
  const nodeArgs = process.env.FRAGMENT_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: 'pipe' });
  return { process: child, reader: new StreamMessageReader(child.stdout), writer: new StreamMessageWriter(child.stdin) };
}

/**
 * A minimal LSP client over stdio for tests: it starts `node dist/server.js --stdio` as an
 * editor would and lets a test wait for the diagnostics of a given document version.
 */
export class TestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<{ matches: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  readonly stderr: string[] = [];

  private constructor(
    readonly mode: DiagnosticsMode,
    transport: ServerTransport,
  ) {
    this.process = transport.process;
    this.process.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(transport.reader, transport.writer);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.received(params));
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      for (const uri of this.opened) this.pull(uri);
    });
    this.connection.listen();
  }

  private received(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    for (const waiter of [...this.waiters]) {
      if (waiter.matches(params)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  }

  /** How many times the server asked to pull again (`workspace/diagnostic/refresh`). */
  refreshes = 0;

  /** The version each open document is at, and what was last pulled for it (its result ID and diagnostics). */
  private readonly versions = new Map<string, number>();
  private readonly lastPulled = new Map<string, { resultId: string | undefined; diagnostics: Diagnostic[] }>();
  /** Pulls that failed: a test's wait would never end, so they are kept to be reported. */
  readonly pullErrors: unknown[] = [];

  /**
   * Pulls a document's diagnostics as an editor does, and records them as if they had been
   * published for the version the document is at: the waits below serve both modes.
   */
  private pull(uri: string): void {
    const version = this.versions.get(uri);
    const previous = this.lastPulled.get(uri);
    this.connection
      .sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri },
        ...(previous?.resultId !== undefined ? { previousResultId: previous.resultId } : {}),
      })
      .then((report) => {
        const diagnostics = report.kind === 'full' ? report.items : (previous?.diagnostics ?? []);
        this.lastPulled.set(uri, { resultId: report.resultId, diagnostics });
        this.received({ uri, ...(version !== undefined ? { version } : {}), diagnostics });
      })
      .catch((error: unknown) => this.pullErrors.push(error));
  }

  /** Sends an edit (and pulls its diagnostics in pull mode). */
  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    if (this.mode === 'pull') this.pull(uri);
  }

  /**
   * Starts the server. With `settings`, the client also answers `workspace/configuration` with
   * them (by section), as an editor answers with the user's settings.
   */
  static async start(
    options: {
      folder?: string;
      settings?: Record<string, unknown>;
      locale?: string;
      initializationOptions?: unknown;
      diagnostics?: DiagnosticsMode;
      /** Another way to the server than stdio (a socket to Windows Node), and `processId` for it. */
      transport?: () => Promise<ServerTransport>;
      processId?: number | null;
      /** The folder's URI as the editor writes it, instead of one made from `folder`. */
      folderUri?: string;
    } = {},
  ): Promise<{ client: TestClient; initialize: InitializeResult }> {
    // Settings are answered (`workspace/configuration`) whenever they are given, with or without a folder.
    const mode = options.diagnostics ?? 'push';
    const client = new TestClient(mode, options.transport === undefined ? stdioTransport() : await options.transport());
    client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => options.settings?.[item.section ?? ''] ?? null));
    client.connection.onRequest(RegistrationRequest.type, () => undefined);
    const folderUri = options.folderUri ?? (options.folder === undefined ? null : fileUri(options.folder));
    const initialize = await client.connection.sendRequest(InitializeRequest.type, {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: folderUri,
      workspaceFolders: folderUri === null ? null : [{ uri: folderUri, name: 'harvest' }],
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          ...(mode === 'pull' ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
        workspace: {
          configuration: options.settings !== undefined,
          workspaceFolders: folderUri !== null,
          ...(mode === 'pull' ? { diagnostics: { refreshSupport: true } } : {}),
        },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, initialize };
  }

  /** The server's process ID (the benchmark reads its CPU time). */
  get serverPid(): number | undefined {
    return this.process.pid;
  }

  /** How many publications have arrived: pass it as `since` to wait only for later ones. */
  get publishedCount(): number {
    return this.published.length;
  }

  /** Resolves with the first diagnostics published (already, or after `since`, or from now on) that satisfy `matches`. */
  diagnostics(matches: (params: PublishDiagnosticsParams) => boolean, since = 0): Promise<PublishDiagnosticsParams> {
    const already = this.published.slice(since).find(matches);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  /** Diagnostics published for one version of one document. */
  diagnosticsOf(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics((params) => params.uri === uri && params.version === version).then((params) => params.diagnostics);
  }

  /** The publications for `uri` that arrived after the first `since` ones (of any document). */
  publishedAfter(since: number, uri: string): PublishDiagnosticsParams[] {
    return this.published.slice(since).filter((params) => params.uri === uri);
  }

  allPublished(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((params) => params.uri === uri);
  }

  private readonly opened = new Set<string>();

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.opened.add(uri);
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'fragment', version, text } });
    if (this.mode === 'pull') this.pull(uri);
  }

  async close(uri: string): Promise<void> {
    this.opened.delete(uri);
    this.versions.delete(uri);
    this.lastPulled.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Closes every document a test opened, so the next test's documents stand alone. */
  async closeAll(): Promise<void> {
    for (const uri of [...this.opened]) await this.close(uri);
  }

  /** Shuts the server down the LSP way and resolves with its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
