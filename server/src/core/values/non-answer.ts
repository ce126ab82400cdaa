import type { FragmentSchema } from '../schema/schema-types';
import type { Field } from '../text/parse';

const foldedNonAnswers = new WeakMap<FragmentSchema, ReadonlySet<string>>();

/**
 * Whether a field's value says nothing (`N/A`, `-`, `TBD`, `néant`…, FORMAT.md §2): for a
 * required text field that counts as empty. Other fields have their own value checks.
 */
export function isNonAnswer(field: Field, schema: FragmentSchema): boolean {
  if (field.value === '' || field.value.length > 20 || field.schemaField?.type !== 'text' || !field.schemaField.required) return false;
  let folded = foldedNonAnswers.get(schema);
  if (!folded) {
    folded = new Set(schema.nonAnswers.map((value) => value.toLowerCase()));
    foldedNonAnswers.set(schema, folded);
  }
  return folded.has(field.value.toLowerCase());
}

/** Whether a field is empty, or holds only a value that says nothing. */
export function saysNothing(field: Field, schema: FragmentSchema): boolean {
  return field.value === '' || isNonAnswer(field, schema);
}
