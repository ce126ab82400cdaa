import type { Diagnostic } from 'vscode-languageserver-types';
import { qualityCodesQuotingValues } from './rules/quality';
import type { FragmentSchema } from './schema/schema-types';
import type { FragmentSpan } from './service';

/** The codes whose messages quote a field's value (the others quote keys, IDs and the schema's words). */
const QUOTING_VALUES = new Set<string>(['invalid-value', 'value-format', ...qualityCodesQuotingValues]);

/**
 * Diagnostics' messages as they may leave the editor (the command line's report, a CI log): in a
 * fragment that is, or is treated as, confidential, a value quoted in a message is replaced by
 * `<redacted>` (the schema's own words stay), so no value of the fragment is shown.
 */
export function shareableMessages(diagnostics: readonly Diagnostic[], fragments: readonly FragmentSpan[], schema: FragmentSchema): string[] {
  const schemaWords = wordsOf(schema);
  const confidentialLines = fragments.filter((fragment) => fragment.confidential);
  return diagnostics.map((diagnostic) => {
    const line = diagnostic.range.start.line;
    const inConfidential = confidentialLines.some((fragment) => fragment.startLine <= line && line <= fragment.endLine);
    return inConfidential && QUOTING_VALUES.has(String(diagnostic.code)) ? hideQuotedValues(diagnostic.message, schemaWords) : diagnostic.message;
  });
}

const schemaWordSets = new WeakMap<FragmentSchema, Set<string>>();

/** The schema's own words (keys, aliases, listed values), gathered once per schema. */
function wordsOf(schema: FragmentSchema): Set<string> {
  let words = schemaWordSets.get(schema);
  if (!words) {
    words = new Set(schema.fields.flatMap((field) => [field.key, ...field.aliases, ...field.values]));
    schemaWordSets.set(schema, words);
  }
  return words;
}

function hideQuotedValues(message: string, schemaWords: ReadonlySet<string>): string {
  // A quoted text, or a number at the start (`2031 is in the future`): the two ways messages show a value.
  return message.replace(/"([^"]*)"/g, (quoted, text: string) => (schemaWords.has(text) ? quoted : '"<redacted>"')).replace(/^\d[\d.]*(?= is )/, '<redacted>');
}
