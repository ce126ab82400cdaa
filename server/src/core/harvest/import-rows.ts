import * as l10n from '@vscode/l10n';
import type { FragmentSchema } from '../schema/schema-types';
import { type Cell, cellText, columnName, isEmptyCell, type Row, type Sheet } from './cells';
import { DEFAULT_NAME_PATTERN, distinctFileNames, namePatternProblem, rowFileName } from './file-names';
import { type MasterLayout, masterLayout } from './layout';

/** A workbook that cannot be imported as it is: the message says what to change. Nothing is written. */
export class HarvestInputError extends Error {}

export interface ImportedFragment {
  /** The row's number among the data rows, from 1 (the `{n}` of the name pattern). */
  readonly rowNumber: number;
  readonly fileName: string;
  readonly text: string;
}

export interface SheetImport {
  readonly fragments: readonly ImportedFragment[];
  /** The numbers of the rows whose cells were all empty: skipped, not written as files of empty fields. */
  readonly emptyRows: readonly number[];
}

/**
 * The fragment files of a sheet, as the generator writes them (FORMAT.md §6). Throws a
 * HarvestInputError on a sheet that cannot be read as a harvest: no header row, a blank or
 * duplicate header, a value beyond the last header, two rows with one file name.
 */
export function importSheet(sheet: Sheet, schema: FragmentSchema, namePattern = DEFAULT_NAME_PATTERN): SheetImport {
  const patternProblem = namePatternProblem(namePattern);
  if (patternProblem) throw new HarvestInputError(patternProblem);
  const headers = headersOf(sheet);
  const layout = masterLayout(schema);
  const plan = planColumns(headers, layout);
  const idColumn = headers.findIndex((header) => header.trim() === schema.idField);
  const rows: Array<{ index: number; rowNumber: number; name: string; madeSafe: boolean; row: Row }> = [];
  const emptyRows: number[] = [];
  for (let index = 1; index < sheet.rows.length; index++) {
    const row = sheet.rows[index] as Row;
    const rowNumber = index;
    for (let column = headers.length; column < row.length; column++) {
      if (!isEmptyCell(row[column])) {
        throw new HarvestInputError(
          l10n.t(
            'row {0} has a value in column {1}, beyond the last header ({2}): give that column a header, or clear it',
            index + 1,
            columnName(column + 1),
            columnName(headers.length),
          ),
        );
      }
    }
    if (row.every((cell) => isEmptyCell(cell))) {
      emptyRows.push(rowNumber);
      continue;
    }
    rows.push({ index, rowNumber, ...rowFileName(namePattern, rowNumber, idColumn < 0 ? '' : cellText(row[idColumn])), row });
  }
  // Names made safe (on Windows too) never land on another row's; names as written that clash are the sheet's mistake.
  const names = distinctFileNames(rows);
  const rowOfFile = new Map<string, number>();
  const fragments: ImportedFragment[] = [];
  for (const [position, { index, rowNumber, row }] of rows.entries()) {
    const fileName = names[position] as string;
    const clash = rowOfFile.get(fileName.toLowerCase());
    if (clash !== undefined) {
      throw new HarvestInputError(l10n.t('rows {0} and {1} would both be written to {2}: use a name pattern with {3}', clash + 1, index + 1, fileName, '{n}'));
    }
    rowOfFile.set(fileName.toLowerCase(), index);
    fragments.push({ rowNumber, fileName, text: rowToFragmentText(headers, row, layout, plan) });
  }
  if (fragments.length === 0 && emptyRows.length === 0) throw new HarvestInputError(l10n.t('the sheet has a header row but no rows of outcomes below it'));
  return { fragments, emptyRows };
}

