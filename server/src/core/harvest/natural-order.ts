const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** `row_2.txt` before `row_10.txt`: the order a harvest's files were written in. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
