import { diagnosticsJson } from '../features/diagnostics-json';
import type { FragmentId } from '../rules/duplicate-id';
import type { FragmentDiagnostic } from '../rules/rule';
import type { FragmentSpan } from './analysis';

// A chunk's check, and where it is placed in its text: what lets an edit re-check one chunk and
// send the others' diagnostics, and their JSON, as they were.

/** What checking one chunk gives, with lines counted from the chunk's first line. */
export interface ChunkResult {
  readonly year: number;
  readonly diagnostics: FragmentDiagnostic[];
  readonly ids: FragmentId[];
  readonly fragments: FragmentSpan[];
  /** The same, moved to where the chunk stood last time (the diagnostics in file order, and their JSON). */
  placedAt?: Placed;
}

export interface Placed {
  line: number;
  diagnostics: FragmentDiagnostic[];
  ids: FragmentId[];
  fragments: FragmentSpan[];
  /** The diagnostics' JSON without the brackets, made when first sent. */
  json: string | undefined;
}

export const byPosition = (a: FragmentDiagnostic, b: FragmentDiagnostic) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** Whether the chunks' diagnostics, each chunk's sorted already, follow each other in file order: compared where chunks meet. */
export function inFileOrder(placements: readonly Placed[]): boolean {
  let last: FragmentDiagnostic | undefined;
  for (const placement of placements) {
    const first = placement.diagnostics[0];
    if (first === undefined) continue;
    if (last !== undefined && byPosition(last, first) > 0) return false;
    last = placement.diagnostics[placement.diagnostics.length - 1];
  }
  return true;
}

/** The JSON of the chunks' diagnostics one after another, in pieces: each chunk's JSON, made once per placement. */
export function placementPieces(placements: readonly Placed[]): string[] {
  const pieces: string[] = [];
  for (const placement of placements) {
    if (placement.diagnostics.length === 0) continue;
    placement.json ??= JSON.stringify(placement.diagnostics).slice(1, -1);
    pieces.push(placement.json);
  }
  return pieces;
}

/** Diagnostics not in chunk order (a duplicate ID among them): their JSON as one piece. */
export function jsonPieces(diagnostics: readonly FragmentDiagnostic[]): string[] {
  return diagnostics.length === 0 ? [] : [diagnosticsJson(diagnostics).slice(1, -1)];
}
