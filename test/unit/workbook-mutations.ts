// What the workbook fuzzer (workbook-fuzz.test.ts) does to its seeds: fast-check arbitraries of
// mutations of an .xlsx (its XML mangled, row numbers, shared strings and dimensions that lie,
// huge ranges, parts dropped or copied; its zip entries truncated, flipped or declaring another
// size; its bytes flipped or cut) and of a CSV file, and how each is applied.
import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import JSZip from 'jszip';
import { zipOf } from './workbook-bombs';

export interface Part {
  readonly name: string;
  readonly text: string;
}

/** A seed workbook's parts as text (the seeds hold no pictures). */
export async function partsOf(bytes: Uint8Array): Promise<Part[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(
    Object.values(zip.files)
      .filter((file) => !file.dir)
      .map(async (file) => ({ name: file.name, text: await file.async('string') })),
  );
}

/** Where a mutation acts: a fraction of the length it applies to (so that one arbitrary fits every part). */
const at = fc.double({ min: 0, max: 1, noNaN: true });
const where = (fraction: number, length: number) => Math.min(length, Math.floor(fraction * length));

const hugeNumber = fc.constantFrom('0', '-1', '1048577', '99999999', '4294967296', '1e309', 'NaN', '', '12abc', '9'.repeat(40));
const hugeRange = fc.constantFrom('A1:XFD1048576', 'A1:A1048576', 'XFD1:XFD1', 'A0:B0', 'ZZZZ1:ZZZZ9', 'B2:A1', 'A1', ':', 'A1:XFD99999999');
/** What a spreadsheet file may hold that a parser may choke on. */
const junk = fc.oneof(
  fc.constantFrom(
    '<',
    '>',
    '&',
    '"',
    "'",
    '\u0000',
    '<!--',
    ']]>',
    '<![CDATA[',
    '&#0;',
    '&#x110000;',
    '&bogus;',
    '</sheetData>',
    '<sheetData>',
    '<row r="99999999">',
    '<row>',
    '<x:row r="5">',
    '<c r="ZZZZZZ1"><v>1</v></c>',
    '<c r="XFD1"><v>1</v></c>',
    '<c r="A1" t="s"><v>99999</v></c>',
    '<c t="inlineStr"><is><t>=HYPERLINK("x")</t></is></c>',
    '<c r="B2"><f>SUM(A1:A9)</f><v>3</v></c>',
    '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    '<dimension ref="A1:XFD1048576"/>',
    '<cols><col min="1" max="2000000000" width="9"/></cols>',
    '<definedNames><definedName name="all">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>',
    '<si><t>extra</t></si>',
  ),
  fc.string({ maxLength: 24 }),
);

export type PartMutation =
  | { readonly kind: 'truncate' | 'delete' | 'duplicate'; readonly part: number; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly part: number; readonly at: number; readonly junk: string }
  | { readonly kind: 'number' | 'row-number' | 'shared-string'; readonly part: number; readonly nth: number; readonly value: string }
  | { readonly kind: 'cell-type'; readonly part: number; readonly nth: number; readonly value: string }
  | { readonly kind: 'merge' | 'dimension'; readonly part: number; readonly value: string }
  | { readonly kind: 'drop'; readonly part: number }
  | { readonly kind: 'copy' | 'rename'; readonly part: number; readonly value: string };

const part = fc.nat(40);
const nth = fc.nat(20);
export const partMutation: fc.Arbitrary<PartMutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('truncate', 'delete', 'duplicate'), part, at, length: fc.nat(400) }),
  fc.record({ kind: fc.constant('insert'), part, at, junk }),
  fc.record({ kind: fc.constantFrom('number', 'row-number', 'shared-string'), part, nth, value: hugeNumber }),
  fc.record({ kind: fc.constant('cell-type'), part, nth, value: fc.constantFrom('s', 'n', 'b', 'e', 'str', 'd', 'inlineStr', 'x', '') }),
  fc.record({ kind: fc.constantFrom('merge', 'dimension'), part, value: hugeRange }),
  fc.record({ kind: fc.constant('drop'), part }),
  fc.record({
    kind: fc.constantFrom('copy', 'rename'),
    part,
    value: fc.constantFrom('xl/worksheets/sheet7.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/x.bin'),
  }),
);

/** The nth match of a pattern in a text replaced by what `replace` makes of it; the text as it was when there is none. */
function replaceNth(text: string, pattern: RegExp, index: number, replace: (match: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))];
  if (matches.length === 0) return text;
  const match = matches[index % matches.length] as RegExpExecArray;
  return text.slice(0, match.index) + replace(match) + text.slice(match.index + match[0].length);
}

