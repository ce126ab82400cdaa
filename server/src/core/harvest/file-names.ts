import * as l10n from '@vscode/l10n';
/** The default name of the file a row is imported to: `row_1.txt` for the first data row (FORMAT.md §6). */
export const DEFAULT_NAME_PATTERN = 'row_{n}.txt';

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is unsafe here
const UNSAFE_CHARACTERS = /[<>/\\:"|?*\u0000-\u001f\u007f]/g;

/** A text made safe as (part of) a file name: every unsafe character becomes `_`. */
export function safeFileNamePart(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '_');
}

/** Why a name pattern cannot be used, or undefined when it can. */
export function namePatternProblem(pattern: string): string | undefined {
  if (!pattern.includes('{n}') && !pattern.includes('{id}'))
    return l10n.t('the name pattern "{0}" has neither {1} nor {2}: every row would get the same file', pattern, '{n}', '{id}');
  const fixed = pattern.replaceAll('{n}', '').replaceAll('{id}', '');
  if (/[/\\]/.test(fixed)) return l10n.t('the name pattern "{0}" names a folder: give a file name, and the folder with the output folder', pattern);
  if (safeFileNamePart(fixed) !== fixed) return l10n.t('the name pattern "{0}" has a character that file names cannot hold', pattern);
  return undefined;
}

/**
 * Names Windows keeps for its devices, whatever the case and whatever follows a dot or a space
 * (`CON`, `con.txt`, `Com1.tar.gz`, `NUL .txt`); Windows reads the superscript digits as digits.
 */
const RESERVED_NAME = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?=$|[. ])/i;

/**
 * A file name made safe on Windows, macOS and Linux alike, so that a harvest imported on one
 * moves to the others: the unsafe characters are gone already (safeFileNamePart); trailing dots
 * and spaces, which Windows drops, are dropped; a name Windows keeps for a device gets a `_`
 * after that word (`CON.txt` → `CON_.txt`).
 */
export function windowsSafeName(name: string): string {
  const trimmed = name.replace(/[. ]+$/, '');
  const reserved = RESERVED_NAME.exec(trimmed);
  return reserved ? `${reserved[0]}_${trimmed.slice(reserved[0].length)}` : trimmed;
}

/** A row's file name, and whether making it safe changed it from what the pattern says (its FragmentID as written). */
export function rowFileName(pattern: string, rowNumber: number, fragmentId: string): { readonly name: string; readonly madeSafe: boolean } {
  // A row without a FragmentID is named by its number: never `.txt`, a hidden file.
  const hasId = fragmentId.trim() !== '';
  const id = hasId ? safeFileNamePart(fragmentId) : `row_${rowNumber}`;
  const asWritten = pattern.replaceAll('{n}', String(rowNumber)).replaceAll('{id}', hasId ? fragmentId : id);
  // A name of dots alone is no file.
  const name = windowsSafeName(pattern.replaceAll('{n}', String(rowNumber)).replaceAll('{id}', id)) || `row_${rowNumber}`;
  return { name, madeSafe: name !== asWritten };
}

/** The file name of a row: `{n}` its number (from 1), `{id}` its FragmentID made safe for file names (on every system). */
export function fileNameFor(pattern: string, rowNumber: number, fragmentId: string): string {
  return rowFileName(pattern, rowNumber, fragmentId).name;
}

/**
 * The file names of the rows, none twice (whatever the case: Windows and macOS do not tell
 * `A.txt` from `a.txt`): a name as the pattern says keeps it; a name changed to be safe that
 * would land on another row's takes `_row{n}` before its extension (`a_b_row3.txt`), then a
 * count if need be. The same on every system, for the same sheet. Two rows whose names are as
 * written and the same are left to the caller (the same FragmentID twice: a mistake to report).
 */
export function distinctFileNames(rows: ReadonlyArray<{ readonly rowNumber: number; readonly name: string; readonly madeSafe: boolean }>): string[] {
  const taken = new Set<string>();
  for (const row of rows) if (!row.madeSafe) taken.add(row.name.toLowerCase());
  return rows.map((row) => {
    if (!row.madeSafe) return row.name;
    let name = row.name;
    if (taken.has(name.toLowerCase())) {
      const dot = name.lastIndexOf('.');
      const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
      name = `${stem}_row${row.rowNumber}${extension}`;
      for (let count = 2; taken.has(name.toLowerCase()); count++) name = `${stem}_row${row.rowNumber}_${count}${extension}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
