import * as l10n from '@vscode/l10n';
import { type Cell, columnName, type Row, type Sheet } from '../core/harvest/cells';
import { limitsOf, type ReadOptions } from './limits';
import { WorkbookError } from './workbook-error';
import { checkXlsxBounds, damaged } from './xlsx-bounds';

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
/** The columns of an .xlsx sheet (A to XFD). */
const MAX_COLUMNS = 16_384;
/**
 * The parts of a sheet exceljs would read and an import needs none of: left unread, so that no
 * range in them is expanded cell by cell (a merge or a validation over A1:XFD1048576 makes 17
 * billion cells). A merged range's value is then in its first cell only, as pandas (the
 * generator, FORMAT.md §6) reads it.
 */
const IGNORED_SHEET_PARTS = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'mergeCells',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

/**
 * The first sheet of a workbook, its cells as plain values. The workbook is measured against the
 * limits first (./xlsx-bounds.ts): what is past them is refused before exceljs unpacks it.
 */
export async function readXlsx(bytes: Uint8Array, options?: ReadOptions): Promise<Sheet> {
  return (await readXlsxSheets(bytes, options, 1))[0] as Sheet;
}

/** The sheets of a workbook (the first `most` of them), in the workbook's order, each within the limits. */
export async function readXlsxSheets(bytes: Uint8Array, options?: ReadOptions, most = Number.POSITIVE_INFINITY): Promise<Sheet[]> {
  await checkXlsxBounds(bytes, options);
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  // exceljs expands every defined name (the hidden range of a filter, say) into one object per cell; an import reads none.
  Object.defineProperty(workbook.definedNames, 'model', { configurable: true, get: () => [], set: () => undefined });
  try {
    await workbook.xlsx.load(
      bytes as unknown as Parameters<typeof workbook.xlsx.load>[0],
      {
        ignoreNodes: IGNORED_SHEET_PARTS,
        maxCols: MAX_COLUMNS,
      } as Parameters<typeof workbook.xlsx.load>[1],
    );
  } catch (error) {
    throw damaged((error as Error).message);
  }
  if (workbook.worksheets.length === 0) throw new WorkbookError(l10n.t('the workbook has no sheet'));
  return workbook.worksheets.slice(0, most).map((sheet) => sheetOf(sheet, limitsOf(options).maxRows * CELLS_PER_ROW));
}

function sheetOf(sheet: import('exceljs').Worksheet, budget: number): Sheet {
  let cells = 0;
  const rows: Row[] = [];
  // Rows are 1-based and sparse: a missing one is empty.
  sheet.eachRow({ includeEmpty: true }, (excelRow, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([]);
    const row = rowCells(excelRow);
    cells += row.length;
    if (cells > budget) throw tooWide(sheet.name, budget);
    rows.push(row);
  });
  return { name: sheet.name, rows };
}

/** The cells a sheet may spread over, on average per row: a harvest has a few dozen columns. */
const CELLS_PER_ROW = 100;

function tooWide(sheet: string, budget: number): WorkbookError {
  return new WorkbookError(
    l10n.t(
      'the sheet "{0}" has values so far to the right that it holds more than {1} cells: nothing was imported. Clear the cells right of the last column that has a header, and import it again',
      sheet,
      budget,
    ),
  );
}

/**
 * A row's cells up to its last value. exceljs keeps them in a sparse array (one cell at XFD makes
 * 16,384 slots) that its own `values` and `eachCell` walk slot by slot, 0.4 ms a row:
 * `for…in` visits only the cells there are.
 */
function rowCells(excelRow: import('exceljs').Row): Cell[] {
  const slots = (excelRow as unknown as { _cells?: Array<import('exceljs').Cell | undefined> })._cells;
  const found: Array<[number, Cell]> = [];
  if (slots) {
    for (const key in slots) {
      const cell = slots[key as unknown as number];
      const value = cell && cell.type !== 0 ? plainCell(cell.value) : null; // 0: exceljs's ValueType.Null
      if (value !== null) found.push([Number(key), value]);
    }
  }
  const last = found.at(-1);
  const row: Cell[] = last ? new Array<Cell>(last[0] + 1).fill(null) : [];
  for (const [index, value] of found) row[index] = value;
  return row;
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

/** A workbook of the given sheets, the header row bold and frozen; a sheet's lists as drop-down lists of its cells below the header. */
export async function writeXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const [index, row] of sheet.rows.entries()) {
      worksheet.addRow(row.map((cell) => excelValue(cell, sheet.name, index)));
    }
    worksheet.getRow(1).font = { bold: true };
    for (const [index, width] of (sheet.widths ?? []).entries()) {
      const column = worksheet.getColumn(index + 1);
      column.width = width;
      column.alignment = { wrapText: true, vertical: 'top' };
    }
    for (const list of sheet.lists ?? []) addList(workbook, worksheet, list, Math.max(sheet.rows.length, 2));
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

/**
 * A drop-down list on a column's cells below the header: written in the rule itself when it can be
 * (Excel's limit is 255 characters, and a comma separates), else read from a hidden sheet.
 */
function addList(
  workbook: import('exceljs').Workbook,
  worksheet: import('exceljs').Worksheet,
  list: { readonly column: number; readonly values: readonly string[] },
  lastRow: number,
): void {
  const letters = columnName(list.column + 1);
  const inline = list.values.join(',');
  let formula = `"${inline.replace(/"/g, '""')}"`;
  if (inline.length > 255 || list.values.some((value) => value.includes(','))) {
    const name = `Lists ${worksheet.id}`;
    const hidden = workbook.getWorksheet(name) ?? workbook.addWorksheet(name, { state: 'veryHidden' });
    const at = hidden.columnCount + 1;
    for (const [row, value] of list.values.entries()) hidden.getCell(row + 1, at).value = value;
    formula = `'${name}'!$${columnName(at)}$1:$${columnName(at)}$${list.values.length}`;
  }
  // exceljs has the worksheet's validations, not their typings.
  (worksheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(`${letters}2:${letters}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'error',
    error: list.values.join(', '),
  });
}
