import * as l10n from '@vscode/l10n';
import type JSZip from 'jszip';
import { limitsOf, MB, megabytes, type ReadOptions, tooManyRows, unpacksTooLarge } from './limits';
import { WorkbookError } from './workbook-error';

/**
 * The bounds of an `.xlsx` (FORMAT.md §6, "Workbooks are bounded before they are read"), checked
 * before exceljs sees it. exceljs unpacks every part of the zip whole into one string and builds
 * every row of every sheet (server/src/workbook/xlsx.ts), so what it would read is measured
 * first, with JSZip, the zip reader exceljs itself uses (the same reading of the same bytes):
 *
 * 1. the zip's central directory: how many parts, and what each declares it unpacks to (the sum
 *    against the limit, each part against what one JavaScript string can hold), nothing unpacked;
 * 2. every part unpacked as a stream, a chunk at a time, kept nowhere: a part that unpacks to more
 *    than its directory declares is refused at the first chunk past it (a directory that lies
 *    cannot make this exhaust memory), and each worksheet's rows are counted as it streams by.
 */

/** The parts a workbook has at most: Excel writes a few dozen, a few hundred with many pictures. */
const MAX_PARTS = 10_000;
/** exceljs reads a part as one string: V8's strings hold at most 2^29 - 24 characters (Node 20). */
const MAX_PART_BYTES = 500 * MB;
/** The parts exceljs reads as worksheets: its own test of a part's name (lib/xlsx/xlsx.js). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
/** A tag longer than this is no tag of a workbook Excel wrote. */
const MAX_TAG = 1 * MB;
/** A `<row>` start tag (not `<rowBreaks>`, nor `<x:row>`, which exceljs does not read), its attributes quoted or not. */
const ROW_TAG = /<row(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ROW_NUMBER = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/**
 * What JSZip has of a part beyond its typings: the stream it reads it by, and its data: what the
 * directory declares it unpacks to, or, for a part that declares nothing, an empty text.
 */
interface ZipPart extends JSZip.JSZipObject {
  internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
  readonly _data?: { readonly uncompressedSize?: number } | string;
}

async function jszip(): Promise<typeof JSZip> {
  const loaded = await import('jszip');
  return (loaded as unknown as { default?: typeof JSZip }).default ?? (loaded as unknown as typeof JSZip);
}

export function damaged(reason: string): WorkbookError {
  return new WorkbookError(l10n.t('the file is not a readable .xlsx workbook (it may be damaged): {0}', reason));
}

/** Refuses, with a message saying which bound and how to raise it, a workbook past the limits; resolves when it is within them. */
export async function checkXlsxBounds(bytes: Uint8Array, options?: ReadOptions): Promise<void> {
  const limits = limitsOf(options);
  let zip: JSZip;
  try {
    zip = await (await jszip()).loadAsync(bytes);
  } catch (error) {
    throw damaged((error as Error).message);
  }
  const parts = Object.values(zip.files).filter((part) => !part.dir) as ZipPart[];
  if (parts.length > MAX_PARTS) throw damaged(l10n.t('it has {0} parts, more than the {1} a workbook has', parts.length, MAX_PARTS));
  const declared = parts.map(declaredSize);
  const declaredTotal = declared.reduce((sum, size) => sum + size, 0);
  if (declaredTotal > limits.maxUnpackedMB * MB) throw unpacksTooLarge(declaredTotal, options);
  for (const [index, part] of parts.entries()) {
    const size = declared[index] as number;
    if (size > MAX_PART_BYTES) {
      throw new WorkbookError(
        l10n.t(
          'the workbook\'s part {0} unpacks to {1} MB, more than the {2} MB one part can be read as: nothing was imported. Save the sheet as CSV ("CSV UTF-8") and import that',
          part.name,
          megabytes(size),
          MAX_PART_BYTES / MB,
        ),
      );
    }
  }

  const sheets = new Map<string, RowCounter>();
  const texts = new Map<string, TextCollector>();
  // The parts stream side by side; the first to fail stops the others.
  const stop = { stopped: false };
  try {
    await Promise.all(
      parts.map((part, index) => {
        const name = part.name.replace(/^\//, '');
        let scan: ((chunk: Uint8Array) => void) | undefined;
        if (WORKSHEET_PART.test(name)) {
          const counter = new RowCounter();
          sheets.set(name, counter);
          scan = (chunk) => counter.add(chunk);
        } else if (name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels') {
          const collector = new TextCollector();
          texts.set(name, collector);
          scan = (chunk) => collector.add(chunk);
        }
        return unpackWithin(part, declared[index] as number, scan, stop);
      }),
    );
  } finally {
    stop.stopped = true;
  }
  checkSheetIds(texts.get('xl/workbook.xml')?.text() ?? '');
  let names: Map<string, string> | undefined;
  for (const [part, counter] of sheets) {
    const rows = counter.rows();
    if (rows > limits.maxRows) {
      names ??= sheetNames(texts.get('xl/workbook.xml')?.text() ?? '', texts.get('xl/_rels/workbook.xml.rels')?.text() ?? '');
      throw tooManyRows(names.get(part) ?? part, rows, options);
    }
  }
}

/**
 * exceljs keeps the sheets in an array at their `sheetId`, and sorts it whole: a 2 KB workbook
 * whose one sheet is numbered 99999999 took 30 s (found by the fuzzer). Excel numbers its sheets
 * from 1, one more for each sheet ever added.
 */
const MAX_SHEET_ID = 100_000;

function checkSheetIds(workbook: string): void {
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    // As exceljs reads it: parseInt, so `sheetId="12abc"` is 12.
    const id = Number.parseInt(attribute(tag, 'sheetId') ?? '', 10);
    if (id > MAX_SHEET_ID) {
      throw damaged(l10n.t('its sheet "{0}" is numbered {1}, past the {2} a workbook numbers its sheets to', attribute(tag, 'name') ?? '', id, MAX_SHEET_ID));
    }
  }
}

/** What the directory says a part unpacks to (JSZip reads the 32-bit size as a signed number). */
function declaredSize(part: ZipPart): number {
  // A part that declares no bytes is read as empty, whatever it holds.
  if (typeof part._data === 'string') return part._data.length;
  const size = part._data?.uncompressedSize;
  if (typeof size !== 'number' || !Number.isFinite(size)) throw damaged(l10n.t('its zip directory gives no size for its part {0}', part.name));
  return size < 0 ? size + 2 ** 32 : size;
}

/**
 * Unpacks a part a chunk at a time, each chunk handed to `scan` and dropped; refused past what
 * the directory declared. Stops, unpacking no further, once `stop.stopped` (another part failed).
 */
function unpackWithin(part: ZipPart, declared: number, scan: ((chunk: Uint8Array) => void) | undefined, stop: { readonly stopped: boolean }): Promise<void> {
  return new Promise((resolve, reject) => {
    let unpacked = 0;
    let settled = false;
    const fail = (error: WorkbookError) => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(error);
    };
    const stream = part.internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (settled) return;
        if (stop.stopped) {
          settled = true;
          stream.pause();
          resolve();
          return;
        }
        unpacked += chunk.length;
        if (unpacked > declared) fail(damaged(l10n.t('its part {0} unpacks to more than its zip directory says', part.name)));
        else {
          try {
            scan?.(chunk);
          } catch (error) {
            fail(error instanceof WorkbookError ? error : damaged((error as Error).message));
          }
        }
      })
      // JSZip's word for a part that unpacks to less than declared is "Bug : uncompressed data size mismatch".
      .on('error', (error) =>
        fail(damaged(/size mismatch/.test(error.message) ? l10n.t('its part {0} unpacks to less than its zip directory says', part.name) : error.message)),
      )
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve();
      })
      .resume();
  });
}

