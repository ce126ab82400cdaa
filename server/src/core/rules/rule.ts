import type { Diagnostic, DiagnosticRelatedInformation, Location, Range, TextEdit } from 'vscode-languageserver-types';
import type { IdentifierMemo } from '../anonymisation/identifiers';
import type { SchemaIndex } from '../schema/schema-index';
import type { Field, ParsedFile } from '../text/parse';
import { isNonAnswer } from '../values/non-answer';
import { checkValue, type ValueFinding } from '../values/values';

/** The stable diagnostic codes of FORMAT.md §5 and §7: users configure severities by them. */
export const diagnosticCodes = [
  'unknown-field',
  'non-canonical-key',
  'duplicate-field',
  'missing-field',
  'empty-field',
  'invalid-value',
  'value-format',
  'malformed-field-line',
  'text-outside-field',
  'stale-merged-story',
  'id-objective-mismatch',
  'duplicate-id',
  // The anonymisation check of FORMAT.md §8.
  'possible-identifier',
  // Substantiation, FORMAT.md §9.
  'substantiation-disagrees',
  // The quality hints of FORMAT.md §7.
  'outcome-is-activity',
  'vague-change',
  'no-when',
  'future-change',
  'significance-restates',
  'thin-contribution',
  'unsupported-rating',
] as const;
/** The codes of FORMAT.md §5, and `file-too-large`: not a rule, the one diagnostic of a text too large to check. */
export type DiagnosticCode = (typeof diagnosticCodes)[number] | 'file-too-large';

/** LSP severities by name. */
export const Severity = { error: 1, warning: 2, information: 3, hint: 4 } as const;
export type SeverityName = keyof typeof Severity;

export const DIAGNOSTIC_SOURCE = 'fragment';

/** A diagnostic of ours: always a code and our source, and in `data` what its quick fixes need. */
export interface FragmentDiagnostic<Data = unknown> extends Diagnostic {
  code: DiagnosticCode;
  source: typeof DIAGNOSTIC_SOURCE;
  data?: Data;
}

/** One quick fix: a title, the edits, and whether it is the diagnostic's preferred fix. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly isPreferred: boolean;
}

export interface RuleContext {
  readonly uri: string;
  readonly file: ParsedFile;
  readonly index: SchemaIndex;
  /** The current year bounds `year` fields. */
  readonly currentYear: number;
  /** Where else (other files of the workspace) a FragmentID is used; absent when only this file is known. */
  readonly idLocationsElsewhere?: (id: string) => readonly Location[];
  /**
   * The fields' value findings, filled by `valueFindings` as the rules ask. Held by the check
   * itself: in a WeakMap keyed by the check they outlived it through V8's scavenges, and were
   * most of what fragment-lint's scavenges kept (its peak memory fell by a fifth without it).
   */
  readonly valueFindings: Map<Field, ValueFinding[]>;
  /** Where the editor keeps the pieces of text `possible-identifier` has read (a keystroke changes one); absent in a one-time check. */
  readonly identifierMemo?: IdentifierMemo;
}

/** A field's value findings, computed once per check: `invalid-value` and `value-format` both read them. */
export function valueFindings(context: RuleContext, field: Field): ValueFinding[] {
  let findings = context.valueFindings.get(field);
  if (!findings) {
    // A value that says nothing is reported as empty, not also as a value of the wrong form.
    findings = field.schemaField && !isNonAnswer(field, context.index.schema) ? checkValue(field, field.schemaField, context.currentYear) : [];
    context.valueFindings.set(field, findings);
  }
  return findings;
}

export interface Rule<Data = unknown> {
  readonly code: DiagnosticCode;
  check(context: RuleContext): FragmentDiagnostic<Data>[];
  /** The quick fixes of one of this rule's diagnostics, computed from its `data` and range. */
  fixes?(diagnostic: FragmentDiagnostic<Data>, context: RuleContext): Fix[];
}

/** A rule of any data type, as the registry holds them. */
// biome-ignore lint/suspicious/noExplicitAny: each rule's data type is its own; the registry only passes a rule's diagnostics back to it.
export type AnyRule = Rule<any>;

export function makeDiagnostic<Data>(
  code: DiagnosticCode,
  severity: SeverityName,
  range: Range,
  message: string,
  data?: Data,
  relatedInformation?: DiagnosticRelatedInformation[],
): FragmentDiagnostic<Data> {
  const diagnostic: FragmentDiagnostic<Data> = { range, severity: Severity[severity], code, source: DIAGNOSTIC_SOURCE, message };
  if (data !== undefined) diagnostic.data = data;
  if (relatedInformation && relatedInformation.length > 0) diagnostic.relatedInformation = relatedInformation;
  return diagnostic;
}
