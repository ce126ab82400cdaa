import * as l10n from '@vscode/l10n';
import { holdsIdentifiers } from '../anonymisation/fragment-identifiers';
import type { SchemaIndex } from '../schema/schema-index';
import type { FragmentSchema } from '../schema/schema-types';
import { confidentialityOf } from '../story/confidentiality';
import { type Field, type Fragment, parseFragmentFile } from '../text/parse';

/** One field as an export writes it: the key as written (a trailing space kept) and the raw value. */
export interface ExportedField {
  readonly key: string;
  readonly value: string;
  readonly field: Field;
}

/** One fragment of a harvest, ready for an export layout. */
export interface HarvestFragment {
  /** The file it comes from, as the caller names it. */
  readonly file: string;
  readonly fragment: Fragment;
  readonly fields: readonly ExportedField[];
}

export interface Harvest {
  readonly fragments: readonly HarvestFragment[];
  /** Confidential fragments (flag 1, empty, invalid or missing) that were left out. */
  readonly confidentialLeftOut: number;
  /** Fragments left out because a `possible-identifier` finding is still in them (FORMAT.md §8). */
  readonly unanonymisedLeftOut: number;
  /** What the export cannot carry, said for the writer (text outside any field). */
  readonly warnings: readonly string[];
}

export interface HarvestOptions {
  /** Export confidential fragments too (the user asked for them). */
  readonly includeConfidential?: boolean;
  /** Export fragments that still hold a possible identifying detail too (the user asked for them). */
  readonly includeUnanonymised?: boolean;
}

/**
 * The fragments of some fragment files, in the order given, confidential ones and those still
 * holding a possible identifying detail left out unless asked for (fail-safe: an empty or invalid
 * flag is confidential).
 */
export function readHarvest(
  files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
  schema: FragmentSchema,
  index: SchemaIndex,
  options: HarvestOptions = {},
): Harvest {
  const fragments: HarvestFragment[] = [];
  const warnings: string[] = [];
  let confidentialLeftOut = 0;
  let unanonymisedLeftOut = 0;
  for (const file of files) {
    const read = readHarvestFile(file, schema, index, options);
    fragments.push(...read.fragments);
    if (read.warning !== undefined) warnings.push(read.warning);
    confidentialLeftOut += read.confidentialLeftOut;
    unanonymisedLeftOut += read.unanonymisedLeftOut;
  }
  return { fragments, confidentialLeftOut, unanonymisedLeftOut, warnings };
}

/** One file's part of a harvest. */
export interface FileHarvest {
  readonly fragments: readonly HarvestFragment[];
  readonly confidentialLeftOut: number;
  readonly unanonymisedLeftOut: number;
  /** What the export cannot carry of this file (text outside any field). */
  readonly warning: string | undefined;
}

/**
 * The fragments of one fragment file, confidential and unanonymised ones left out unless asked for: a file at a
 * time, so that an export of many files can keep what it writes of each rather than every parse.
 */
export function readHarvestFile(
  file: { readonly name: string; readonly text: string },
  schema: FragmentSchema,
  index: SchemaIndex,
  options: HarvestOptions = {},
): FileHarvest {
  const parsed = parseFragmentFile(file.text.replace(/^\uFEFF/, ''), index);
  const warning =
    parsed.outsideText.length > 0
      ? l10n.t('{0}: text outside any field (line {1}) is not exported', file.name, (parsed.outsideText[0]?.start.line ?? 0) + 1)
      : undefined;
  const fragments: HarvestFragment[] = [];
  let confidentialLeftOut = 0;
  let unanonymisedLeftOut = 0;
  for (const fragment of parsed.fragments) {
    if (!options.includeConfidential && confidentialityOf(fragment, schema).confidential) {
      confidentialLeftOut++;
      continue;
    }
    if (!options.includeUnanonymised && holdsIdentifiers(fragment, schema)) {
      unanonymisedLeftOut++;
      continue;
    }
    const fields = fragment.fields.map((field) => ({ key: writtenKey(parsed.lines[field.line]?.text ?? '', field), value: rawValue(field), field }));
    fragments.push({ file: file.name, fragment, fields });
  }
  return { fragments, confidentialLeftOut, unanonymisedLeftOut, warning };
}

/** The key between the stars exactly as written (`Link to Outcomes in Results Framework ` keeps its space); a malformed line's key as read. */
function writtenKey(lineText: string, field: Field): string {
  if (field.malformed) return field.schemaField?.key ?? field.key;
  // A proper field line `**{key}**:` (the parser's pattern): the key is all before the first star after the opening two.
  const end = lineText.startsWith('**') ? lineText.indexOf('*', 2) : -1;
  const raw = end > 2 && lineText.startsWith('**:', end) ? lineText.slice(2, end) : undefined;
  if (raw === undefined || raw.trim() !== field.key) return field.key;
  return raw === field.key ? raw : raw.replace(/^\s+/, '');
}

/** The value as written: a one-line value whole (trailing spaces kept); a longer one without its blank lines around. */
function rawValue(field: Field): string {
  if (field.value === '') return '';
  if (field.valueLines.length === 1) return (field.valueLines[0] as Field['valueLines'][number]).text;
  const joined = field.valueLines.map((line) => line.text).join('\n');
  return joined.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
}
