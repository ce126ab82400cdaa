import * as l10n from '@vscode/l10n';
import type { CodeAction, CompletionItem, DocumentSymbol, FoldingRange, Hover, Location, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND, fixAllText, kindRequested, lineEdits, QUICK_FIX_KIND, quickFixes } from './features/code-actions';
import { completions } from './features/completion';
import { diagnosticsJson } from './features/diagnostics-json';
import { type DismissalTarget, dismissActions } from './features/dismiss';
import { formattingEdits } from './features/formatting';
import { hover } from './features/hover';
import { IgnoreList } from './features/ignore';
import { withQualityHover } from './features/quality-hover';
import { documentSymbols, foldingRanges } from './features/symbols';
import { rules } from './rules';
import { duplicateIdDiagnostics, type FragmentId, fragmentIds } from './rules/duplicate-id';
import { qualityCodes } from './rules/quality';
import { type DiagnosticCode, type FragmentDiagnostic, makeDiagnostic, type RuleContext, Severity } from './rules/rule';
import type { SeveritySetting } from './schema/config';
import { defaultSchema } from './schema/default-schema';
import { SchemaIndex } from './schema/schema-index';
import type { FragmentSchema } from './schema/schema-types';
import { shareableMessages } from './story/confidential-text';
import { confidentialityOf } from './story/confidentiality';
import { type StoryModel, storyModel } from './story/story-model';
import { type Chunk, splitIntoChunks } from './text/chunks';
import { type ParsedFile, parseFragmentFile } from './text/parse';
import { shifted, shiftRange } from './text/shift';

export interface FragmentServiceOptions {
  /** The schema to check against; the SCC default when absent. */
  readonly schema?: FragmentSchema;
  /** Severity per code, or `off`; codes not named keep their default. */
  readonly severities?: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** The current year, which bounds `year` fields; today's when absent. */
  readonly currentYear?: () => number;
  /**
   * Remember each checked chunk, so that checking the text again after an edit re-checks only
   * what changed (an editor); off where each text is checked once (the command line).
   */
  readonly reuseChunks?: boolean;
  /**
   * Above this many characters a text is not checked: one information diagnostic says so,
   * rather than an editor stalling on a file that is no fragment file. Default 5,000,000.
   */
  readonly maxSize?: number;
  /** The quality hints of FORMAT.md §7: on unless false (the setting `outcomeFragments.qualityHints`, `--no-quality`). */
  readonly qualityHints?: boolean;
  /** Codes not reported for a fragment, by FragmentID (`ignore` of `.fragmentrc.json`). */
  readonly ignore?: Readonly<Record<string, readonly DiagnosticCode[]>>;
}

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

/** What checking one chunk gives, with lines counted from the chunk's first line. */
interface ChunkResult {
  readonly year: number;
  readonly diagnostics: FragmentDiagnostic[];
  readonly ids: FragmentId[];
  readonly fragments: FragmentSpan[];
  /** The same, moved to where the chunk stood last time (the diagnostics in file order, and their JSON). */
  placedAt?: Placed;
}

interface Placed {
  line: number;
  diagnostics: FragmentDiagnostic[];
  ids: FragmentId[];
  fragments: FragmentSpan[];
  /** The diagnostics' JSON without the brackets, made when first sent. */
  json: string | undefined;
}

const byPosition = (a: FragmentDiagnostic, b: FragmentDiagnostic) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** Whether the chunks' diagnostics, each chunk's sorted already, follow each other in file order: compared where chunks meet. */
function inFileOrder(placements: readonly Placed[]): boolean {
  let last: FragmentDiagnostic | undefined;
  for (const placement of placements) {
    const first = placement.diagnostics[0];
    if (first === undefined) continue;
    if (last !== undefined && byPosition(last, first) > 0) return false;
    last = placement.diagnostics[placement.diagnostics.length - 1];
  }
  return true;
}

/** The JSON of the chunks' diagnostics one after another, in pieces: each chunk's JSON, made once per placement. */
function placementPieces(placements: readonly Placed[]): string[] {
  const pieces: string[] = [];
  for (const placement of placements) {
    if (placement.diagnostics.length === 0) continue;
    placement.json ??= JSON.stringify(placement.diagnostics).slice(1, -1);
    pieces.push(placement.json);
  }
  return pieces;
}

/** Diagnostics not in chunk order (a duplicate ID among them): their JSON as one piece. */
function jsonPieces(diagnostics: readonly FragmentDiagnostic[]): string[] {
  return diagnostics.length === 0 ? [] : [diagnosticsJson(diagnostics).slice(1, -1)];
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
  }
}

export type FragmentService = ReturnType<typeof createFragmentService>;

