// Workbooks made to exhaust an importer, built when a test runs (no large file is committed): a
// zip bomb (a small .xlsx whose sheet unpacks to gigabytes), a sheet of 400,000 rows, and the
// small zip writer they need (JSZip would deflate the bomb's gigabyte itself).
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A part of a zip: its bytes, or its deflated bytes with what they unpack to (`declaredSize` may lie). */
export type ZipPart =
  | { readonly name: string; readonly data: Uint8Array }
  | { readonly name: string; readonly deflated: Uint8Array; readonly size: number; readonly crc: number; readonly declaredSize?: number };

/** A zip of the parts, deflated, as Excel writes one (no data descriptors, no zip64). */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const pieces: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const deflated = 'data' in part ? deflateRawSync(part.data) : part.deflated;
    const crc = 'data' in part ? crc32(part.data) : part.crc;
    const size = 'data' in part ? part.data.length : (part.declaredSize ?? part.size);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    pieces.push(local, name, Buffer.from(deflated.buffer, deflated.byteOffset, deflated.length));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const centralDirectory = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...pieces, centralDirectory, end]));
}

const text = (value: string) => new TextEncoder().encode(value);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_END = '</sheetData></worksheet>';

/** The parts of a one-sheet workbook around its sheet (`xl/worksheets/sheet1.xml`, named `sheetName`); `definedNames` inside its workbook.xml. */
export function workbookParts(sheetName = 'Master dataset', definedNames = ''): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>${definedNames}</workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
  ];
}

/**
 * A zip bomb: an .xlsx of about 1 MB per GB whose one sheet unpacks to `unpackedMB`, a cell of
 * one letter over and over. Deflate is written a megabyte at a time, each megabyte's block flushed so
 * that it stands alone: the same compressed block repeated is the whole sheet, never built.
 * `declaredMB`: what the zip's directory says it unpacks to (the truth unless given).
 */
export function bombXlsx(unpackedMB = 1200, declaredMB?: number): Uint8Array {
  // One cell whose text is a letter over and over: deflate's best case, about 1,000 to 1.
  const megabyte = Buffer.alloc(1_000_000, 'a');
  const start = Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'utf8');
  const end = Buffer.from(`</t></is></c></row>${SHEET_END}`, 'utf8');
  const flushed = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const block = flushed(megabyte);
  const pieces = [flushed(start), ...Array.from({ length: unpackedMB }, () => block), deflateRawSync(end)];
  let crc = crc32(start);
  for (let index = 0; index < unpackedMB; index++) crc = crc32(megabyte, crc);
  crc = crc32(end, crc);
  const size = start.length + megabyte.length * unpackedMB + end.length;
  return zipOf([
    ...workbookParts(),
    {
      name: 'xl/worksheets/sheet1.xml',
      deflated: Buffer.concat(pieces),
      size,
      crc,
      ...(declaredMB === undefined ? {} : { declaredSize: declaredMB * 1_000_000 }),
    },
  ]);
}

/** An .xlsx of a header row and `rows - 1` outcomes (FragmentID, Year, Outcome description): 400,000 rows make about 4 MB. */
export function manyRowsXlsx(rows = 400_000): Uint8Array {
  const lines = [SHEET_START];
  lines.push(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>FragmentID</t></is></c><c r="B1" t="inlineStr"><is><t>Year</t></is></c><c r="C1" t="inlineStr"><is><t>Outcome description</t></is></c></row>',
  );
  for (let number = 2; number <= rows; number++) {
    lines.push(
      `<row r="${number}"><c r="A${number}" t="inlineStr"><is><t>SCC-ET/PHR${number}</t></is></c><c r="B${number}"><v>${2020 + (number % 5)}</v></c><c r="C${number}" t="inlineStr"><is><t>Elders of Dire Dawa mediated between two clans.</t></is></c></row>`,
    );
  }
  lines.push(SHEET_END);
  return zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(lines.join(''), 'utf8') }]);
}

/** A one-sheet .xlsx of these rows (`<row>` elements), what follows `<sheetData>` in the sheet, and the workbook's defined names. */
export function sheetXlsx(rowsXml: string, afterSheetData = '', definedNames = ''): Uint8Array {
  const sheet = `${SHEET_START}${rowsXml}</sheetData>${afterSheetData}</worksheet>`;
  return zipOf([...workbookParts('Master dataset', definedNames), { name: 'xl/worksheets/sheet1.xml', data: text(sheet) }]);
}

/** A `<row>` of inline strings and numbers from column A. */
export function rowXml(number: number, cells: ReadonlyArray<string | number>): string {
  const cell = (value: string | number, index: number) => {
    const reference = `${String.fromCharCode(65 + index)}${number}`;
    return typeof value === 'number' ? `<c r="${reference}"><v>${value}</v></c>` : `<c r="${reference}" t="inlineStr"><is><t>${value}</t></is></c>`;
  };
  return `<row r="${number}">${cells.map(cell).join('')}</row>`;
}
