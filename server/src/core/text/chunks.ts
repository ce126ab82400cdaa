import type { SchemaIndex } from '../schema/schema-index';

/** A stretch of a file that parses the same alone as in the whole file: it starts where a fragment surely starts. */
export interface Chunk {
  readonly text: string;
  /** The line of the file where the chunk starts. */
  readonly line: number;
}

/**
 * Where a schema's files are cut: before each proper ID field line (`**FragmentID**: …`, in any
 * case or spacing, or an alias) and each `---` separator. The parser starts afresh at such a line
 * in the whole file too, so each chunk can be checked alone and its result reused while its text
 * does not change: a keystroke in a file of 2,000 fragments re-checks one fragment, not 2,000.
 */
export class ChunkCutter {
  /** Lower-case first letters of the ID keys (ASCII case folding with `| 0x20`). */
  private readonly keyInitials: Set<number>;
  private readonly startsChunk: RegExp;

  constructor(index: SchemaIndex) {
    const idField = index.schema.fields.find((field) => field.key === index.schema.idField);
    const keys = [index.schema.idField, ...(idField?.aliases ?? [])].map((key) =>
      key
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+'),
    );
    this.keyInitials = new Set(keys.map((key) => key.charCodeAt(0) | 0x20));
    this.startsChunk = new RegExp(`^(?:\\*\\*\\s*(?:${keys.join('|')})\\s*\\*\\*:|\\s*---\\s*$)`, 'i');
  }

  /** Whether the line of `text` from `lineStart` to `lineEnd` (its `\n` excluded) may start a chunk. */
  startsAt(text: string, lineStart: number, lineEnd: number): boolean {
    const first = text.charCodeAt(lineStart);
    // Only `---` lines and `**` lines whose key begins as an ID key does can start a chunk: test just those.
    const candidate =
      first === 42
        ? this.keyInitials.has(text.charCodeAt(lineStart + 2) | 0x20) || text.charCodeAt(lineStart + 2) === 32
        : first === 45 || first === 32 || first === 9;
    return candidate && this.startsChunk.test(text.slice(lineStart, lineEnd).replace(/\r$/, ''));
  }

  /** The chunks of `text`, its first line always starting one. */
  split(text: string): Chunk[] {
    // A lone CR break is too rare to be worth a second scanner: such a file is one chunk.
    if (hasLoneCr(text)) return [{ text, line: 0 }];
    const chunks: Chunk[] = [];
    let chunkStart = 0;
    let chunkLine = 0;
    let lineStart = 0;
    for (let line = 0; lineStart <= text.length; line++) {
      const lineEnd = text.indexOf('\n', lineStart);
      const end = lineEnd < 0 ? text.length : lineEnd;
      if (line > 0 && this.startsAt(text, lineStart, end)) {
        chunks.push({ text: text.slice(chunkStart, lineStart), line: chunkLine });
        chunkStart = lineStart;
        chunkLine = line;
      }
      if (lineEnd < 0) break;
      lineStart = lineEnd + 1;
    }
    chunks.push({ text: text.slice(chunkStart), line: chunkLine });
    return chunks;
  }
}

export function hasLoneCr(text: string): boolean {
  return text.includes('\r') && /\r(?!\n)/.test(text);
}

const cutters = new WeakMap<SchemaIndex, ChunkCutter>();

/** The one cutter of a schema index (its pattern is built once). */
export function chunkCutter(index: SchemaIndex): ChunkCutter {
  let cutter = cutters.get(index);
  if (!cutter) {
    cutter = new ChunkCutter(index);
    cutters.set(index, cutter);
  }
  return cutter;
}

/** Cuts a whole file into chunks (see {@link ChunkCutter}). */
export function splitIntoChunks(text: string, index: SchemaIndex): Chunk[] {
  return chunkCutter(index).split(text);
}
