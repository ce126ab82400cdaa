import { diffArrays } from 'diff';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { ruleByCode } from '../rules';
import { DIAGNOSTIC_SOURCE, type Fix, type FragmentDiagnostic, type RuleContext } from '../rules/rule';
import { applyEdits, OffsetMap, rangesIntersect } from '../text/text';

export const FIX_ALL_KIND = 'source.fixAll.fragment';
export const QUICK_FIX_KIND = 'quickfix';

/** The quick fixes of one diagnostic, from its rule. */
export function fixesOf(diagnostic: FragmentDiagnostic, context: RuleContext): Fix[] {
  return ruleByCode.get(diagnostic.code)?.fixes?.(diagnostic, context) ?? [];
}

/** Whether an action of `kind` answers a request restricted to `only` (kinds are dot-separated hierarchies). */
export function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return kind === QUICK_FIX_KIND;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function toCodeAction(fix: Fix, diagnostic: FragmentDiagnostic, uri: string): CodeAction {
  const action: CodeAction = { title: fix.title, kind: QUICK_FIX_KIND, diagnostics: [diagnostic], edit: { changes: { [uri]: [...fix.edits] } } };
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

/**
 * The diagnostics of a check that a request for `range` is about: those touching it, then those
 * the editor shows there (`shown`: from the check of an earlier version, which may have moved
 * since) found again in this check by code and message, the nearest to where it was shown. An
 * editor asks with what it shows before the check of the latest edit reaches it: a problem it
 * still shows gets its fix, made for the text as it is now.
 */
export function diagnosticsAt(diagnostics: readonly FragmentDiagnostic[], range: Range, shown: readonly Diagnostic[] = []): FragmentDiagnostic[] {
  const requested = diagnostics.filter((diagnostic) => rangesIntersect(diagnostic.range, range));
  for (const seen of shown) {
    if (seen.source !== DIAGNOSTIC_SOURCE || requested.some((diagnostic) => sameProblem(diagnostic, seen))) continue;
    const distance = (diagnostic: Diagnostic) => Math.abs(diagnostic.range.start.line - seen.range.start.line);
    const again = diagnostics.filter((diagnostic) => sameProblem(diagnostic, seen)).sort((a, b) => distance(a) - distance(b))[0];
    if (again) requested.push(again);
  }
  return requested;
}

/** The same problem, wherever it now stands: its code and its message (which names the key or value). */
function sameProblem(diagnostic: Diagnostic, other: Diagnostic): boolean {
  return diagnostic.code === other.code && diagnostic.message === other.message;
}

/** The quick fixes of these diagnostics (those a request is about: `diagnosticsAt`). */
export function quickFixes(diagnostics: readonly FragmentDiagnostic[], context: RuleContext): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => fixesOf(diagnostic, context).map((fix) => toCodeAction(fix, diagnostic, context.uri)));
}

/** Preferred fixes whose edits overlap none already chosen (each diagnostic's first preferred fix), with their diagnostics. */
export function compatiblePreferredFixes(
  diagnostics: readonly FragmentDiagnostic[],
  context: RuleContext,
  text: string,
): Array<{ fix: Fix; diagnostic: FragmentDiagnostic }> {
  const map = new OffsetMap(text);
  const taken: Span[] = [];
  const chosen: Array<{ fix: Fix; diagnostic: FragmentDiagnostic }> = [];
  for (const diagnostic of diagnostics) {
    const fix = fixesOf(diagnostic, context).find((candidate) => candidate.isPreferred);
    if (!fix) continue;
    const spans = fix.edits.map((edit) => ({ start: map.offsetAt(edit.range.start), end: map.offsetAt(edit.range.end) }));
    if (spans.some((span) => taken.some((other) => spansOverlap(span, other)))) continue;
    taken.push(...spans);
    chosen.push({ fix, diagnostic });
  }
  return chosen;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Two edits clash when one changes text the other changes; insertions at the same place do not clash. */
function spansOverlap(a: Span, b: Span): boolean {
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** How many rounds fix-all may take: a fix can reveal another (a malformed line's value in a canonical form). */
const MAX_FIX_ALL_ROUNDS = 10;

/** One round of fix-all: the checked text and the diagnostics whose preferred fixes were applied to it. */
export interface FixRound<Checked> {
  readonly checked: Checked;
  readonly fixed: readonly FragmentDiagnostic[];
}

/**
 * Applies every preferred fix, round after round until none is left, so that fix-all applied
 * twice changes nothing the second time. `analyze` re-checks a text; `onRound`, when given,
 * hears what each round fixed (the command line reports it).
 */
export function fixAllText<Checked extends { diagnostics: readonly FragmentDiagnostic[]; context: RuleContext }>(
  text: string,
  analyze: (text: string) => Checked,
  onRound?: (round: FixRound<Checked>) => void,
): string {
  let current = text;
  for (let round = 0; round < MAX_FIX_ALL_ROUNDS; round++) {
    const checked = analyze(current);
    const fixes = compatiblePreferredFixes(checked.diagnostics, checked.context, current);
    if (fixes.length === 0) break;
    onRound?.({ checked, fixed: fixes.map((chosen) => chosen.diagnostic) });
    current = applyEdits(
      current,
      fixes.flatMap((chosen) => chosen.fix.edits),
    );
  }
  return current;
}

/** Line edits that turn `before` into `after`, touching only the lines that differ. */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const splitKeepingBreaks = (text: string) => text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  const oldLines = splitKeepingBreaks(before);
  const newLines = splitKeepingBreaks(after);
  const positions = new OffsetMap(before);
  const edits: TextEdit[] = [];
  let offset = 0;
  let pending: { start: number; end: number; newText: string } | undefined;
  const flush = () => {
    if (!pending) return;
    edits.push({ range: { start: positions.positionAt(pending.start), end: positions.positionAt(pending.end) }, newText: pending.newText });
    pending = undefined;
  };
  for (const change of diffArrays(oldLines, newLines)) {
    const text = change.value.join('');
    if (change.added) {
      pending ??= { start: offset, end: offset, newText: '' };
      pending.newText += text;
    } else if (change.removed) {
      pending ??= { start: offset, end: offset, newText: '' };
      offset += text.length;
      pending.end = offset;
    } else {
      flush();
      offset += text.length;
    }
  }
  flush();
  return edits;
}
