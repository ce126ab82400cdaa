import * as l10n from '@vscode/l10n';
import type { Sheet } from './cells';

/** Every fragment was left out (confidential, or still holding a possible identifier): what the export says instead of writing an empty file. */
export function allLeftOutMessage(confidentialLeftOut: number, unanonymisedLeftOut = 0): string {
  if (unanonymisedLeftOut === 0)
    return l10n.t(
      'all {0} fragments are confidential (flag 1, empty or invalid) and are left out: nothing to export; ask for them with {1}',
      confidentialLeftOut,
      '--include-confidential',
    );
  if (confidentialLeftOut === 0)
    return l10n.t(
      'all {0} fragments still hold possible identifying details (possible-identifier) and are left out: nothing to export; anonymise them, or ask for them with {1}',
      unanonymisedLeftOut,
      '--include-unanonymised',
    );
  return l10n.t(
    'every fragment is left out: {0} confidential ({1} exports them), {2} still holding possible identifying details ({3} exports them); nothing to export',
    confidentialLeftOut,
    '--include-confidential',
    unanonymisedLeftOut,
    '--include-unanonymised',
  );
}

/** What an export says of the fragments it left out for their possible identifying details; empty when none. */
export function unanonymisedLeftOutMessage(unanonymisedLeftOut: number): string {
  if (unanonymisedLeftOut === 0) return '';
  return unanonymisedLeftOut === 1
    ? l10n.t('1 fragment left out: it still holds possible identifying details (possible-identifier; {0} exports it).', '--include-unanonymised')
    : l10n.t(
        '{0} fragments left out: they still hold possible identifying details (possible-identifier; {1} exports them).',
        unanonymisedLeftOut,
        '--include-unanonymised',
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
