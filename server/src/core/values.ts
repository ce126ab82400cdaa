import type { Range } from 'vscode-languageserver-types';
import { byDistance, fold, foldListed, nearMatches, nearThreshold } from './near';
import { type Field, positionInValue } from './parse';
import type { FieldSchema } from './schema/schema-types';

/** What is wrong with a value (or one entry of a list): the input of `invalid-value` and `value-format`. */
export type ValueFinding =
  | {
      kind: 'format';
      range: Range;
      value: string;
      canonical: string;
      /** What is wrong and what the fix does, in words that quote no value (for confidential fragments). */
      withoutValues: string;
    }
  | {
      kind: 'invalid';
      range: Range;
      value: string;
      /** What is wrong and what the fix does, in words that quote no value (for confidential fragments). */
      withoutValues: string;
      /** Closed fields are errors; open lists and patterns are warnings (FORMAT.md §5). */
      severity: 'error' | 'warning';
      message: string;
      /** Replacements to offer, nearest first. */
      candidates: string[];
      /** The clearly nearest candidate, when there is one. */
      preferred?: string;
    };

/** Checks a field's value against its schema field. Empty values are left to `empty-field`. */
export function checkValue(field: Field, schemaField: FieldSchema, currentYear: number): ValueFinding[] {
  if (field.value === '') return [];
  switch (schemaField.type) {
    case 'id':
      return checkId(field, schemaField);
    case 'choice':
    case 'yesno':
    case 'flag':
      return checkClosed(field.value, field.valueRange, schemaField);
    case 'vocabulary':
      return checkOpen(field.value, field.valueRange, schemaField);
    case 'list':
      return listEntries(field).flatMap((entry) => checkOpen(entry.text, entry.range, schemaField));
    case 'year':
      return checkYear(field, schemaField, currentYear);
    case 'text':
      return checkPattern(field.value, field.valueRange, schemaField);
    case 'derived':
      return [];
  }
}

/** The comma-separated entries of a list value, trimmed, with their ranges. */
export function listEntries(field: Field): Array<{ text: string; range: Range }> {
  const entries: Array<{ text: string; range: Range }> = [];
  let offset = 0;
  for (const raw of field.value.split(',')) {
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') {
      const start = field.valueOffset + offset + leading;
      entries.push({ text, range: { start: positionInValue(field.valueLines, start), end: positionInValue(field.valueLines, start + text.length) } });
    }
    offset += raw.length + 1;
  }
  return entries;
}

function checkId(field: Field, schemaField: FieldSchema): ValueFinding[] {
  if (!/\s/.test(field.value)) return [];
  return [
    {
      kind: 'invalid',
      range: field.valueRange,
      value: field.value,
      severity: 'error',
      message: `${schemaField.key} "${field.value}" contains spaces; an identifier has none.`,
      withoutValues: `${schemaField.key} contains spaces; an identifier has none. The fix removes them.`,
      candidates: [field.value.replace(/\s+/g, '')],
    },
  ];
}

function checkClosed(value: string, range: Range, schemaField: FieldSchema): ValueFinding[] {
  if (schemaField.values.includes(value) || schemaField.acceptedAsIs.includes(value)) return [];
  const foldedValue = fold(value);
  const canonical = schemaField.values.find((allowed) => foldListed(allowed) === foldedValue);
  if (canonical !== undefined) return [{ kind: 'format', range, value, canonical, withoutValues: otherSpelling(schemaField, canonical) }];
  const ranked = byDistance(value, schemaField.values);
  const [first, second] = ranked;
  const clearlyNearest =
    first && first.distance <= nearThreshold(Math.max(foldedValue.length, foldListed(first.candidate).length)) && (!second || second.distance > first.distance);
  const consequence = schemaField.type === 'flag' ? ' Until it is corrected, the outcome is treated as confidential.' : '';
  return [
    {
      kind: 'invalid',
      range,
      value,
      severity: 'error',
      message: `"${value}" is not a valid value of "${schemaField.key}". Allowed: ${schemaField.values.join(', ')}.${consequence}`,
      withoutValues: `The value of "${schemaField.key}" is not one of the allowed values (${schemaField.values.join(', ')}).${
        clearlyNearest ? ` The fix changes it to "${first.candidate}".` : ''
      }${consequence}`,
      candidates: ranked.map((match) => match.candidate),
      ...(clearlyNearest ? { preferred: first.candidate } : {}),
    },
  ];
}