export function applyPartMutation(parts: Part[], mutation: PartMutation): Part[] {
  if (parts.length === 0) return parts;
  const index = mutation.part % parts.length;
  const { name, text } = parts[index] as Part;
  const replaced = (next: string) => parts.map((candidate, position) => (position === index ? { name, text: next } : candidate));
  switch (mutation.kind) {
    case 'truncate':
      return replaced(text.slice(0, where(mutation.at, text.length)));
    case 'delete': {
      const start = where(mutation.at, text.length);
      return replaced(text.slice(0, start) + text.slice(start + mutation.length));
    }
    case 'duplicate': {
      const start = where(mutation.at, text.length);
      return replaced(text.slice(0, start + mutation.length) + text.slice(start));
    }
    case 'insert': {
      const start = where(mutation.at, text.length);
      return replaced(text.slice(0, start) + mutation.junk + text.slice(start));
    }
    case 'number':
      return replaced(replaceNth(text, /\d+/, mutation.nth, () => mutation.value));
    case 'row-number':
      return replaced(replaceNth(text, /(<row\b[^>]*\sr=")(\d*)"/, mutation.nth, (match) => `${match[1]}${mutation.value}"`));
    case 'shared-string':
      return replaced(replaceNth(text, /(<c\b[^>]*t="s"[^>]*>\s*<v>)(\d*)(<\/v>)/, mutation.nth, (match) => `${match[1]}${mutation.value}${match[3]}`));
    case 'cell-type':
      return replaced(replaceNth(text, /<c\b([^>]*?)(\st="[^"]*")?(\/?)>/, mutation.nth, (match) => `<c${match[1]} t="${mutation.value}"${match[3]}>`));
    case 'merge':
      return replaced(text.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${mutation.value}"/></mergeCells>`));
    case 'dimension':
      return replaced(
        /<dimension\b/.test(text)
          ? text.replace(/<dimension\b[^>]*>/, `<dimension ref="${mutation.value}"/>`)
          : text.replace('<sheetData', `<dimension ref="${mutation.value}"/><sheetData`),
      );
    case 'drop':
      return parts.filter((_, position) => position !== index);
    case 'copy':
      return [...parts, { name: mutation.value, text }];
    case 'rename':
      return parts.map((candidate, position) => (position === index ? { name: mutation.value, text } : candidate));
  }
}

/** What happens to a zip entry: its deflated bytes cut or flipped, or its size in the directory a lie. */
export type EntryMutation =
  | { readonly kind: 'cut'; readonly part: number; readonly at: number }
  | { readonly kind: 'flip'; readonly part: number; readonly at: number; readonly byte: number }
  | { readonly kind: 'declare'; readonly part: number; readonly size: number };

export const entryMutation: fc.Arbitrary<EntryMutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut'), part, at }),
  fc.record({ kind: fc.constant('flip'), part, at, byte: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('declare'), part, size: fc.constantFrom(0, 1, 100, 16_384, 1_000_000, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1) }),
);

/** A zip of the parts, with the entries' mutations. */
export function zipParts(parts: readonly Part[], mutations: readonly EntryMutation[]): Uint8Array {
  const entries = parts.map((entry) => {
    const data = Buffer.from(entry.text, 'utf8');
    return {
      name: entry.name,
      deflated: new Uint8Array(deflateRawSync(data)),
      size: data.length,
      crc: crc32(data),
      declaredSize: undefined as number | undefined,
    };
  });
  for (const mutation of mutations) {
    const entry = entries[mutation.part % Math.max(1, entries.length)];
    if (!entry) continue;
    if (mutation.kind === 'cut') entry.deflated = entry.deflated.slice(0, where(mutation.at, entry.deflated.length));
    else if (mutation.kind === 'flip') {
      const position = Math.min(entry.deflated.length - 1, where(mutation.at, entry.deflated.length));
      if (position >= 0) entry.deflated[position] = (entry.deflated[position] as number) ^ mutation.byte;
    } else entry.declaredSize = mutation.size;
  }
  return zipOf(entries.map(({ declaredSize, ...entry }) => (declaredSize === undefined ? entry : { ...entry, declaredSize })));
}

/** What happens to a file's bytes: one flipped, the file cut, or a stretch overwritten. */
export type ByteMutation =
  | { readonly kind: 'flip'; readonly at: number; readonly byte: number }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'overwrite'; readonly at: number; readonly bytes: Uint8Array };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at, byte: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut'), at: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('overwrite'), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
);

export function applyByteMutation(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const position = where(mutation.at, bytes.length);
  if (mutation.kind === 'cut') return bytes.slice(0, position);
  const copy = bytes.slice();
  if (mutation.kind === 'flip') {
    if (position < copy.length) copy[position] = (copy[position] as number) ^ mutation.byte;
  } else copy.set(mutation.bytes.subarray(0, Math.max(0, copy.length - position)), position);
  return copy;
}

/** Texts inserted into a CSV file: quotes, delimiters, line ends, BOMs, guards, NUL. */
export const csvJunk = fc.oneof(
  fc.constantFrom('"', ',', ';', '\t', '\r', '\n', '\r\n', '\uFEFF', "'", "'=1+1", "''=", '""', '\u0000', '\uD800'),
  fc.string({ maxLength: 12 }),
);
