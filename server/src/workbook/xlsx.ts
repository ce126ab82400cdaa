import * as l10n from '@vscode/l10n';
import type { Cell, Row, Sheet } from '../core/harvest/cells';
import { WorkbookError } from './workbook-error';

/**
 * `.xlsx` through exceljs, from and to bytes only (no file system), so that the same adapter
 * runs in the CLI, the language server and a browser worker. exceljs is loaded on first use:
 * the language server starts without it.
 */
async function excel(): Promise<typeof import('exceljs')> {
  const loaded = await import('exceljs');
  return (loaded as unknown as { default?: typeof import('exceljs') }).default ?? loaded;
}

/** What an Excel cell holds at most. */
const MAX_CELL_TEXT = 32_767;

/** The first sheet of a workbook, its cells as plain values. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new WorkbookError(l10n.t('the file is not a readable .xlsx workbook (it may be damaged): {0}', (error as Error).message));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new WorkbookError(l10n.t('the workbook has no sheet'));
  const values = sheet.getSheetValues() as unknown[];
  const rows: Row[] = [];
  // Rows and cells are 1-based and sparse: a missing one is empty.
  for (let rowNumber = 1; rowNumber < values.length; rowNumber++) {
    const rowValues = values[rowNumber] as unknown[] | undefined;
    const row: Cell[] = [];
    if (rowValues) for (let column = 1; column < rowValues.length; column++) row.push(plainCell(rowValues[column]));
    rows.push(row);
  }
  return { name: sheet.name, rows };
}

/** An exceljs value as a plain cell: a formula as its cached result, rich text as its text, a link as its text, an error as its code. */
function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value.toISOString().slice(0, 19) };
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('richText' in object && Array.isArray(object.richText)) return object.richText.map((run: { text?: string }) => run.text ?? '').join('');
    if ('formula' in object || 'sharedFormula' in object) return plainCell(object.result);
    if ('error' in object) return String(object.error);
    if ('text' in object) return plainCell(object.text);
  }
  return String(value);
}

/** A workbook of the given sheets, the header row bold and frozen. */
export async function writeXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const [index, row] of sheet.rows.entries()) {
      worksheet.addRow(row.map((cell) => excelValue(cell, sheet.name, index)));
    }
    worksheet.getRow(1).font = { bold: true };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function excelValue(cell: Cell, sheet: string, rowIndex: number): string | number | boolean | Date | null {
  if (cell === null || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (typeof cell === 'string') {
    if (cell.length > MAX_CELL_TEXT) {
      throw new WorkbookError(
        l10n.t(
          'row {0} of sheet "{1}" has a value of {2} characters, more than the {3} an Excel cell holds: export as .csv',
          rowIndex + 1,
          sheet,
          cell.length,
          MAX_CELL_TEXT,
        ),
      );
    }
    return cell;
  }
  return new Date(`${cell.date}Z`);
}