/** Open lists accept any entry except a near miss of a listed one; a pattern, when set, applies to unlisted entries. */
function checkOpen(value: string, range: Range, schemaField: FieldSchema): ValueFinding[] {
  if (schemaField.values.includes(value)) return [];
  const foldedValue = fold(value);
  const canonical = schemaField.values.find((listed) => foldListed(listed) === foldedValue);
  if (canonical !== undefined) return [{ kind: 'format', range, value, canonical, withoutValues: otherSpelling(schemaField, canonical) }];
  const { matches, unique } = nearMatches(value, schemaField.values);
  if (matches.length > 0) {
    const suggestion = matches.map((match) => `"${match.candidate}"`).join(' or ');
    return [
      {
        kind: 'invalid',
        range,
        value,
        severity: 'warning',
        message: `"${value}" is not a listed value of "${schemaField.key}". Did you mean ${suggestion}?`,
        withoutValues: `A value of "${schemaField.key}" is not listed, but is close to ${suggestion}.${
          unique !== undefined ? ` The fix changes it to "${unique}".` : ''
        }`,
        candidates: matches.map((match) => match.candidate),
        ...(unique !== undefined ? { preferred: unique } : {}),
      },
    ];
  }
  return checkPattern(value, range, schemaField);
}

function checkPattern(value: string, range: Range, schemaField: FieldSchema): ValueFinding[] {
  if (!schemaField.pattern || new RegExp(schemaField.pattern.regex, 'u').test(value)) return [];
  return [
    {
      kind: 'invalid',
      range,
      value,
      severity: 'warning',
      message: `"${value}" does not have the form of "${schemaField.key}": expected ${schemaField.pattern.description}.`,
      withoutValues: `The value of "${schemaField.key}" does not have the expected form: ${schemaField.pattern.description}.`,
      candidates: [],
    },
  ];
}

function checkYear(field: Field, schemaField: FieldSchema, currentYear: number): ValueFinding[] {
  const { value, valueRange: range } = field;
  const minYear = schemaField.minYear ?? 1;
  const found = /^(\d{1,6})(\.0+)?$/.exec(value);
  const year = found ? Number(found[1]) : Number.NaN;
  const expected = `a whole number from ${minYear} to ${currentYear}`;
  const invalid = (message: string, withoutValues: string): ValueFinding[] => [
    { kind: 'invalid', range, value, severity: 'error', message, withoutValues, candidates: [] },
  ];
  if (Number.isNaN(year)) {
    return invalid(
      `"${value}" is not a year: "${schemaField.key}" is ${expected}.`,
      `The value of "${schemaField.key}" is not a year; "${schemaField.key}" is ${expected}.`,
    );
  }
  if (year > currentYear) {
    return invalid(
      `${year} is in the future: "${schemaField.key}" is ${expected}.`,
      `The value of "${schemaField.key}" is a year in the future; "${schemaField.key}" is ${expected}.`,
    );
  }
  if (year < minYear) {
    return invalid(
      `${year} is too early: "${schemaField.key}" is ${expected}.`,
      `The value of "${schemaField.key}" is a year before ${minYear}; "${schemaField.key}" is ${expected}.`,
    );
  }
  // `2024.0` is a spreadsheet artefact of an allowed year.
  if (found?.[2] !== undefined || found?.[1] !== String(year)) {
    const withoutValues =
      found?.[2] !== undefined
        ? `"${schemaField.key}" is written as a decimal; the fix writes the whole number.`
        : `"${schemaField.key}" is written with leading zeros; the fix writes the year without them.`;
    return [{ kind: 'format', range, value, canonical: String(year), withoutValues }];
  }
  return [];
}

/** A listed value written in another case or spacing: the canonical spelling is the schema's, safe to show. */
function otherSpelling(schemaField: FieldSchema, canonical: string): string {
  return `A value of "${schemaField.key}" is written in another case or spacing; the fix writes "${canonical}".`;
}
