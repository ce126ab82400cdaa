import type { Position } from 'vscode-languageserver-types';
import type { Field, Fragment, ParsedFile } from './parse';
import { comparePositions } from './text';

/** What stands at a position: the fragment, and the field whose key or value holds it. */
export interface Located {
  readonly fragment: Fragment | undefined;
  readonly field: Field | undefined;
  /** On the key, between the `**` pairs. */
  readonly inKey: boolean;
  /** On the field line, after the colon (or in its continuation lines). */
  readonly inValue: boolean;
}

export function locate(file: ParsedFile, position: Position): Located {
  const fragment = fragmentAt(file, position.line);
  const field = fragment?.fields.find((candidate) => candidate.line <= position.line && position.line <= candidate.endLine);
  if (!field) return { fragment, field: undefined, inKey: false, inValue: false };
  const inKey = comparePositions(field.keyRange.start, position) <= 0 && comparePositions(position, field.keyRange.end) <= 0;
  const valueStart = field.valueLines[0] as (typeof field.valueLines)[number];
  const inValue = !inKey && (position.line > field.line || position.character >= valueStart.character);
  return { fragment, field, inKey, inValue };
}

/** The fragment a line belongs to, or the one just above it (a new line typed after the last field). */
export function fragmentAt(file: ParsedFile, line: number): Fragment | undefined {
  let found: Fragment | undefined;
  for (const fragment of file.fragments) {
    if (fragment.startLine > line) break;
    found = fragment;
  }
  return found ?? file.fragments[0];
}
