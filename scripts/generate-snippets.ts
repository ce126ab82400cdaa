// Writes snippets/fragment.json from the default schema. Usage: npm run generate:snippets
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSchema } from '../server/src/core/schema/default-schema';
import { snippetsOf } from '../server/src/core/snippets';

export const snippetsPath = join(__dirname, '..', 'snippets', 'fragment.json');

export function snippetsFileText(): string {
  return `${JSON.stringify(snippetsOf(defaultSchema), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(snippetsPath, snippetsFileText());
  console.log(`wrote ${snippetsPath}`);
}
