import * as l10n from '@vscode/l10n';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { type Analysis, type Cancellation, DEFAULT_MAX_SIZE, type FixedProblem } from './analysis/analysis';
import { createChecker } from './analysis/checker';
import { allowActions } from './features/allow-identifier';
import { diagnosticsAt, FIX_ALL_KIND, fixAllText, kindRequested, lineEdits, QUICK_FIX_KIND, quickFixes } from './features/code-actions';
import { completions } from './features/completion';
import { type DismissalTarget, dismissActions } from './features/dismiss';
import { formattingEdits } from './features/formatting';
import { hover } from './features/hover';
import { identifierHover } from './features/identifier-hover';
import { IgnoreList } from './features/ignore';
import { withQualityHover } from './features/quality-hover';
import { documentSymbols, foldingRanges } from './features/symbols';
import { type DiagnosticCode, Severity } from './rules/rule';
import type { SeveritySetting } from './schema/config';
import { defaultSchema } from './schema/default-schema';
import { SchemaIndex } from './schema/schema-index';
import type { FragmentSchema } from './schema/schema-types';
import { shareableMessages } from './story/confidential-text';
import { type StoryModel, storyModel } from './story/story-model';
import { type ParsedFile, parseFragmentFile } from './text/parse';

export {
  type Analysis,
  type AnalyzeOptions,
  type Cancellation,
  CancelledError,
  type ChunkedSource,
  DEFAULT_MAX_SIZE,
  type FixedProblem,
  type FragmentSpan,
} from './analysis/analysis';

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

  const { analyze, withDuplicatesElsewhere, forget } = createChecker({ schema, index, severities, currentYear, reuseChunks, maxSize, qualityHints, ignore });

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
   * Quick fixes for the diagnostics touching `range` and those the editor shows there (`shown`,
   * found again in this check: `diagnosticsAt`), and the fix-all source action when `only` asks
   * for it. `dismissal` says where "Dismiss for this fragment" records a quality hint (asked only
   * when a hint is in range); without it, that action is not offered.
   */
  function codeActions(
    analysis: Analysis,
    range: Range,
    only?: readonly string[],
    cancellation?: Cancellation,
    dismissal?: () => DismissalTarget | undefined,
    shown?: readonly Diagnostic[],
  ): CodeAction[] {
    const actions: CodeAction[] = [];
    if (kindRequested(QUICK_FIX_KIND, only)) {
      const requested = diagnosticsAt(analysis.diagnostics, range, shown);
      actions.push(...quickFixes(requested, analysis.context));
      if (dismissal) {
        // Both kinds of action edit the one configuration file: read it once.
        let target: { file: DismissalTarget | undefined } | undefined;
        const once = () => {
          target ??= { file: dismissal() };
          return target.file;
        };
        actions.push(...allowActions(requested, once));
        actions.push(...dismissActions(requested, once));
      }
    }
    if (kindRequested(FIX_ALL_KIND, only)) {
      const edits = fixAllEdits(analysis.text, analysis.context.uri, cancellation);
      if (edits.length > 0)
        actions.push({ title: l10n.t('Fix all fragment problems'), kind: FIX_ALL_KIND, edit: { changes: { [analysis.context.uri]: edits } } });
    }
    return actions;
  }

  return {
    schema,
    index,
    /** Whether `possible-identifier` is on: where it is off, sharing holds nothing back for it. */
    checksIdentifiers: severities['possible-identifier'] !== 'off',
    /** The severity (LSP's number) of a FragmentID used in two files, or undefined when `duplicate-id` is off: what the harvest summary counts. */
    duplicateIdSeverity: severities['duplicate-id'] === 'off' ? undefined : Severity[severities['duplicate-id'] ?? 'error'],
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
      withQualityHover(identifierHover(analysis.diagnostics, position) ?? hover(analysis.file, position), analysis.diagnostics, position, schema.quality),
    documentSymbols: (analysis: Analysis): DocumentSymbol[] => documentSymbols(analysis.file, index),
    foldingRanges: (analysis: Analysis): FoldingRange[] => foldingRanges(analysis.file),
    formattingEdits: (analysis: Analysis): TextEdit[] => formattingEdits(analysis.file),
    storyModel: (analysis: Analysis): StoryModel => storyModel(analysis.file.fragments, schema, analysis.diagnostics),
  };
}
