// Moves the user-facing strings of package.json's contributions into package.nls.json as
// `%key%` references (VS Code's way of translating a manifest), and lists the keys that
// package.nls.fr.json still lacks. Idempotent: strings already moved stay as they are.
// Usage: node scripts/nls.mjs (after adding a command or a setting).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const read = (name) => JSON.parse(readFileSync(join(root, name), 'utf8'));
const write = (name, value) => writeFileSync(join(root, name), `${JSON.stringify(value, null, 2)}\n`);

const manifest = read('package.json');
const nls = read('package.nls.json');

/** Replaces `holder[property]` by a reference to `key`, keeping the English text in package.nls.json. */
function move(holder, property, key) {
  const value = holder[property];
  if (typeof value !== 'string' || value === '') return;
  if (/^%[^%]+%$/.test(value)) return;
  nls[key] = value;
  holder[property] = `%${key}%`;
}

move(manifest, 'displayName', 'extension.displayName');
move(manifest, 'description', 'extension.description');
const contributes = manifest.contributes ?? {};
for (const command of contributes.commands ?? []) {
  const name = command.command.replace(/^outcomeFragments\./, '');
  move(command, 'title', `command.${name}.title`);
  move(command, 'category', 'command.category');
}
const configurations = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration].filter(Boolean);
for (const configuration of configurations) {
  move(configuration, 'title', 'configuration.title');
  for (const [id, property] of Object.entries(configuration.properties ?? {})) {
    const name = id.replace(/^outcomeFragments\./, '');
    for (const field of ['description', 'markdownDescription']) move(property, field, `configuration.${name}.${field}`);
    for (const list of ['enumDescriptions', 'markdownEnumDescriptions'])
      for (let index = 0; index < (property[list]?.length ?? 0); index++) move(property[list], index, `configuration.${name}.${list}.${index}`);
  }
}
for (const container of contributes.viewsContainers?.activitybar ?? []) move(container, 'title', `viewsContainer.${container.id}.title`);
for (const views of Object.values(contributes.views ?? {}))
  for (const view of views) {
    move(view, 'name', `view.${view.id}.name`);
    move(view, 'contextualTitle', `view.${view.id}.contextualTitle`);
  }
for (const welcome of contributes.viewsWelcome ?? []) move(welcome, 'contents', `viewsWelcome.${welcome.view}.contents`);

write('package.json', manifest);
write('package.nls.json', Object.fromEntries(Object.entries(nls).sort(([a], [b]) => (a < b ? -1 : 1))));
const french = read('package.nls.fr.json');
const missing = Object.keys(nls).filter((key) => !(key in french));
if (missing.length > 0) console.log(`package.nls.fr.json lacks:\n${missing.map((key) => `  ${key}: ${JSON.stringify(nls[key])}`).join('\n')}`);
