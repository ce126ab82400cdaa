import type { Position, Range } from 'vscode-languageserver-types';
import type { KeyMatch, SchemaIndex } from '../schema/schema-index';
import type { FieldSchema } from '../schema/schema-types';
import { detectEol, type Line, range, splitLines } from './text';

/** A piece of a value on one line: where it starts and its raw text. */
export interface ValueLine {
  readonly line: number;
  readonly character: number;
  readonly text: string;
}

/** A broken field line (FORMAT.md §2) read as the field it names. */
export interface MalformedLine {
  /** The whole line, from its first to its last non-blank character. */
  readonly range: Range;
  /** The line rewritten as `**Key**: value`. */
  readonly rewritten: string;
}

export interface Field {
  /** The key as written, trimmed. For a malformed line, the key it names as written. */
  readonly key: string;
  readonly line: number;
  readonly keyRange: Range;
  readonly match: KeyMatch;
  /**
   * The schema field the field is read as: the one its key names (exactly, by case/space or
   * alias), the near miss of a malformed line, or the clearly nearest field of a misspelt key
   * that the fragment does not name otherwise (FORMAT.md §3: `coutnry` is read as Country).
   */
  readonly schemaField: FieldSchema | undefined;
  readonly malformed: MalformedLine | undefined;
  /** The value: its text on the field line and its continuation lines, surrounding blank space trimmed. */
  readonly value: string;
  /** Where the trimmed value stands; empty values give an empty range where a value would be typed. */
  readonly valueRange: Range;
  /** The raw value lines, for mapping offsets inside the value back to positions. */
  readonly valueLines: readonly ValueLine[];
  /** Offset of the trimmed value inside the raw value lines joined with `\n`. */
  readonly valueOffset: number;
  /** The last line holding this field's text (the field line or its last non-blank continuation line). */
  readonly endLine: number;
}

export interface Fragment {
  readonly fields: readonly Field[];
  /** The fields read as a schema field (see `Field.schemaField`), in the order written. */
  readonly namedFields: readonly Field[];
  /** The first line of the fragment (its first field line). */
  readonly startLine: number;
  /** The last line of its last field. */
  readonly endLine: number;
}

export interface ParsedFile {
  readonly lines: readonly Line[];
  readonly fragments: readonly Fragment[];
  /** Blocks of text that belong to no field (before the first field, or after a separator). */
  readonly outsideText: readonly Range[];
  readonly eol: string;
}

// Only the key is captured: values can be long, and their place is known from the key's end.
const fieldLinePattern = /^\*\*([^*]+)\*\*:/;
const starredLinePattern = /^(\s*)(\*{1,2})([^*:]+)(\*{0,2})(\s*)(:?)[ \t]?(.*)$/;
const plainKeyLinePattern = /^\s*([^*:\s][^*:]{0,80}?)\s*:[ \t]?(.*)$/;

interface FieldLineShape {
  key: string;
  keyStart: number;
  valueStart: number;
}

