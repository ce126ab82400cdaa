// The English bundle (l10n/bundle.l10n.json): every string the code marks with l10n.t, found by
// @vscode/l10n-dev, and the default schema's descriptions, which are data the code translates.
// Translations (l10n/bundle.l10n.{language}.json) are written by hand against it; a unit test
// fails when one lacks a string or drops a placeholder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { defaultQuality } from '../server/src/core/schema/default-quality';
import { defaultSchema } from '../server/src/core/schema/default-schema';

const root = join(__dirname, '..');
const sourceFolders = [join(root, 'server', 'src'), join(root, 'client', 'src')];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The schema's own words that the code shows through l10n.t: field and value descriptions, value forms, the Harvest's dimension labels, the quality hints' explanations. */
export function schemaStrings(): string[] {
  return [
    ...defaultSchema.fields.flatMap((field) => [
      ...(field.description === '' ? [] : [field.description]),
      ...Object.values(field.valueDescriptions),
      ...(field.pattern ? [field.pattern.description] : []),
    ]),
    ...(defaultSchema.harvest?.dimensions ?? []).map((dimension) => dimension.label),
    ...Object.values(defaultQuality.explanations).flatMap(({ title, criterion, good, weak }) => [title, criterion, good, weak]),
  ];
}

export async function englishBundle(): Promise<string> {
  const files = sourceFolders.flatMap(sourceFiles).map((path) => ({ extension: '.ts', contents: readFileSync(path, 'utf8') }));
  const fromCode = await getL10nJson(files);
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(fromCode)) strings[key] = typeof value === 'string' ? value : value.message;
  for (const text of schemaStrings()) strings[text] = text;
  const sorted = Object.fromEntries(Object.entries(strings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