/** The one entry point of the core: every adapter (LSP server, CLI, tests) goes through it. */
export function createFragmentService(options: FragmentServiceOptions = {}) {
  const schema = options.schema ?? defaultSchema;
  const index = new SchemaIndex(schema);
  const severities = options.severities ?? {};
  const currentYear = options.currentYear ?? (() => new Date().getFullYear());
  const reuseChunks = options.reuseChunks ?? true;
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const qualityHints = options.qualityHints ?? true;
  const ignore = new IgnoreList(options.ignore ?? {}, schema.idField);

  /**
   * Checked chunks, by document and chunk text: a chunk whose text did not change is not checked
   * again, and while it also stays on the same line its results are not even moved again.
   */
  const chunkResults = new Map<string, Map<string, ChunkResult>>();
  /** Each document's chunks at its last check: most chunks are where they were, and comparing in place beats hashing. */
  const lastChunks = new Map<string, { chunks: readonly Chunk[]; results: ChunkResult[] }>();
  const MAX_CACHED_CHUNKS = 20_000;
  let cachedChunks = 0;

  function cachedResult(uri: string, text: string, year: number, remember: boolean, parsed?: (file: ParsedFile) => void): ChunkResult {
    let ofDocument = chunkResults.get(uri);
    const known = ofDocument?.get(text);
    if (known && known.year === year) return known;
    const result = checkChunk(text, uri, year, parsed);
    if (!remember) return result;
    if (cachedChunks >= MAX_CACHED_CHUNKS) {
      chunkResults.clear(); // a bound: rarely reached, and rebuilt by the next check
      lastChunks.clear();
      cachedChunks = 0;
    }
    if (!ofDocument) {
      ofDocument = new Map();
      chunkResults.set(uri, ofDocument);
    }
    ofDocument.set(text, result);
    cachedChunks++;
    return result;
  }

  /** Checks a text, or the chunks of one cut by this service's schema (`chunkCutter(service.index)`). */
  function analyze(input: string | ChunkedSource, uri: string, analyzeOptions: AnalyzeOptions = {}): Analysis {
    const year = currentYear();
    const ids: FragmentId[] = [];
    if (input.length > maxSize) return tooLarge(typeof input === 'string' ? input : input.text, uri, year);
    const chunks = typeof input === 'string' ? splitIntoChunks(input, index) : input.chunks;
    const remember = reuseChunks && analyzeOptions.remember !== false;
    const previous = reuseChunks ? lastChunks.get(uri) : undefined;
    const results: ChunkResult[] = [];
    const placements: Placed[] = [];
    let kept: ParsedFile | undefined;
    const keep =
      analyzeOptions.keepParse && chunks.length === 1 && chunks[0]?.line === 0
        ? (parsed: ParsedFile) => {
            kept = parsed;
          }
        : undefined;
    for (let position = 0; position < chunks.length; position++) {
      if (analyzeOptions.cancellation?.isCancellationRequested) throw new CancelledError();
      const chunk = chunks[position] as Chunk;
      const before = previous?.chunks[position];
      const known = previous?.results[position];
      // An open document's unchanged chunk is the very same object (chunked-text.ts); else the same text will do.
      const result =
        known && (before === chunk || before?.text === chunk.text) && known.year === year ? known : cachedResult(uri, chunk.text, year, remember, keep);
      if (remember) results.push(result);
      if (result.placedAt?.line !== chunk.line) result.placedAt = placed(result, chunk.line);
      const placement = result.placedAt;
      placements.push(placement);
      for (const entry of placement.ids) ids.push(entry);
    }
    if (remember) lastChunks.set(uri, { chunks, results });
    // The chunk's parse is the text's if the chunk is the whole text (an open document's is joined only when asked for).
    let file = kept && chunks[0]?.text === (typeof input === 'string' ? input : input.text) ? kept : undefined;
    // The one check across fragments: an ID used twice in the file, or in another file.
    let duplicates: FragmentDiagnostic[] = [];
    if (severities['duplicate-id'] !== 'off') {
      duplicates = withSeverity(ignore.withoutIgnoredDuplicates(duplicateIdDiagnostics(ids, uri, schema.idField, analyzeOptions.idLocationsElsewhere), ids));
    }
    // Each chunk's diagnostics are in file order already, and the chunks follow each other: most often nothing is left to sort.
    const inChunkOrder = duplicates.length === 0 && inFileOrder(placements);
    // The list itself is made when asked for: a pull whose result did not change needs only the JSON pieces.
    let diagnostics: FragmentDiagnostic[] | undefined;
    const allDiagnostics = () => {
      if (diagnostics) return diagnostics;
      diagnostics = [];
      for (const placement of placements) for (const diagnostic of placement.diagnostics) diagnostics.push(diagnostic);
      for (const diagnostic of duplicates) diagnostics.push(diagnostic);
      if (!inChunkOrder) diagnostics.sort(byPosition);
      return diagnostics;
    };

    let context: RuleContext | undefined;
    let pieces: string[] | undefined;
    let fragments: FragmentSpan[] | undefined;
    let json: string | undefined;
    return {
      get text() {
        return typeof input === 'string' ? input : input.text;
      },
      get diagnostics() {
        return allDiagnostics();
      },
      ids,
      get fragments() {
        fragments ??= placements.flatMap((placement) => placement.fragments);
        return fragments;
      },
      get file() {
        file ??= parseFragmentFile(this.text, index);
        return file;
      },
      get context() {
        context ??= ruleContext(this.file, uri, year, analyzeOptions);
        return context;
      },
      get diagnosticsJsonPieces() {
        pieces ??= inChunkOrder ? placementPieces(placements) : jsonPieces(allDiagnostics());
        return pieces;
      },
      get diagnosticsJson() {
        json ??= `[${this.diagnosticsJsonPieces.join(',')}]`;
        return json;
      },
    };
  }

  /**
   * A check's diagnostics with its duplicate-id made again against where else its IDs stand now:
   * a closed file checked once when indexed is published later, when every file's IDs are known,
   * without checking it again.
   */
  function withDuplicatesElsewhere(
    checked: Pick<Analysis, 'diagnostics' | 'ids'>,
    uri: string,
    idLocationsElsewhere: NonNullable<AnalyzeOptions['idLocationsElsewhere']>,
  ): FragmentDiagnostic[] {
    const diagnostics = checked.diagnostics.filter((diagnostic) => diagnostic.code !== 'duplicate-id');
    if (severities['duplicate-id'] === 'off') return diagnostics;
    const duplicates = duplicateIdDiagnostics(checked.ids, uri, schema.idField, idLocationsElsewhere);
    if (duplicates.length === 0) return diagnostics;
    diagnostics.push(...withSeverity(ignore.withoutIgnoredDuplicates(duplicates, checked.ids)));
    return diagnostics.sort(byPosition);
  }

  /** A text over the size limit: one diagnostic on its first line, and an empty parse for the requests. */
  function tooLarge(text: string, uri: string, year: number): Analysis {
    const megabytes = (size: number) => `${(size / 1_000_000).toFixed(1)} MB`;
    const diagnostic = makeDiagnostic(
      'file-too-large',
      'information',
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      l10n.t(
        'This file ({0}) is larger than the {1} that is checked: it is not checked. The limit is the setting "outcomeFragments.maxFileSize".',
        megabytes(text.length),
        megabytes(maxSize),
      ),
    );
    const file = parseFragmentFile('', index);
    const diagnostics = [diagnostic];
    const context = ruleContext(file, uri, year, {});
    return {
      text,
      diagnostics,
      ids: [],
      fragments: [],
      file,
      context,
      diagnosticsJson: diagnosticsJson(diagnostics),
      diagnosticsJsonPieces: jsonPieces(diagnostics),
    };
  }

  /** A chunk's results moved down to the line where the chunk stands. */
  function placed(result: ChunkResult, line: number): Placed {
    return {
      json: undefined,
      line,
      // A stable sort: diagnostics at the same place keep the order the rules gave them, as sorting the whole file did.
      diagnostics: result.diagnostics.map((diagnostic) => shifted(diagnostic, line)).sort(byPosition),
      ids: result.ids.map((entry) => (line === 0 ? entry : { id: entry.id, range: shiftRange(entry.range, line) })),
      fragments: result.fragments.map((span) => ({ ...span, startLine: span.startLine + line, endLine: span.endLine + line })),
    };
  }

  /** Every rule but duplicate-id (which looks across chunks) on one chunk, as if it were a file; `parsed` is handed its parse. */
  function checkChunk(text: string, uri: string, year: number, parsed?: (file: ParsedFile) => void): ChunkResult {
    const file = parseFragmentFile(text, index);
    parsed?.(file);
    const context = ruleContext(file, uri, year, {});
    let diagnostics: FragmentDiagnostic[] = [];
    for (const rule of rules) {
      if (rule.code === 'duplicate-id' || severities[rule.code] === 'off' || (!qualityHints && qualityCodes.has(rule.code))) continue;
      diagnostics.push(...withSeverity(rule.check(context)));
    }
    diagnostics = ignore.withoutIgnored(diagnostics, file);
    const fragments = file.fragments.map((fragment) => ({
      startLine: fragment.startLine,
      endLine: fragment.endLine,
      confidential: confidentialityOf(fragment, schema).confidential,
    }));
    return { year, diagnostics, ids: fragmentIds(file, index), fragments };
  }

  function ruleContext(file: ParsedFile, uri: string, year: number, analyzeOptions: AnalyzeOptions): RuleContext {
    return {
      uri,
      file,
      index,
      currentYear: year,
      valueFindings: new Map(),
      ...(analyzeOptions.idLocationsElsewhere ? { idLocationsElsewhere: analyzeOptions.idLocationsElsewhere } : {}),
    };
  }

  function withSeverity(diagnostics: FragmentDiagnostic[]): FragmentDiagnostic[] {
    for (const diagnostic of diagnostics) {
      const setting = severities[diagnostic.code];
      if (setting !== undefined && setting !== 'off') diagnostic.severity = Severity[setting];
    }
    return diagnostics;
  }

  /** The fixed text: every preferred fix applied until none is left. */
  function fixAll(text: string, uri: string, cancellation?: Cancellation): string {
    // The texts between rounds are nobody's document: checking them must not evict the document's chunks.
    return fixAllText(text, (current) => analyze(current, uri, { remember: false, ...(cancellation ? { cancellation } : {}) }));
  }

  /**
   * Fix-all, and what it fixed: each fixed diagnostic with its message as it may be shared (no
   * value of a confidential fragment), on its line in the text of its round.
   */
  function fixAllReport(text: string, uri: string): { text: string; fixed: FixedProblem[] } {
    const fixed: FixedProblem[] = [];
    const result = fixAllText(
      text,
      (current) => analyze(current, uri, { remember: false }),
      ({ checked, fixed: diagnostics }) => {
        const messages = shareableMessages(diagnostics, checked.fragments, schema);
        diagnostics.forEach((diagnostic, position) => {
          fixed.push({ code: diagnostic.code, line: diagnostic.range.start.line, message: messages[position] as string });
        });
      },
    );
    return { text: result, fixed };
  }

  function fixAllEdits(text: string, uri: string, cancellation?: Cancellation): TextEdit[] {
    return lineEdits(text, fixAll(text, uri, cancellation));
  }

  /**
   * Quick fixes for the diagnostics touching `range`, and the fix-all source action when `only`
   * asks for it. `dismissal` says where "Dismiss for this fragment" records a quality hint (asked
   * only when a hint is in range); without it, that action is not offered.
   */
  function codeActions(
    analysis: Analysis,
    range: Range,
    only?: readonly string[],
    cancellation?: Cancellation,
    dismissal?: () => DismissalTarget | undefined,
  ): CodeAction[] {
    const actions: CodeAction[] = [];
    if (kindRequested(QUICK_FIX_KIND, only)) {
      actions.push(...quickFixes(analysis.diagnostics, analysis.context, range));
      if (dismissal) actions.push(...dismissActions(analysis.diagnostics, range, dismissal));
    }
    if (kindRequested(FIX_ALL_KIND, only)) {
      const edits = fixAllEdits(analysis.text, analysis.context.uri, cancellation);
      if (edits.length > 0)
        actions.push({ title: l10n.t('Fix all fragment problems'), kind: FIX_ALL_KIND, edit: { changes: { [analysis.context.uri]: edits } } });
    }
    return actions;
  }

  /** Drops what is remembered of a document (it was closed). */
  function forget(uri: string): void {
    cachedChunks -= chunkResults.get(uri)?.size ?? 0;
    chunkResults.delete(uri);
    lastChunks.delete(uri);
  }

  return {
    schema,
    index,
    forget,
    /** The parse alone (no rules): what indexing FragmentIDs needs. */
    parse: (text: string): ParsedFile => parseFragmentFile(text, index),
    analyze,
    withDuplicatesElsewhere,
    fixAll,
    fixAllReport,
    fixAllEdits,
    codeActions,
    completions: (analysis: Analysis, position: Position): CompletionItem[] => completions(analysis.file, index, position, analysis.context.currentYear),
    hover: (analysis: Analysis, position: Position): Hover | undefined =>
      withQualityHover(hover(analysis.file, position), analysis.diagnostics, position, schema.quality),
    documentSymbols: (analysis: Analysis): DocumentSymbol[] => documentSymbols(analysis.file, index),
    foldingRanges: (analysis: Analysis): FoldingRange[] => foldingRanges(analysis.file),
    formattingEdits: (analysis: Analysis): TextEdit[] => formattingEdits(analysis.file),
    storyModel: (analysis: Analysis): StoryModel => storyModel(analysis.file.fragments, schema, analysis.diagnostics),
  };
}
