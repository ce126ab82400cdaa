// The schema files use zod's tree-shakable form, `zod/mini` (the same validator as `zod`, with
// functions instead of methods): imported as `import * as z from 'zod/mini'` in each file, so
// that the bundles carry only the parts used (about 60 KB), not all of zod (about 440 KB).
// Every schema file imports this module, which sets zod up before the first parse.

import { en } from 'zod/locales';
import { clone, config, globalRegistry, minLength, string, trim, type ZodMiniType } from 'zod/mini';

// zod/mini loads no locale (every message would read "Invalid input"): the English messages of
// `zod`, in which a broken .fragmentrc.json is reported.
config(en());

/** A string that is not empty once trimmed (and is trimmed). */
export function nonEmptyString() {
  return string().check(trim(), minLength(1));
}

/** The schema with a description for the generated JSON schema (what `.describe()` does in `zod`). */
export function described<T extends ZodMiniType>(schema: T, description: string): T {
  const copy = clone(schema);
  globalRegistry.add(copy, { description });
  return copy;
}

/** A value made on its first use, then kept: zod's schemas, which a start without a configuration does not need. */
export function lazily<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