/**
 * A worksheet's rows as exceljs will build them, counted as its XML streams by: the highest row
 * number (`<row r="400001">` makes 400,001 rows, however few are written) or the number of
 * `<row>` tags, whichever is more. A tag cut by a chunk's end waits for the next chunk.
 */
class RowCounter {
  private readonly decoder = new TextDecoder('utf-8');
  private rest = '';
  private tags = 0;
  private highest = 0;

  add(chunk: Uint8Array): void {
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    const open = text.lastIndexOf('<');
    const cut = open >= 0 && text.indexOf('>', open) < 0 ? open : text.length;
    for (const match of text.slice(0, cut).matchAll(ROW_TAG)) {
      this.tags++;
      const number = ROW_NUMBER.exec(match[1] ?? '');
      // As exceljs reads it: parseInt, so `r="12abc"` is row 12.
      const value = number ? Number.parseInt(number[1] ?? number[2] ?? '', 10) : Number.NaN;
      if (Number.isFinite(value) && value > this.highest) this.highest = value;
    }
    this.rest = text.slice(cut);
    if (this.rest.length > MAX_TAG) throw damaged(l10n.t('it holds a tag longer than {0} MB', MAX_TAG / MB));
  }

  rows(): number {
    return Math.max(this.tags, this.highest);
  }
}

/** A small part's text (the workbook's list of sheets, its relationships), for the names in messages. */
class TextCollector {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly pieces: string[] = [];

  add(chunk: Uint8Array): void {
    this.pieces.push(this.decoder.decode(chunk, { stream: true }));
  }

  text(): string {
    return this.pieces.join('') + this.decoder.decode();
  }
}

/** The sheets' names by their parts, as exceljs pairs them: `<sheet name r:id>` in the workbook, its relationship's target. */
function sheetNames(workbook: string, relationships: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [tag] of relationships.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  const names = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attribute(tag, 'r:id') ?? '');
    const name = attribute(tag, 'name');
    if (target !== undefined && name !== undefined && !names.has(target)) names.set(target, name);
  }
  return names;
}

function attribute(tag: string, name: string): string | undefined {
  const found = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (!found) return undefined;
  return (found[1] ?? found[2] ?? '').replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (entity, decimal, hex, named) => {
    if (decimal !== undefined || hex !== undefined) {
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[(named as string).toLowerCase() as 'amp'];
  });
}
