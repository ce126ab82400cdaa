// Pure: the globs of .fragmentrc.json and of fragment-lint's arguments, read alike on every system.

/** The characters a `\` before them escapes in a glob, all of which a file name may hold on Windows too. */
const ESCAPABLE = new Set(['[', ']', '{', '}', '(', ')', '!', '+', '@', ',']);

/**
 * A glob as written on any system, with `/` between its folders: a `\` before a glob character a
 * file name can hold (`[ ] { } ( ) ! + @ ,`) stays its escape (`report\[1\].txt`); any other `\`,
 * or run of them, separates folders, as Windows users write them (`reports\2024\*.txt`). A `\`
 * before `*` or `?` separates folders too: no file name on Windows holds those two, and so none
 * that a harvest shared between systems can (import never writes one).
 */
export function portableGlob(glob: string): string {
  let portable = '';
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index] as string;
    const next = glob[index + 1];
    if (character !== '\\') portable += character;
    else if (next !== undefined && ESCAPABLE.has(next)) {
      portable += `\\${next}`;
      index++;
    } else {
      portable += '/';
      while (glob[index + 1] === '\\') index++;
    }
  }
  return portable;
}
