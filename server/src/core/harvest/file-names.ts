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

/** The file name of a row: `{n}` its number (from 1), `{id}` its FragmentID made safe for file names. */
export function fileNameFor(pattern: string, rowNumber: number, fragmentId: string): string {
  // A row without a FragmentID is named by its number: never `.txt`, a hidden file.
  const id = fragmentId.trim() === '' ? `row_${rowNumber}` : safeFileNamePart(fragmentId);
  const name = pattern.replaceAll('{n}', String(rowNumber)).replaceAll('{id}', id);
  // Windows drops trailing dots and spaces; a name of dots alone is no file.
  return name.replace(/[. ]+$/, '') || `row_${rowNumber}`;
}
