import type { Location } from 'vscode-languageserver-types';
import type { FragmentId } from '../rules/duplicate-id';
import type { DiagnosticCode, FragmentDiagnostic, RuleContext } from '../rules/rule';
import type { Chunk } from '../text/chunks';
import type { ParsedFile } from '../text/parse';

// What a check of a text gives, and what it is asked with: the types every adapter shares.

export const DEFAULT_MAX_SIZE = 5_000_000;

/** A problem that fix-all fixed: its code, its 0-based line, and its message as it may be shared. */
export interface FixedProblem {
  readonly code: DiagnosticCode;
  readonly line: number;
  readonly message: string;
}

/** Lets a long request stop early when the editor no longer wants its answer. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export interface AnalyzeOptions {
  readonly idLocationsElsewhere?: (id: string) => readonly Location[];
  readonly cancellation?: Cancellation;
  /** Whether this check may update what is remembered of the document: not for fix-all's passing texts. */
  readonly remember?: boolean;
  /**
   * Whether the analysis keeps the parse its check made, as its `file`, when the text is one
   * chunk (a harvest file holds one fragment): for a caller that reads `file` next (the Harvest
   * record of a closed file), which would otherwise parse the text again. Kept only when asked:
   * fragment-lint, which never reads it, peaked 35 MB higher on 10,000 files when it was kept always.
   */
  readonly keepParse?: boolean;
}

/** A text already cut into chunks (an open document's, see chunked-text.ts), with its length and, when asked for, its whole text. */
export interface ChunkedSource {
  readonly chunks: readonly Chunk[];
  readonly length: number;
  readonly text: string;
}

/** One checked text: what the adapters cache per document version. */
export interface Analysis {
  readonly text: string;
  readonly diagnostics: readonly FragmentDiagnostic[];
  /** The FragmentIDs of the text, where they stand (for the workspace index). */
  readonly ids: readonly FragmentId[];
  /** Where each fragment stands and whether it is (or is treated as) confidential. */
  readonly fragments: readonly FragmentSpan[];
  /** The whole parse, made when a request first needs it (a check alone does not). */
  readonly file: ParsedFile;
  readonly context: RuleContext;
  /** Exactly `JSON.stringify(diagnostics)`, made from each chunk's JSON kept from the last time (what is sent to the editor). */
  readonly diagnosticsJson: string;
  /** The same in pieces (`[${pieces.join(',')}]`): a chunk that did not change keeps its piece, the same string. */
  readonly diagnosticsJsonPieces: readonly string[];
}

export interface FragmentSpan {
  readonly startLine: number;
  readonly endLine: number;
  readonly confidential: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
  }
}
