/**
 * Regular expressions made from the schema's text (patterns, keys), made once: every file of a
 * harvest asks for the same few, and making one means parsing its source again. Only for
 * expressions without the `g` or `y` flag, whose matching keeps no state between uses.
 */
const made = new Map<string, RegExp>();
const MAX_REMEMBERED = 500;

export function regExpOf(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let found = made.get(key);
  if (!found) {
    if (made.size >= MAX_REMEMBERED) made.clear(); // a bound, should configurations keep changing
    found = new RegExp(source, flags);
    made.set(key, found);
  }
  return found;
}