/** Parses a fragment file (FORMAT.md §2). Never throws: every line lands in a field, a separator or outside text. */
export function parseFragmentFile(text: string, index: SchemaIndex): ParsedFile {
  const lines = splitLines(text);
  const fragments: Fragment[] = [];
  const outsideText: Range[] = [];

  let fragmentFields: Field[] | undefined;
  let afterSeparator = false;
  let openField:
    | { shape: FieldLineShape; line: Line; match: KeyMatch; schemaField?: FieldSchema; malformed?: MalformedLine; valueLines: ValueLine[] }
    | undefined;
  let outsideStart: number | undefined;
  let outsideEnd = 0;

  const closeOutside = () => {
    if (outsideStart === undefined) return;
    const first = lines[outsideStart] as Line;
    const last = lines[outsideEnd] as Line;
    outsideText.push(range(first.number, first.column + leadingSpace(first.text), last.number, last.column + last.text.trimEnd().length));
    outsideStart = undefined;
  };
  const closeField = () => {
    if (!openField || !fragmentFields) return;
    fragmentFields.push(buildField(openField));
    openField = undefined;
  };
  const closeFragment = () => {
    closeField();
    if (fragmentFields && fragmentFields.length > 0) {
      const first = fragmentFields[0] as Field;
      const last = fragmentFields[fragmentFields.length - 1] as Field;
      const fields = readMisspeltKeys(fragmentFields);
      const namedFields = fields.filter((field) => field.schemaField !== undefined);
      fragments.push({ fields, namedFields, startLine: first.line, endLine: last.endLine });
    }
    fragmentFields = undefined;
  };

  for (const line of lines) {
    if (isSeparator(line.text)) {
      closeFragment();
      closeOutside();
      afterSeparator = true;
      continue;
    }
    const proper = readFieldLine(line.text);
    const broken = proper ? undefined : readBrokenFieldLine(line.text, index);
    const shape = proper ?? broken;
    if (shape) {
      const match = broken ? broken.match : index.match(shape.key);
      // A misspelt key is tentatively read as its clearly nearest field; `readMisspeltKeys` confirms it.
      const schemaField = match.kind === 'unknown' ? match.unique : match.field;
      const startsFragment = !fragmentFields || afterSeparator || (schemaField !== undefined && match.kind !== 'unknown' && index.isIdField(schemaField));
      if (startsFragment) closeFragment();
      else closeField();
      closeOutside();
      fragmentFields ??= [];
      afterSeparator = false;
      const malformed = proper || !schemaField ? undefined : rewriteBrokenLine(line, shape, schemaField);
      openField = {
        shape,
        line,
        match,
        ...(schemaField ? { schemaField } : {}),
        ...(malformed ? { malformed } : {}),
        valueLines: [{ line: line.number, character: line.column + shape.valueStart, text: line.text.slice(shape.valueStart) }],
      };
      continue;
    }
    if (openField) {
      openField.valueLines.push({ line: line.number, character: line.column, text: line.text });
    } else if (line.text.trim() !== '') {
      outsideStart ??= line.number;
      outsideEnd = line.number;
    }
  }
  closeFragment();
  closeOutside();
  return { lines, fragments, outsideText, eol: detectEol(text) };
}

/**
 * A misspelt key stays read as its nearest field only when no other field of the fragment is
 * read as that field (the first misspelling wins): otherwise it would be a duplicate of it.
 */
function readMisspeltKeys(fields: Field[]): Field[] {
  const misspelt = (field: Field) => field.match.kind === 'unknown' && field.malformed === undefined && field.schemaField !== undefined;
  if (!fields.some(misspelt)) return fields;
  const named = new Set(fields.filter((field) => field.schemaField && !misspelt(field)).map((field) => field.schemaField?.key));
  // Pushed, not mapped: `map` makes a holey array, and field arrays of two kinds (a harvest's
  // files with a misspelt key and without) made V8 set aside its optimised code for the rules that
  // read them (deopts in a fragment-lint run of the bench's corpus: about 22 before, 13 after).
  const read: Field[] = [];
  for (const field of fields) {
    const key = misspelt(field) ? field.schemaField?.key : undefined;
    if (key !== undefined && named.has(key)) read.push({ ...field, schemaField: undefined });
    else {
      if (key !== undefined) named.add(key);
      read.push(field);
    }
  }
  return read;
}

/** A proper field line `**Key**: value`. */
function readFieldLine(text: string): FieldLineShape | undefined {
  const found = fieldLinePattern.exec(text);
  if (!found) return undefined;
  const rawKey = found[1] as string;
  const key = rawKey.trim();
  if (key === '') return undefined;
  const keyStart = 2 + leadingSpace(rawKey);
  const afterColon = 2 + rawKey.length + 3;
  const valueStart = text.charCodeAt(afterColon) === 32 ? afterColon + 1 : afterColon;
  return { key, keyStart, valueStart };
}

