import type { Range } from 'vscode-languageserver-types';
import type { FragmentSchema } from '../schema/schema-types';
import { storyIsUpToDate } from '../story/merged-story';
import { type Field, type Fragment, positionInValue } from '../text/parse';
import { wordOccurrences } from '../text/pattern-text';
import { type CompiledAnonymisation, compileAnonymisation } from './compiled';
import { type IdentifierFinding, type IdentifierMemo, identifiersOfTexts } from './identifiers';
import { repeatedFindings } from './story-findings';

/** An identifying detail in one field of a fragment. */
export interface FieldIdentifier extends IdentifierFinding {
  readonly field: Field;
  readonly range: Range;
}

/**
 * What the check reads of a fragment, in one pass over its fields (the check asks it of every
 * fragment, and most fragments hold nothing): the fields a name can hide in (every text field,
 * the merged story, and any field the schema does not know: its value may be anything,
 * fail-safe), the stored merged story, and the value of the country field.
 */
function fieldsRead(fragment: Fragment, storyKey: string | undefined, countryKey: string | undefined) {
  const checked: Field[] = [];
  let story: Field | undefined;
  let country: string | undefined;
  for (const field of fragment.fields) {
    const schemaField = field.schemaField;
    // The first field of a key is the fragment's (`fieldNamed`).
    if (schemaField !== undefined && story === undefined && schemaField.key === storyKey) story = field;
    if (schemaField !== undefined && country === undefined && schemaField.key === countryKey) country = field.value;
    if (field.value !== '' && (!schemaField || schemaField.type === 'text' || schemaField.key === storyKey)) checked.push(field);
  }
  return { checked, story, country };
}

/** The fields a name can hide in (`fieldsRead`): what "Replace" replaces in. */
export function checkedFields(fragment: Fragment, schema: FragmentSchema): Field[] {
  return fieldsRead(fragment, schema.mergedStory?.field, undefined).checked;
}

/** The ISO code of a country field's value, for its telephone plan (undefined when unknown). */
function countryCodeOf(value: string | undefined, compiled: CompiledAnonymisation): string | undefined {
  return value === undefined ? undefined : compiled.countries.get(value.trim().toLowerCase());
}

/** Every identifying detail left in a fragment's texts (FORMAT.md §8); none when the schema has no anonymisation section. */
export function fragmentIdentifiers(fragment: Fragment, schema: FragmentSchema, memo?: IdentifierMemo): FieldIdentifier[] {
  if (!schema.anonymisation) return [];
  const compiled = compileAnonymisation(schema.anonymisation);
  if (compiled.kinds.size === 0) return [];
  const mergedStory = schema.mergedStory;
  const { checked: fields, story: stored, country } = fieldsRead(fragment, mergedStory?.field, compiled.section.countryField);
  // An up-to-date merged story (FORMAT.md §4) says nothing its parts' fields do not, each word
  // theirs or a placeholder: its findings are theirs, found again where they stand in it. A story
  // edited by hand is read as any text.
  const story = stored && mergedStory && storyIsUpToDate(fragment, mergedStory) ? stored : undefined;
  const read = story ? fields.filter((field) => field !== story) : fields;
  const texts: string[] = [];
  for (const field of read) texts.push(field.value);
  const readFound = identifiersOfTexts(texts, compiled, countryCodeOf(country, compiled), memo);
  // Most fragments: nothing found, and then nothing either in the story that repeats their fields.
  let any = false;
  for (const findings of readFound) any ||= findings.length > 0;
  if (!any) return [];
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
