/**
 * Plain spreadsheet values, as the workbook adapters hand them to the core and take them back:
 * no workbook library here, so the mappings run in the CLI, the server and a browser worker.
 */

/** A date cell, as ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when it has a time of day). */
export interface DateCell {
  readonly date: string;
}

/** One cell's value: text, a number, a boolean, a date, or nothing. Formulas arrive as their cached result, rich text as its plain text. */
export type Cell = string | number | boolean | DateCell | null;

export type Row = readonly Cell[];

/** One sheet: its name and its rows, the header row first. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly Row[];
  /** Columns (from 0) whose cells below the header are chosen from a drop-down list: written to an .xlsx, not read back. */
  readonly lists?: ReadonlyArray<{ readonly column: number; readonly values: readonly string[] }>;
  /** Column widths in characters, from the first column: written to an .xlsx, not read back. */
  readonly widths?: readonly number[];
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || cell === '';
}

/**
 * A cell as a fragment writes it: the value, never a spreadsheet artefact. Numbers in their
 * shortest form (`2024`, never `2024.0`), dates as `YYYY-MM-DD`, booleans as `TRUE`/`FALSE`.
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Object.is(cell, -0) ? '0' : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const [day, time = ''] = cell.date.split('T');
  return time === '' || /^00:00(?::00(?:\.0+)?)?Z?$/.test(time) ? (day as string) : `${day} ${time.replace(/(?:\.\d+)?Z?$/, '')}`;
}

/**
 * A value as an exported cell: a number when the text is a number written in its shortest form
 * (so that importing the cell writes the same text), otherwise the text; an empty value is an empty cell.
 */
export function cellFromText(text: string): Cell {
  if (text === '') return null;
  if (/^-?\d/.test(text)) {
    const number = Number(text);
    if (Number.isFinite(number) && String(number) === text) return number;
  }
  return text;
}

/** Two cells hold the same value: `2024` equals `2024.0`, and an empty string an empty cell. */
export function sameCellValue(a: Cell | undefined, b: Cell | undefined): boolean {
  return cellText(a) === cellText(b);
}

/** A column's letters, as a spreadsheet names it (1 → A, 27 → AA), for messages. */
export function columnName(column: number): string {
  let name = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}
