import * as l10n from '@vscode/l10n';
import type { Sheet } from './cells';

/** Every fragment was confidential and left out: what the export says instead of writing an empty file. */
export function allConfidentialMessage(confidentialLeftOut: number): string {
  return l10n.t(
    'all {0} fragments are confidential (flag 1, empty or invalid) and are left out: nothing to export; ask for them with {1}',
    confidentialLeftOut,
    '--include-confidential',
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 cannot hold are exactly what is looked for
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Cells whose text holds characters XML cannot hold: exceljs drops them silently, so an .xlsx export says so. */
export function unwritableInXlsxWarning(sheets: readonly Sheet[]): string | undefined {
  let count = 0;
  for (const sheet of sheets) for (const row of sheet.rows) for (const cell of row) if (typeof cell === 'string' && XML_UNSAFE.test(cell)) count++;
  if (count === 0) return undefined;
  return count === 1
    ? l10n.t('1 value holds control characters, which an .xlsx cannot hold: they are left out there (export as .csv to keep them)')
    : l10n.t('{0} values hold control characters, which an .xlsx cannot hold: they are left out there (export as .csv to keep them)', count);
}
