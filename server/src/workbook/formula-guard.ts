/**
 * The formula guard of the CSV files we write (FORMAT.md §6, "Nothing exported runs as a formula";
 * OWASP's CSV injection).
 *
 * The rule. A text *looks like a formula* when its first character after any leading spaces is
 * `=`, `+`, `-`, `@`, a tab, CR or LF: Excel and LibreOffice run such a cell. A text is *guarded*
 * when it is any number of `'` (none included) followed by a text that looks like a formula.
 * Writing puts one `'` before every guarded text; reading takes one `'` off a text that is a `'`
 * followed by a guarded text, and leaves every other text as it is.
 *
 * Why `'` before `'=…` too: a text that truly starts with `'=` is written `''=…` and read back
 * as `'=…`, so the round trip is exact for every text, and a text that starts with `'` followed
 * by anything else (`'tis`, a lone `'`) is neither changed on the way out nor on the way in.
 * `unguardFormula(guardFormula(text)) === text` for every text, and what `guardFormula` writes
 * never looks like a formula (test/unit/formula-guard.test.ts checks both with fast-check).
 */
const GUARDED = /^'* *[=+\-@\t\r\n]/;

/** Whether a text, written as it is, would be run as a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^ *[=+\-@\t\r\n]/.test(text);
}

/** The text as a CSV cell holds it: with a leading `'` when it is guarded. */
export function guardFormula(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** A CSV cell's text as it was before `guardFormula`: exactly one `'` off a guarded text. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text;
}
