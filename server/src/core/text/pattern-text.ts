/**
 * Text as it stands inside a regular expression with the `u` flag, every character taken
 * literally. (Under `u`, `\-` is a syntax error outside a class: `-` is left as it is.)
 */
export function patternText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Where the words of `text` stand in `within`, on word boundaries, any run of white space (a line break too) between them. */
export function wordOccurrences(within: string, text: string): Array<{ start: number; end: number }> {
  const words = text.trim().split(/\s+/).map(patternText).join('\\s+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'gu');
  return Array.from(within.matchAll(pattern), (match) => ({ start: match.index, end: match.index + match[0].length }));
}
