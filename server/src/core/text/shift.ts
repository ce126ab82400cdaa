import type { Position, Range } from 'vscode-languageserver-types';
import type { FragmentDiagnostic } from '../rules/rule';

export function shiftRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

/**
 * A chunk's diagnostic moved down to where the chunk stands in its file: its range, its related
 * places in the same file, and every position its `data` holds for its fixes.
 */
export function shifted(diagnostic: FragmentDiagnostic, lines: number): FragmentDiagnostic {
  if (lines === 0) return diagnostic;
  const moved: FragmentDiagnostic = { ...diagnostic, range: shiftRange(diagnostic.range, lines) };
  if (diagnostic.relatedInformation) {
    moved.relatedInformation = diagnostic.relatedInformation.map((related) => ({
      ...related,
      location: { ...related.location, range: shiftRange(related.location.range, lines) },
    }));
  }
  if (diagnostic.data !== undefined) moved.data = shiftPositions(diagnostic.data, lines);
  return moved;
}

function isPosition(value: object): value is Position {
  return typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number' && Object.keys(value).length === 2;
}

function shiftPositions(value: unknown, lines: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftPositions(item, lines));
  if (value === null || typeof value !== 'object') return value;
  if (isPosition(value)) return { line: value.line + lines, character: value.character };
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftPositions(item, lines)]));
}
