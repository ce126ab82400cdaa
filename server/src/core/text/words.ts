import * as l10n from '@vscode/l10n';

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`: the alternatives a message offers, in the display language. */
export function quotedAlternatives(values: readonly string[]): string {
  // Quotation marks differ by language: « » in French.
  const quoted = values.map((value) => l10n.t('"{0}"', value));
  if (quoted.length <= 1) return quoted.join('');
  return l10n.t('{0} or {1}', quoted.slice(0, -1).join(', '), quoted.at(-1) as string);
}
