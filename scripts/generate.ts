// Writes the files generated from the core: snippets/fragment.json (from the default schema),
// schemas/fragmentrc.schema.json (the JSON schema of .fragmentrc.json, from its zod schema),
// l10n/bundle.l10n.json (the English strings that translations follow), and the data of the
// possible-identifier check cut from packages: the place gazetteer and the telephone plans.
// Usage: npm run generate. A unit test fails when a committed file is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { snippetsOf } from '../server/src/core/features/snippets';
import { configJsonSchema } from '../server/src/core/schema/config';
import { defaultSchema } from '../server/src/core/schema/default-schema';
import { englishBundle } from './l10n-strings';
import { phoneMetadataJson } from './phone-metadata';
import { placeNamesJson } from './place-names';

const root = join(__dirname, '..');

export const generatedFiles: Record<string, () => string | Promise<string>> = {
  [join(root, 'snippets', 'fragment.json')]: () => `${JSON.stringify(snippetsOf(defaultSchema), null, 2)}\n`,
  [join(root, 'schemas', 'fragmentrc.schema.json')]: () => `${JSON.stringify(configJsonSchema(), null, 2)}\n`,
  [join(root, 'l10n', 'bundle.l10n.json')]: englishBundle,
  [join(root, 'server', 'src', 'core', 'schema', 'place-names.json')]: placeNamesJson,
  [join(root, 'server', 'src', 'core', 'schema', 'phone-metadata.json')]: phoneMetadataJson,
};

async function main(): Promise<void> {
  for (const [path, text] of Object.entries(generatedFiles)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await text());
    console.log(`wrote ${path}`);
  }
}

if (require.main === module) void main();
