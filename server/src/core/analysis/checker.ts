import * as l10n from '@vscode/l10n';
import type { IdentifierMemo } from '../anonymisation/identifiers';
import { diagnosticsJson } from '../features/diagnostics-json';
import type { IgnoreList } from '../features/ignore';
import { rules } from '../rules';
import { duplicateIdDiagnostics, type FragmentId, fragmentIds } from '../rules/duplicate-id';
import { qualityCodes } from '../rules/quality';
import { type DiagnosticCode, type FragmentDiagnostic, makeDiagnostic, type RuleContext, Severity } from '../rules/rule';
import type { SeveritySetting } from '../schema/config';
import type { SchemaIndex } from '../schema/schema-index';
import type { FragmentSchema } from '../schema/schema-types';
import { confidentialityOf } from '../story/confidentiality';
import { type Chunk, splitIntoChunks } from '../text/chunks';
import { type ParsedFile, parseFragmentFile } from '../text/parse';
import { shifted, shiftRange } from '../text/shift';
import { type Analysis, type AnalyzeOptions, CancelledError, type ChunkedSource, type FragmentSpan } from './analysis';
import { byPosition, type ChunkResult, inFileOrder, jsonPieces, type Placed, placementPieces } from './placement';

/** What a checker checks with: a service's schema and settings (service.ts). */
export interface CheckerSettings {
  readonly schema: FragmentSchema;
  readonly index: SchemaIndex;
  readonly severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  readonly currentYear: () => number;
  readonly reuseChunks: boolean;
  readonly maxSize: number;
  readonly qualityHints: boolean;
  readonly ignore: IgnoreList;
}

/**
 * The check of texts: every rule on each chunk of a text (a chunk whose text did not change is
 * not checked again), then duplicate-id across the chunks and the other files.
 */
export function createChecker(settings: CheckerSettings) {
  const { schema, index, severities, currentYear, reuseChunks, maxSize, qualityHints, ignore } = settings;
  // The editor re-checks a fragment at each keystroke: the sentences it did not change are not read again.
  const identifierMemo: IdentifierMemo | undefined = reuseChunks ? new Map() : undefined;

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
      ...(identifierMemo ? { identifierMemo } : {}),
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

  /** Drops what is remembered of a document (it was closed). */
  function forget(uri: string): void {
    cachedChunks -= chunkResults.get(uri)?.size ?? 0;
    chunkResults.delete(uri);
    lastChunks.delete(uri);
  }

  return { analyze, withDuplicatesElsewhere, forget };
}
