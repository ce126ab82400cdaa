import { type Connection, type Diagnostic, TextDocuments, type WorkspaceFolder } from 'vscode-languageserver';
import type { Analysis, ChunkedSource } from '../core/service';
import { chunkCutter } from '../core/text/chunks';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { EncodedJson } from './encoded-json';
import { FragmentDocument } from './fragment-document';
import type { PulledDiagnostics } from './pull-diagnostics';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { ValidationScheduler } from './validation-scheduler';

/** What the client said of itself in `initialize`. */
export interface ClientInfo {
  /** Its command that saves a file, named in its initialization options (VS Code's extension has one). */
  saveCommand: string | undefined;
  /** Whether it can create a file from a workspace edit: where a dismissal creates `.fragmentrc.json`. */
  createsFiles: boolean;
  /** Whether it reads the folders for a server that cannot (READ_FOLDERS_REQUEST: VS Code for the Web's client). */
  readsFolders: boolean;
  hasConfiguration: boolean;
  folders: WorkspaceFolder[];
}

/**
 * What every family of handlers shares: the open documents, the workspace, the settings, the
 * client, and each open document's analysis for its latest version and the workspace as it is.
 */
export class ServerContext {
  readonly documents = new TextDocuments(FragmentDocument.configuration);
  settings: Settings = DEFAULT_SETTINGS;
  client: ClientInfo = { saveCommand: undefined, createsFiles: false, readsFolders: false, hasConfiguration: false, folders: [] };
  /** Set when the client pulls the open documents' diagnostics; the rest (closed files, configurations) is still pushed. */
  pulled: PulledDiagnostics | undefined;
  /** With `run: onSave`, what a pull answers: the analysis of the version last opened or saved. */
  readonly shown = new Map<string, Analysis>();
  /** Nothing is published before the settings and configuration files are read: no flash of default results. */
  workspaceLoaded = false;
  /** Settles when the workspace is first indexed: the harvest summary waits for it. */
  readonly firstLoad: Promise<void>;
  markLoaded: () => void = () => {};
  /** Publishes a file's diagnostics soon (coalesced): as it is open, or from disk. */
  readonly validations: ValidationScheduler;
  /** A pulling client asks for an edited document's diagnostics itself; checking it soon still keeps the ID index current. */
  readonly indexing: ValidationScheduler;
  /** The open documents by key: a request or a file event may spell a document's URI otherwise than the client opened it. */
  private readonly openByKey = new Map<string, FragmentDocument>();
  private readonly analyses = new Map<string, { version: number; generation: number; analysis: Analysis }>();

  constructor(
    readonly connection: Connection,
    readonly workspace: FragmentWorkspace,
    private readonly options: { encodedJson?: boolean },
    publish: (context: ServerContext, uri: string) => void,
  ) {
    this.firstLoad = new Promise<void>((resolve) => {
      this.markLoaded = resolve;
    });
    this.validations = new ValidationScheduler((uri) => publish(this, uri));
    this.indexing = new ValidationScheduler((uri) => {
      const document = this.openDocument(uri);
      if (document && this.workspaceLoaded) this.analysisOf(document);
    });
    this.documents.onDidOpen(({ document }) => this.openByKey.set(workspace.keyOf(document.uri), document));
    this.documents.onDidClose(({ document }) => {
      const key = workspace.keyOf(document.uri);
      if (this.openByKey.get(key) === document) this.openByKey.delete(key);
    });
  }

  openDocument(uri: string): FragmentDocument | undefined {
    return this.documents.get(uri) ?? this.openByKey.get(this.workspace.keyOf(uri));
  }

  /** An open document's analysis, checked again only when it or the workspace changed. */
  analysisOf(document: FragmentDocument): Analysis {
    const { workspace } = this;
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === workspace.generation) return cached.analysis;
    const service = workspace.serviceFor(document.uri);
    const analysis = this.analyzeText(document.uri, document.source(chunkCutter(service.index)), true);
    // Another file's duplicate-id depends on the IDs this one holds; its own check does not.
    const changedIds = workspace.indexIds(document.uri, analysis.ids);
    for (const other of workspace.filesWithIds(changedIds, document.uri)) this.validations.schedule(other);
    workspace.recordAnalysis(document.uri, analysis);
    this.analyses.set(document.uri, { version: document.version, generation: workspace.generation, analysis });
    return analysis;
  }

  /** Checks a text; `remember` for an open document, whose next check reuses this one's chunks. */
  analyzeText(uri: string, text: string | ChunkedSource, remember: boolean): Analysis {
    return this.workspace.serviceFor(uri).analyze(text, uri, { idLocationsElsewhere: this.workspace.idLocationsElsewhere(uri), remember });
  }

  /** A closed document's analysis and what was shown of it, forgotten. */
  forgetAnalysis(uri: string): void {
    this.analyses.delete(uri);
    this.shown.delete(uri);
  }

  /** An open document's diagnostics as sent: their JSON made already, where the transport writes it as it is. */
  sent(analysis: Analysis): Diagnostic[] {
    if (!this.options.encodedJson) return [...analysis.diagnostics];
    return new EncodedJson(analysis.diagnosticsJson, () => analysis.diagnostics) as unknown as Diagnostic[];
  }
}
