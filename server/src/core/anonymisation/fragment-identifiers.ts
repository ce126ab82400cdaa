import type { Range } from 'vscode-languageserver-types';
import type { FragmentSchema } from '../schema/schema-types';
import { type Field, type Fragment, fieldNamed, positionInValue } from '../text/parse';
import { wordOccurrences } from '../text/pattern-text';
import { type CompiledAnonymisation, compileAnonymisation } from './compiled';
import { type IdentifierFinding, type IdentifierMemo, identifiersOfTexts } from './identifiers';
import { repeatedFindings, upToDateStory } from './story-findings';

/** An identifying detail in one field of a fragment. */
export interface FieldIdentifier extends IdentifierFinding {
  readonly field: Field;
  readonly range: Range;
}

/**
 * The fields a name can hide in: every text field, the merged story, and any field the schema
 * does not know (its value may be anything: fail-safe).
 */
export function checkedFields(fragment: Fragment, schema: FragmentSchema): Field[] {
  const story = schema.mergedStory?.field;
  const checked: Field[] = [];
  for (const field of fragment.fields)
    if (field.value !== '' && (!field.schemaField || field.schemaField.type === 'text' || field.schemaField.key === story)) checked.push(field);
  return checked;
}

/** The ISO code of the fragment's country, for its telephone plan (undefined when unknown). */
export function countryCodeOf(fragment: Fragment, compiled: CompiledAnonymisation): string | undefined {
  const key = compiled.section.countryField;
  const value = key === undefined ? undefined : fieldNamed(fragment, key)?.value;
  return value === undefined ? undefined : compiled.countries.get(value.trim().toLowerCase());
}

/** Every identifying detail left in a fragment's texts (FORMAT.md §8); none when the schema has no anonymisation section. */
export function fragmentIdentifiers(fragment: Fragment, schema: FragmentSchema, memo?: IdentifierMemo): FieldIdentifier[] {
  if (!schema.anonymisation) return [];
  const compiled = compileAnonymisation(schema.anonymisation);
  if (compiled.kinds.size === 0) return [];
  const country = countryCodeOf(fragment, compiled);
  const fields = checkedFields(fragment, schema);
  // An up-to-date merged story repeats its fields: their findings, found again where they stand in it.
  const story = upToDateStory(fragment, schema);
  const read = story ? fields.filter((field) => field !== story) : fields;
  const texts: string[] = [];
  for (const field of read) texts.push(field.value);
  const readFound = identifiersOfTexts(texts, compiled, country, memo);
  // Most fragments: nothing found, and then nothing either in the story that repeats their fields.
  if (readFound.every((findings) => findings.length === 0)) return [];
  const found = new Map(read.map((field, index) => [field, readFound[index] ?? []]));
  if (story) found.set(story, repeatedFindings(story.value, readFound.flat()));
  return fields.flatMap((field) =>
    (found.get(field) ?? []).map((finding) => ({
      ...finding,
      field,
      range: {
        start: positionInValue(field.valueLines, field.valueOffset + finding.start),
        end: positionInValue(field.valueLines, field.valueOffset + finding.end),
      },
    })),
  );
}

/** Whether a fragment still holds an identifying detail: what sharing leaves out unless asked (FORMAT.md §8). */
export function holdsIdentifiers(fragment: Fragment, schema: FragmentSchema): boolean {
  return fragmentIdentifiers(fragment, schema).length > 0;
}

/**
 * Where a text stands in a fragment's checked fields, every occurrence on word boundaries (the
 * merged story included): what "Replace with <person>" replaces.
 */
export function occurrencesIn(fragment: Fragment, schema: FragmentSchema, text: string): Range[] {
  // A name broken over two lines is still the name.
  return checkedFields(fragment, schema).flatMap((field) =>
    wordOccurrences(field.value, text).map(({ start, end }) => ({
      start: positionInValue(field.valueLines, field.valueOffset + start),
      end: positionInValue(field.valueLines, field.valueOffset + end),
    })),
  );
}