/** A broken field line (`Year: 2024`, `**Year*: 2024`, `**Year** 2024`, `*Year*: 2024`) whose key names a field. */
function readBrokenFieldLine(text: string, index: SchemaIndex): (FieldLineShape & { match: KeyMatch }) | undefined {
  let shape: FieldLineShape | undefined;
  const starred = starredLinePattern.exec(text);
  if (starred) {
    const [, indent = '', , rawKey = '', closingStars = '', , colon = '', value = ''] = starred;
    // Without a colon, only closing stars show where the key ends.
    if (colon !== '' || closingStars !== '') {
      const keyStart = indent.length + (starred[2] as string).length + leadingSpace(rawKey);
      shape = { key: rawKey.trim(), keyStart, valueStart: text.length - value.length };
    }
  } else {
    const plain = plainKeyLinePattern.exec(text);
    if (plain) {
      const key = plain[1] as string;
      shape = { key, keyStart: text.indexOf(key), valueStart: text.length - (plain[2] as string).length };
    }
  }
  if (!shape || shape.key === '') return undefined;
  const match = index.match(shape.key);
  if (match.kind === 'unknown' && !match.unique) return undefined;
  return { ...shape, match };
}

function rewriteBrokenLine(line: Line, shape: FieldLineShape, field: FieldSchema): MalformedLine {
  const value = line.text.slice(shape.valueStart).trim();
  const start = line.column + leadingSpace(line.text);
  const end = line.column + line.text.trimEnd().length;
  return { range: range(line.number, start, line.number, end), rewritten: value === '' ? `**${field.key}**: ` : `**${field.key}**: ${value}` };
}

function buildField(open: {
  shape: FieldLineShape;
  line: Line;
  match: KeyMatch;
  schemaField?: FieldSchema;
  malformed?: MalformedLine;
  valueLines: ValueLine[];
}): Field {
  const { shape, line, valueLines } = open;
  // Most values are one line: no need to join lines to trim them.
  const joined = valueLines.length === 1 ? (valueLines[0] as ValueLine).text : valueLines.map((valueLine) => valueLine.text).join('\n');
  const leading = leadingSpace(joined);
  const value = leading === joined.length ? '' : joined.slice(leading, joined.length - trailingSpace(joined));
  const first = valueLines[0] as ValueLine;
  // An empty value sits where the writer would type it: after the colon and its space, on the field line.
  const start =
    value === '' ? { line: first.line, character: first.character + first.text.length - first.text.trimStart().length } : positionInValue(valueLines, leading);
  const end = value === '' ? start : positionInValue(valueLines, leading + value.length);
  const keyStart = line.column + shape.keyStart;
  return {
    key: shape.key,
    line: line.number,
    keyRange: range(line.number, keyStart, line.number, keyStart + shape.key.length),
    match: open.match,
    schemaField: open.schemaField,
    malformed: open.malformed,
    value,
    valueRange: { start, end },
    valueLines,
    valueOffset: leading,
    endLine: value === '' ? line.number : end.line,
  };
}

/** The field of a fragment that names the schema field `key`, if any (the first, should it be written twice). */
export function fieldNamed(fragment: Fragment, key: string): Field | undefined {
  return fragment.namedFields.find((field) => field.schemaField?.key === key);
}

/** The position of an offset into the raw value lines joined with `\n`. */
export function positionInValue(valueLines: readonly ValueLine[], offset: number): Position {
  let remaining = offset;
  for (const valueLine of valueLines) {
    if (remaining <= valueLine.text.length) return { line: valueLine.line, character: valueLine.character + remaining };
    remaining -= valueLine.text.length + 1;
  }
  const last = valueLines[valueLines.length - 1] as ValueLine;
  return { line: last.line, character: last.character + last.text.length };
}

/** A line of exactly `---` (white space around it allowed), without copying long lines to trim them. */
function isSeparator(text: string): boolean {
  return text.length < 64 && text.includes('---') && text.trim() === '---';
}

/** What `\s` matches, told from a character code (ASCII without the pattern). */
export function isWhiteSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || (code > 0x1000 && /\s/.test(String.fromCharCode(code)));
}

/** How many white-space characters a text starts with (counted, not copied). */
export function leadingSpace(text: string): number {
  let count = 0;
  while (count < text.length && isWhiteSpace(text.charCodeAt(count))) count++;
  return count;
}

function trailingSpace(text: string): number {
  let count = 0;
  while (count < text.length && isWhiteSpace(text.charCodeAt(text.length - 1 - count))) count++;
  return count;
}
