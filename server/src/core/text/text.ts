import type { Position, Range, TextEdit } from 'vscode-languageserver-types';

/** One physical line of a document: offsets are UTF-16 code units, like LSP positions. */
export interface Line {
  readonly number: number;
  /** Offset of the first character of the line's content (after a BOM on line 0). */
  readonly start: number;
  /** Offset just past the content, before the line break. */
  readonly end: number;
  /** Offset just past the line break (equals `end` on the last line). */
  readonly next: number;
  /** Character column where the content starts: 1 on a line 0 that begins with a BOM, else 0. */
  readonly column: number;
  readonly text: string;
}

export const BOM = '\uFEFF';

/** Splits text into lines on LF, CRLF or a lone CR, keeping exact offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const hasCarriageReturn = text.includes('\r');
  let lineStart = 0;
  while (true) {
    // Native searches for the next break: much faster than looking at every character.
    let end = text.indexOf('\n', lineStart);
    if (hasCarriageReturn) {
      const carriageReturn = text.indexOf('\r', lineStart);
      if (carriageReturn >= 0 && (end < 0 || carriageReturn < end)) end = carriageReturn;
    }
    const number = lines.length;
    const start = number === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
    if (end < 0) {
      lines.push({ number, start, end: text.length, next: text.length, column: start - lineStart, text: text.slice(start) });
      return lines;
    }
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    lines.push({ number, start, end, next, column: start - lineStart, text: text.slice(start, end) });
    lineStart = next;
  }
}

/** The line break a new line should use: the document's first one, LF when it has none. */
export function detectEol(text: string): string {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** Maps between LSP positions and offsets of one text. */
export class OffsetMap {
  private readonly lineStarts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (code === 10 || code === 13) this.lineStarts.push(i + 1);
    }
  }
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line] ?? 0;
    const nextStart = this.lineStarts[position.line + 1] ?? this.text.length;
    let lineEnd = nextStart;
    // A position past the content of a line clamps to before its line break.
    if (position.line + 1 < this.lineStarts.length) {
      if (this.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
      if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    }
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }
  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - (this.lineStarts[low] as number) };
  }
}

/** Applies non-overlapping edits to a text; throws on overlapping edits, which would be a bug in a fix. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const map = new OffsetMap(text);
  const resolved = edits
    .map((edit, order) => ({ start: map.offsetAt(edit.range.start), end: map.offsetAt(edit.range.end), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const edit of resolved) {
    if (edit.start < cursor) throw new Error('Overlapping edits');
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
