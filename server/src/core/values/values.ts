import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import type { FieldSchema } from '../schema/schema-types';
import { byDistance, fold, foldListed, nearMatches, nearThreshold } from '../text/near';
import { type Field, positionInValue } from '../text/parse';
import { regExpOf } from '../text/regexp-cache';
import { quotedAlternatives } from '../text/words';

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
      message: l10n.t('{0} "{1}" contains spaces; an identifier has none.', schemaField.key, field.value),
      withoutValues: l10n.t('{0} contains spaces; an identifier has none. The fix removes them.', schemaField.key),
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
  const consequence = schemaField.type === 'flag' ? ` ${l10n.t('Until it is corrected, the outcome is treated as confidential.')}` : '';
  const allowed = schemaField.values.join(', ');
  return [
    {
      kind: 'invalid',
      range,
      value,
      severity: 'error',
      message: l10n.t('"{0}" is not a valid value of "{1}". Allowed: {2}.', value, schemaField.key, allowed) + consequence,
      withoutValues:
        l10n.t('The value of "{0}" is not one of the allowed values ({1}).', schemaField.key, allowed) +
        (clearlyNearest ? ` ${l10n.t('The fix changes it to "{0}".', first.candidate)}` : '') +
        consequence,
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
    const suggestion = quotedAlternatives(matches.map((match) => match.candidate));
    return [
      {
        kind: 'invalid',
        range,
        value,
        severity: 'warning',
        message: l10n.t('"{0}" is not a listed value of "{1}". Did you mean {2}?', value, schemaField.key, suggestion),
        withoutValues:
          l10n.t('A value of "{0}" is not listed, but is close to {1}.', schemaField.key, suggestion) +
          (unique !== undefined ? ` ${l10n.t('The fix changes it to "{0}".', unique)}` : ''),
        candidates: matches.map((match) => match.candidate),
        ...(unique !== undefined ? { preferred: unique } : {}),
      },
    ];
  }
  return checkPattern(value, range, schemaField);
}

function checkPattern(value: string, range: Range, schemaField: FieldSchema): ValueFinding[] {
  if (!schemaField.pattern || regExpOf(schemaField.pattern.regex, 'u').test(value)) return [];
  return [
    {
      kind: 'invalid',
      range,
      value,
      severity: 'warning',
      message: l10n.t('"{0}" does not have the form of "{1}": expected {2}.', value, schemaField.key, l10n.t(schemaField.pattern.description)),
      withoutValues: l10n.t('The value of "{0}" does not have the expected form: {1}.', schemaField.key, l10n.t(schemaField.pattern.description)),
      candidates: [],
    },
  ];
}

function checkYear(field: Field, schemaField: FieldSchema, currentYear: number): ValueFinding[] {
  const { value, valueRange: range } = field;
  const minYear = schemaField.minYear ?? 1;
  const found = /^(\d{1,6})(\.0+)?$/.exec(value);
  const year = found ? Number(found[1]) : Number.NaN;
  const expected = l10n.t('a whole number from {0} to {1}', minYear, currentYear);
  const invalid = (message: string, withoutValues: string): ValueFinding[] => [
    { kind: 'invalid', range, value, severity: 'error', message, withoutValues, candidates: [] },
  ];
  if (Number.isNaN(year)) {
    return invalid(
      l10n.t('"{0}" is not a year: "{1}" is {2}.', value, schemaField.key, expected),
      l10n.t('The value of "{0}" is not a year; "{0}" is {1}.', schemaField.key, expected),
    );
  }
  if (year > currentYear) {
    return invalid(
      l10n.t('{0} is in the future: "{1}" is {2}.', year, schemaField.key, expected),
      l10n.t('The value of "{0}" is a year in the future; "{0}" is {1}.', schemaField.key, expected),
    );
  }
  if (year < minYear) {
    return invalid(
      l10n.t('{0} is too early: "{1}" is {2}.', year, schemaField.key, expected),
      l10n.t('The value of "{0}" is a year before {1}; "{0}" is {2}.', schemaField.key, minYear, expected),
    );
  }
  // `2024.0` is a spreadsheet artefact of an allowed year.
  if (found?.[2] !== undefined || found?.[1] !== String(year)) {
    const withoutValues =
      found?.[2] !== undefined
        ? l10n.t('"{0}" is written as a decimal; the fix writes the whole number.', schemaField.key)
        : l10n.t('"{0}" is written with leading zeros; the fix writes the year without them.', schemaField.key);
    return [{ kind: 'format', range, value, canonical: String(year), withoutValues }];
  }
  return [];
}

/** A listed value written in another case or spacing: the canonical spelling is the schema's, safe to show. */
function otherSpelling(schemaField: FieldSchema, canonical: string): string {
  return l10n.t('A value of "{0}" is written in another case or spacing; the fix writes "{1}".', schemaField.key, canonical);
}