/** The header row's texts, checked: present, none blank, none twice. */
export function headersOf(sheet: Sheet): string[] {
  const first = sheet.rows[0];
  if (!first || first.every((cell) => isEmptyCell(cell))) {
    throw new HarvestInputError(l10n.t('the sheet "{0}" is empty: the first row must hold the headers (FragmentID, Outcome status, …)', sheet.name));
  }
  let last = first.length;
  while (last > 0 && isEmptyCell(first[last - 1])) last--;
  const headers = first.slice(0, last).map((cell) => cellText(cell));
  const seen = new Map<string, number>();
  for (const [column, header] of headers.entries()) {
    if (header.trim() === '') {
      throw new HarvestInputError(
        l10n.t("the header of column {0} is blank: every column needs a header (it becomes the field's key)", columnName(column + 1)),
      );
    }
    if (/[*\r\n]/.test(header)) {
      throw new HarvestInputError(
        l10n.t(
          'the header of column {0} ("{1}") holds a line break or a *, which no field key can hold',
          columnName(column + 1),
          header.replace(/\r?\n|\r/g, ' '),
        ),
      );
    }
    const twin = seen.get(header.trim());
    if (twin !== undefined) {
      throw new HarvestInputError(
        l10n.t(
          'columns {0} and {1} have the same header "{2}": each field can have one column only',
          columnName(twin + 1),
          columnName(column + 1),
          header.trim(),
        ),
      );
    }
    seen.set(header.trim(), column);
  }
  return headers;
}

/** What each column of a sheet becomes, worked out once per sheet rather than once per cell. */
type ColumnPlan =
  | { readonly kind: 'text'; readonly linePrefix: string }
  | { readonly kind: 'yesno'; readonly linePrefix: string }
  | { readonly kind: 'one-hot'; readonly list: number; readonly label: string };

export function planColumns(headers: readonly string[], layout: MasterLayout): ColumnPlan[] {
  return headers.map((header): ColumnPlan => {
    const list = layout.oneHot.findIndex((field) => header.startsWith(field.prefix));
    if (list >= 0) return { kind: 'one-hot', list, label: header.slice((layout.oneHot[list] as MasterLayout['oneHot'][number]).prefix.length) };
    return { kind: layout.yesNo.has(header) ? 'yesno' : 'text', linePrefix: `**${header}**: ` };
  });
}

/**
 * One row as fragment text: every column in sheet order as `**{header}**: {text}` (the header
 * exactly as written), the one-hot columns folded into lists written after all other lines,
 * YES/NO for the yes/no columns; LF line ends and a final LF.
 */
export function rowToFragmentText(headers: readonly string[], row: Row, layout: MasterLayout, plan = planColumns(headers, layout)): string {
  let text = '';
  const lists = layout.oneHot.map(() => [] as string[]);
  for (let column = 0; column < plan.length; column++) {
    const cell = row[column] ?? null;
    const columnPlan = plan[column] as ColumnPlan;
    if (columnPlan.kind === 'one-hot') {
      if (isOne(cell)) lists[columnPlan.list]?.push(columnPlan.label);
    } else if (columnPlan.kind === 'yesno') text += `${columnPlan.linePrefix}${isOne(cell) || isYes(cell) ? 'YES' : 'NO'}\n`;
    else text += `${columnPlan.linePrefix}${flattenLineBreaks(cellText(cell))}\n`;
  }
  for (const [list, labels] of lists.entries()) {
    if (labels.length > 0) text += `**${(layout.oneHot[list] as MasterLayout['oneHot'][number]).key}**: ${labels.join(', ')}\n`;
  }
  return text;
}

/** A cell of 1, as a number or as the text `1`: a one-hot column's tick, a yes/no column's yes. */
function isOne(cell: Cell): boolean {
  return cell === 1 || (typeof cell === 'string' && cell.trim() === '1');
}

/** A yes/no cell that already says yes: kept, where the generator would have written NO. */
function isYes(cell: Cell): boolean {
  return cell === true || (typeof cell === 'string' && /^\s*yes\s*$/i.test(cell));
}

/** CRLF and LF inside a cell become one space each; a lone CR is kept, as the generator does. */
export function flattenLineBreaks(text: string): string {
  return text.includes('\n') ? text.replace(/\r?\n/g, ' ') : text;
}
