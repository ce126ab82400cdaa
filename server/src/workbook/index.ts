import * as l10n from '@vscode/l10n';
import type { Sheet } from '../core/harvest/cells';
import { readCsv, writeCsv } from './csv';
import type { ReadOptions } from './limits';
import { WorkbookError } from './workbook-error';
import { readXlsxSheets, writeXlsx } from './xlsx';

export { DEFAULT_WORKBOOK_LIMITS, type GivenLimits, LIMIT_SETTINGS, type RaiseLimitWith, type ReadOptions, type WorkbookLimits } from './limits';
export { WorkbookError } from './workbook-error';

export type WorkbookFormat = 'xlsx' | 'csv';

/** The format a file name asks for, or undefined. */
export function formatOfName(fileName: string): WorkbookFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

/**
 * The first sheet of a workbook, from its bytes: `.xlsx` or `.csv`, told by what the bytes are
 * rather than by the name alone, with a message that says what to do for what cannot be read:
 * a damaged file, a password-protected one and one past the limits (`options`) are told apart.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, options?: ReadOptions): Promise<Sheet> {
  return (await readSheets(bytes, fileName, options, 1))[0] as Sheet;
}

/** Every sheet of a workbook (a CSV file holds one), as `readWorkbook` reads the first: a form's sheet of outcomes need not come first. */
export function readWorkbookSheets(bytes: Uint8Array, fileName: string, options?: ReadOptions): Promise<Sheet[]> {
  return readSheets(bytes, fileName, options, Number.POSITIVE_INFINITY);
}

async function readSheets(bytes: Uint8Array, fileName: string, options: ReadOptions | undefined, most: number): Promise<Sheet[]> {
  if (bytes.length === 0) throw new WorkbookError(l10n.t('the file is empty'));
  if (isZip(bytes)) return readXlsxSheets(bytes, options, most);
  if (isCompoundFile(bytes)) {
    throw new WorkbookError(
      isEncrypted(bytes)
        ? l10n.t('the workbook is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook), save it and import it again')
        : l10n.t('this is an old Excel 97-2003 (.xls) workbook: save it as .xlsx and import that'),
    );
  }
  const format = formatOfName(fileName);
  if (format === 'csv') return [readCsv(bytes, fileName.replace(/^.*[/\\]/, '').replace(/\.csv$/i, ''), options)];
  if (format === 'xlsx')
    throw new WorkbookError(l10n.t('the file is not an .xlsx workbook (its content is not one, whatever its name says), or it is damaged'));
  throw new WorkbookError(l10n.t('not a workbook: import an .xlsx or a .csv file'));
}

/** Sheets as the bytes of a workbook; a CSV file holds one sheet. */
export async function writeWorkbook(sheets: readonly Sheet[], format: WorkbookFormat): Promise<Uint8Array> {
  if (format === 'xlsx') return writeXlsx(sheets);
  if (sheets.length !== 1) throw new WorkbookError(l10n.t('a CSV file holds one sheet'));
  return writeCsv(sheets[0] as Sheet);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE compound file: what Excel writes for an encrypted (password-protected) workbook, and for .xls. */
function isCompoundFile(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return signature.every((byte, index) => bytes[index] === byte);
}

/** An encrypted OOXML package names its stream "EncryptedPackage" (UTF-16) in the compound file's directory. */
function isEncrypted(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const pattern = new Uint8Array(name.length * 2);
  for (let index = 0; index < name.length; index++) pattern[index * 2] = name.charCodeAt(index);
  outer: for (let start = 0; start + pattern.length <= bytes.length; start++) {
    for (let offset = 0; offset < pattern.length; offset++) if (bytes[start + offset] !== pattern[offset]) continue outer;
    return true;
  }
  return false;
}
