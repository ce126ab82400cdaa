import { fold, nearMatches } from '../text/near';
import type { FieldSchema, FragmentSchema } from './schema-types';

/** How a key written in a file names a field of the schema. */
export type KeyMatch =
  | { kind: 'exact'; field: FieldSchema }
  /** Matches only ignoring case and runs of white space, or through an alias. */
  | { kind: 'non-canonical'; field: FieldSchema }
  /** No field; `suggestions` are the near misses, nearest first; `unique` the clearly nearest. */
  | { kind: 'unknown'; suggestions: FieldSchema[]; unique?: FieldSchema };

/** Look-ups over one schema, built once per schema. */
export class SchemaIndex {
  private readonly byKey = new Map<string, FieldSchema>();
  private readonly byFoldedKey = new Map<string, FieldSchema>();
  private readonly canonicalOrder = new Map<string, number>();

  constructor(readonly schema: FragmentSchema) {
    schema.fields.forEach((field, index) => {
      this.byKey.set(field.key, field);
      this.canonicalOrder.set(field.key, index);
      for (const key of [field.key, ...field.aliases]) this.byFoldedKey.set(fold(key), field);
    });
  }

  get fields(): readonly FieldSchema[] {
    return this.schema.fields;
  }

  field(key: string): FieldSchema | undefined {
    return this.byKey.get(key);
  }

  /** Position of a field in the canonical order. */
  order(field: FieldSchema): number {
    return this.canonicalOrder.get(field.key) ?? Number.MAX_SAFE_INTEGER;
  }

  isIdField(field: FieldSchema): boolean {
    return field.key === this.schema.idField;
  }

  /** Keys recur in every file of a harvest (misspellings too): each is matched once. */
  private readonly matches = new Map<string, KeyMatch>();

  match(key: string): KeyMatch {
    let known = this.matches.get(key);
    if (!known) {
      if (this.matches.size > 10_000) this.matches.clear(); // a bound, for a file of random keys
      known = this.matchAfresh(key);
      this.matches.set(key, known);
    }
    return known;
  }

  private matchAfresh(key: string): KeyMatch {
    const exact = this.byKey.get(key);
    if (exact) return { kind: 'exact', field: exact };
    const folded = this.byFoldedKey.get(fold(key));
    if (folded) return { kind: 'non-canonical', field: folded };
    const { matches, unique } = nearMatches(
      key,
      this.schema.fields.map((field) => field.key),
    );
    const suggestions = matches.map((match) => this.byKey.get(match.candidate)).filter((field) => field !== undefined);
    const uniqueField = unique === undefined ? undefined : this.byKey.get(unique);
    return uniqueField ? { kind: 'unknown', suggestions, unique: uniqueField } : { kind: 'unknown', suggestions };
  }
}
