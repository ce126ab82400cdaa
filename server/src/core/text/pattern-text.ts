/**
 * Text as it stands inside a regular expression with the `u` flag, every character taken
 * literally. (Under `u`, `\-` is a syntax error outside a class: `-` is left as it is.)
 */
export function patternText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
