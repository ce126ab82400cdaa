import type { Range } from 'vscode-languageserver-types';
import { type Chunk, type ChunkCutter, hasLoneCr } from './chunks';

/** An edit as the editor sends it: a range of the text before it and its replacement, or the whole new text. */
export type TextChange = { readonly range: Range; readonly text: string } | { readonly text: string };

type StoredChunk = Chunk;

/**
 * A document's text kept as its chunks (see chunks.ts), so that an edit touches only the chunks
 * it falls in: the text is neither copied whole nor scanned whole again on a keystroke, and the
 * chunks it did not touch stay the same strings, which the service recognizes at a glance.
 * Positions follow the Language Server Protocol (lines broken at `\n`, `\r\n` and `\r`;
 * UTF-16 characters; a character past a line's end meaning its end), as TextDocument does.
 */
export class ChunkedText {
  private stored: readonly StoredChunk[];
  private joined: string | undefined;
  private size: number;

  /** Without a cutter the text is one chunk until {@link cutWith} is called. */
  constructor(
    text: string,
    private cutter?: ChunkCutter,
  ) {
    this.stored = cutter ? cutter.split(text) : [{ text, line: 0 }];
    this.joined = text;
    this.size = text.length;
  }

  get length(): number {
    return this.size;
  }

  /** The whole text (joined once per version, when asked for). */
  get text(): string {
    this.joined ??= this.stored.map((chunk) => chunk.text).join('');
    return this.joined;
  }

  /** This version's chunks: an edit makes a new list (and new chunks where lines moved), so this one stays as it is. */
  get chunks(): readonly Chunk[] {
    return this.stored;
  }

  /** The chunks as `cutter` cuts them: cut again only when the cutter changed (another schema). */
  cutWith(cutter: ChunkCutter): readonly Chunk[] {
    if (cutter !== this.cutter) {
      this.stored = cutter.split(this.text);
      this.cutter = cutter;
    }
    return this.stored;
  }

  /** Applies the editor's changes, in order, each on the text the previous one left. */
  update(changes: readonly TextChange[]): void {
    for (const change of changes) {
      if ('range' in change) this.replace(change.range, change.text);
      else {
        this.stored = this.cutter ? this.cutter.split(change.text) : [{ text: change.text, line: 0 }];
        this.joined = change.text;
        this.size = change.text.length;
      }
    }
  }

  private replace(range: Range, replacement: string): void {
    const { start, end } = wellFormed(range);
    let first = this.chunkAt(start.line);
    const last = this.chunkAt(end.line);
    let line = (this.stored[first] as StoredChunk).line;
    const before = joinChunks(this.stored, first, last + 1);
    const lineOffsets = lineOffsetsOf(before);
    const startOffset = offsetAt(before, lineOffsets, start.line - line, start.character);
    const endOffset = offsetAt(before, lineOffsets, end.line - line, end.character);
    let region = before.slice(0, startOffset) + replacement + before.slice(endOffset);
    const addedLines = countLineFeeds(region) - countLineFeeds(before);
    this.size += region.length - before.length;
    this.joined = undefined;

    // A lone CR makes the whole file one chunk (chunks.ts), and so does having no cutter yet.
    if (!this.cutter || (region.includes('\r') && hasLoneCr(region))) {
      const text = joinChunks(this.stored, 0, first) + region + joinChunks(this.stored, last + 1, this.stored.length);
      this.stored = [{ text, line: 0 }];
      this.joined = text;
      return;
    }
    let removed = last - first + 1;
    // The region's first line still starts a chunk only if it still may (the edit may have been on it): else it joins the chunk before.
    if (first > 0 && (region.length === 0 || !this.cutter.startsAt(region, 0, lineEndOf(region, 0)))) {
      first--;
      removed++;
      const previous = this.stored[first] as StoredChunk;
      region = previous.text + region;
      line = previous.line;
    }
    // An empty first chunk is no chunk when others follow (the next one then starts the file).
    const pieces = region.length === 0 && removed < this.stored.length ? [] : this.cutter.split(region);
    const stored = this.stored.slice();
    stored.splice(first, removed, ...pieces.map((piece) => ({ text: piece.text, line: line + piece.line })));
    if (addedLines !== 0) {
      for (let position = first + pieces.length; position < stored.length; position++) {
        const moved = stored[position] as StoredChunk;
        stored[position] = { text: moved.text, line: moved.line + addedLines };
      }
    }
    this.stored = stored;
  }

  /** The chunk holding `line` (the first for a negative line, the last past the end). */
  private chunkAt(line: number): number {
    let low = 0;
    let high = this.stored.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.stored[middle] as StoredChunk).line <= line) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

function joinChunks(chunks: readonly StoredChunk[], from: number, to: number): string {
  if (to - from === 1) return (chunks[from] as StoredChunk).text;
  let text = '';
  for (let position = from; position < to; position++) text += (chunks[position] as StoredChunk).text;
  return text;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function lineEndOf(text: string, lineStart: number): number {
  const end = text.indexOf('\n', lineStart);
  return end < 0 ? text.length : end;
}

/** Where each line starts: after `\n`, `\r\n` or `\r`, as the protocol counts lines. */
function lineOffsetsOf(text: string): number[] {
  const offsets = [0];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 13 || code === 10) {
      if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
      offsets.push(at + 1);
    }
  }
  return offsets;
}

/** The offset of a position, as TextDocument.offsetAt gives it: clamped to the text, and a character past the line's end its end. */
function offsetAt(text: string, lineOffsets: readonly number[], line: number, character: number): number {
  if (line >= lineOffsets.length) return text.length;
  if (line < 0) return 0;
  const lineOffset = lineOffsets[line] as number;
  if (character <= 0) return lineOffset;
  const nextLineOffset = line + 1 < lineOffsets.length ? (lineOffsets[line + 1] as number) : text.length;
  let offset = Math.min(lineOffset + character, nextLineOffset);
  while (offset > lineOffset && isLineBreak(text.charCodeAt(offset - 1))) offset--;
  return offset;
}

const isLineBreak = (code: number) => code === 13 || code === 10;
