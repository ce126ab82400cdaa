import * as l10n from '@vscode/l10n';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { type Cell, cellText, type Row, type Sheet } from '../core/harvest/cells';
import { guardFormula, unguardFormula } from './formula-guard';
import { csvTooLarge, limitsOf, MB, type ReadOptions, tooManyRows } from './limits';
import { WorkbookError } from './workbook-error';

/** The delimiters Excel writes: `,`, and `;` in much of Europe; tab for "Unicode text". */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * CSV through csv-parse (RFC 4180 quoting, line breaks inside quotes). Every cell is text; an
 * empty one is empty; the `'` of the formula guard comes off (./formula-guard.ts). A file larger
 * than the limit is not decoded; past the row limit, rows are counted, not kept.
 */
export function readCsv(bytes: Uint8Array, name: string, options?: ReadOptions): Sheet {
  const limits = limitsOf(options);
  if (bytes.length > limits.maxUnpackedMB * MB) throw csvTooLarge(bytes.length, options);
  const text = decode(bytes);
  let records: string[][];
  let count = 0;
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => (++count > limits.maxRows ? null : record),
    });
  } catch (error) {
    throw new WorkbookError(l10n.t('the CSV file is damaged: {0}', (error as Error).message));
  }
  if (count > limits.maxRows) throw tooManyRows(name, count, options);
  const rows: Row[] = records.map((record) => record.map((value): Cell => (value === '' ? null : unguardFormula(value))));
  return { name, rows };
}

/** The delimiter of the header line: the one of Excel's that occurs most often outside quotes. */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ',';
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else is refused rather than guessed. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new WorkbookError(l10n.t('the CSV file is not UTF-8 text: in Excel, save it as "CSV UTF-8 (comma delimited)", or import the .xlsx'));
  }
}

/**
 * One sheet as CSV (csv-stringify): UTF-8 with a BOM, so that Excel reads its accents; CRLF line
 * ends; quoted where needed (csv-stringify quotes a CRLF but not a lone LF or CR: they are asked
 * for, and so are `;` and tab, which readCsv would otherwise take for the delimiter of a file of
 * one column); every text cell through the formula guard (a number stays a number: `-3` is not
 * guarded, a text `-3 + A1` is).
 */
export function writeCsv(sheet: Sheet): Uint8Array {
  const text = stringify(
    sheet.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cellText(cell)))),
    { record_delimiter: '\r\n', quoted_match: /^\s|\s$|[\r\n;\t]/ },
  );
  return new TextEncoder().encode(`\uFEFF${text}`);
}
