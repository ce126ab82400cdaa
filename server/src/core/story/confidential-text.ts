import type { Diagnostic } from 'vscode-languageserver-types';
import type { FragmentSpan } from '../analysis/analysis';
import { qualityCodesQuotingValues } from '../rules/quality';
import type { FragmentSchema } from '../schema/schema-types';

/** The codes whose messages quote a field's value (the others quote keys, IDs and the schema's words). */
const QUOTING_VALUES = new Set<string>(['invalid-value', 'value-format', 'possible-identifier', ...qualityCodesQuotingValues]);

/**
 * Diagnostics' messages as they may leave the editor (the command line's report, a CI log): in a
 * fragment that is, or is treated as, confidential, a message that would quote a value is given
 * in words that say what is wrong and what the fix does without it (FORMAT.md §5); any value
 * still quoted is replaced by `<redacted>` (the schema's own words stay).
 */
export function shareableMessages(diagnostics: readonly Diagnostic[], fragments: readonly FragmentSpan[], schema: FragmentSchema): string[] {
  const confidentialLines = fragments.filter((fragment) => fragment.confidential);
  if (confidentialLines.length === 0) return diagnostics.map((diagnostic) => diagnostic.message);
  const schemaWords = wordsOf(schema);
  return diagnostics.map((diagnostic) => {
    const line = diagnostic.range.start.line;
    const inConfidential = confidentialLines.some((fragment) => fragment.startLine <= line && line <= fragment.endLine);
    if (!inConfidential || !QUOTING_VALUES.has(String(diagnostic.code))) return diagnostic.message;
    // Words made of the schema's text alone; any other message of these codes goes through the net.
    const inWords = (diagnostic.data as { withoutValues?: unknown } | undefined)?.withoutValues;
    return typeof inWords === 'string' ? inWords : hideQuotedValues(diagnostic.message, schemaWords);
  });
}

const schemaWordSets = new WeakMap<FragmentSchema, Set<string>>();

/** The schema's own words (keys, aliases, listed values, values that say nothing), gathered once per schema. */
function wordsOf(schema: FragmentSchema): Set<string> {
  let words = schemaWordSets.get(schema);
  if (!words) {
    words = new Set([...schema.fields.flatMap((field) => [field.key, ...field.aliases, ...field.values]), ...schema.nonAnswers]);
    schemaWordSets.set(schema, words);
  }
  return words;
}

/** A safety net under the messages in words: whatever is quoted that is not the schema's is hidden. */
function hideQuotedValues(message: string, schemaWords: ReadonlySet<string>): string {
  // A quoted text, or a number at the start (`2031 is in the future`): the two ways messages show a value.
  return message.replace(/"([^"]*)"/g, (quoted, text: string) => (schemaWords.has(text) ? quoted : '"<redacted>"')).replace(/^\d[\d.]*(?= is )/, '<redacted>');
}
