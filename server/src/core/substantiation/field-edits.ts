import type { SchemaIndex } from '../schema/schema-index';
import { type Fragment, fieldNamed, type ParsedFile, parseFragmentFile } from '../text/parse';
import { applyEdits } from '../text/text';

/**
 * A fragment file's text with some fields of one fragment set: a field there gets its value
 * replaced, a field absent gets a line at its canonical place among the fields present. Every
 * other character of the file stays as it was (its line ends, its BOM, its other fragments).
 * `values` are one-line texts (line breaks are the caller's to flatten, as an import does).
 */
export function withFieldValues(text: string, index: SchemaIndex, fragmentId: string, values: ReadonlyMap<string, string>): string {
  let result = text;
  for (const [key, value] of values) {
    // Positions count a BOM as the parser does (a column of 1 on the first line): edits apply to the text as it is.
    const parsed = parseFragmentFile(result, index);
    const fragment = fragmentWithId(parsed, index, fragmentId);
    if (!fragment) return text;
    const field = fieldNamed(fragment, key);
    if (field) {
      if (field.value === value) continue;
      result = applyEdits(result, [{ range: field.valueRange, newText: value }]);
      continue;
    }
    result = applyEdits(result, [insertion(parsed, fragment, index, key, value)]);
  }
  return result;
}

/** The fragment of a parsed file whose id is `fragmentId`. */
export function fragmentWithId(parsed: ParsedFile, index: SchemaIndex, fragmentId: string): Fragment | undefined {
  const idKey = index.schema.idField;
  return parsed.fragments.find((fragment) => fieldNamed(fragment, idKey)?.value === fragmentId);
}

/** A line for `key` after the nearest field present that comes before it in canonical order, else before the fragment's first line. */
function insertion(parsed: ParsedFile, fragment: Fragment, index: SchemaIndex, key: string, value: string) {
  const schemaField = index.field(key);
  const order = schemaField ? index.order(schemaField) : Number.MAX_SAFE_INTEGER;
  let before: Fragment['fields'][number] | undefined;
  let beforeOrder = -1;
  for (const field of fragment.namedFields) {
    const fieldOrder = index.order(field.schemaField as NonNullable<typeof field.schemaField>);
    if (fieldOrder < order && fieldOrder >= beforeOrder) {
      before = field;
      beforeOrder = fieldOrder;
    }
  }
  const line = `**${key}**: ${value}`;
  if (!before) return { range: at(fragment.startLine, 0), newText: line + parsed.eol };
  const next = parsed.lines[before.endLine + 1];
  if (next) return { range: at(next.number, 0), newText: line + parsed.eol };
  const last = parsed.lines[before.endLine];
  return { range: at(before.endLine, (last?.column ?? 0) + (last?.text.length ?? 0)), newText: parsed.eol + line };
}

function at(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}
