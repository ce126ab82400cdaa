import type { ClientCapabilities, Connection, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';

/**
 * Pull diagnostics (`textDocument/diagnostic`, LSP 3.17) for clients that ask for them (VS Code):
 * the client asks after each change, and a result that did not change is answered by its result
 * ID alone instead of sending a large file's thousands of diagnostics again. Clients that cannot
 * pull (Neovim 0.7, eglot) keep getting them pushed.
 */
export class PulledDiagnostics {
  /** The last result sent for each open document, by the client's `previousResultId`. */
  private readonly reported = new Map<string, { resultId: string; pieces: readonly string[] }>();
  private nextResultId = 1;
  private refreshPending = false;

  constructor(private readonly connection: Connection) {}

  /** Whether the client can pull, and be asked to pull again when results change without an edit of theirs. */
  static supportedBy(capabilities: ClientCapabilities): boolean {
    return capabilities.textDocument?.diagnostic !== undefined && capabilities.workspace?.diagnostics?.refreshSupport === true;
  }

  static readonly capability = { identifier: 'fragment', interFileDependencies: true, workspaceDiagnostics: false } as const;

  /**
   * The report for a document's diagnostics, known by their JSON in pieces (service.ts): "unchanged"
   * when the client holds these already. After a keystroke in a large file all pieces but one or
   * two are the very strings of the last report, so telling takes microseconds.
   */
  report(uri: string, pieces: readonly string[], items: () => Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.reported.get(uri);
    if (last && samePieces(last.pieces, pieces)) {
      // One result ID per result: a client whose pulls crossed (an edit's and a refresh's) still learns it holds them.
      return last.resultId === previousResultId ? { kind: 'unchanged', resultId: last.resultId } : { kind: 'full', resultId: last.resultId, items: items() };
    }
    const resultId = String(this.nextResultId++);
    this.reported.set(uri, { resultId, pieces });
    return { kind: 'full', resultId, items: items() };
  }

  forget(uri: string): void {
    this.reported.delete(uri);
  }

  /**
   * Asks the client to pull its documents again, once for all the checks of this turn of the event
   * loop: the scheduler checks each file in a callback of its own, and each refresh makes the client
   * pull every document again, cancelling the pulls still under way.
   */
  refresh(): void {
    if (this.refreshPending) return;
    this.refreshPending = true;
    afterThisTurn(() => {
      this.refreshPending = false;
      void this.connection.languages.diagnostics.refresh();
    });
  }
}

function samePieces(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let position = 0; position < a.length; position++) if (a[position] !== b[position]) return false;
  return true;
}

/** After the callbacks of this turn: `setImmediate` in Node; a web worker has none. */
const afterThisTurn: (run: () => void) => void = typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);
