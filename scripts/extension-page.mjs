// The extension's page in VS Code's Extensions view (packaged by `vsce package --readme-path`):
// the README's opening and its user guide (between the extension-page marks), then the commands
// and settings that package.json contributes. VS Code renders that page under a sanitizer that
// keeps only http(s) pictures and links, and a policy that loads only https: pictures; this
// package has no public address, so the page holds no picture, and a relative link becomes its
// text. test/protocol/extension-page.test.ts checks the result.
// Usage: node scripts/extension-page.mjs   (writes out/extension-page.md)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const extensionPagePath = join(repoRoot, 'out', 'extension-page.md');

const START = '<!-- extension-page:start -->';
const END = '<!-- extension-page:end -->';

/** @param {string} readme the README's text  @param {any} manifest package.json */
export function extensionPage(readme, manifest) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no user guide between "${START}" and "${END}"`);
  const opening = readme.slice(0, readme.search(/^## /m)).trim();
  const guide = readme
    .slice(start + START.length, end)
    .trim()
    .replace(/^###/gm, '##'); // its sections become the page's own
  const page = [opening, guide, commandsSection(manifest), settingsSection(manifest), '## Licence\n\nMIT'].join('\n\n');
  return `${forTheInstalledPage(page)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** Outside code blocks: pictures dropped (with their line), relative links reduced to their text. */
function forTheInstalledPage(markdown) {
  return markdown
    .split(/(^```[^\n]*\n[\s\S]*?^```$)/m)
    .map((part, index) => {
      if (index % 2 === 1) return part; // a fenced code block, as it is
      return part
        .replace(/^[ \t]*!\[[^\]]*\]\([^)]*\)[ \t]*$/gm, '')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/<img\b[^>]*>/gi, '')
        .replace(/\[([^\]]+)\]\((?!https:|http:|mailto:|#)[^)]*\)/g, '$1');
    })
    .join('');
}

function commandsSection(manifest) {
  const { commands = [], keybindings = [] } = manifest.contributes ?? {};
  const keysOf = (command) =>
    keybindings
      .filter((binding) => binding.command === command)
      .map((binding) => `\`${keyLabel(binding.key)}\``)
      .join(', ');
  const rows = commands.map((command) => {
    const keys = keysOf(command.command);
    return `| ${command.category ? `${command.category}: ` : ''}${command.title} | ${keys || ' '} |`;
  });
  return ['## Commands', '', 'In the command palette (`Ctrl+Shift+P`):', '', '| Command | Keys |', '|---|---|', ...rows].join('\n');
}

/** `ctrl+k v` as VS Code shows it: `Ctrl+K V`. */
function keyLabel(key) {
  return key.replace(/[a-z]+/g, (word) => word[0].toUpperCase() + word.slice(1));
}

function settingsSection(manifest) {
  const properties = manifest.contributes?.configuration?.properties ?? {};
  const items = Object.entries(properties).map(([name, setting]) => {
    const description = (setting.markdownDescription ?? setting.description ?? '').trim();
    const values = setting.enum ? ` One of ${setting.enum.map((value) => `\`${value}\``).join(', ')}.` : '';
    const fallback = JSON.stringify(setting.default);
    const byDefault = fallback === undefined || fallback === '{}' ? '' : ` Default: \`${fallback}\`.`;
    return `- \`${name}\`: ${description}${values}${byDefault}`;
  });
  return ['## Settings', '', ...items].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  // The manifest's strings live in package.nls.json (`%key%`): the page shows them in English.
  const strings = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'), (_, value) =>
    typeof value === 'string' ? value.replace(/^%([^%]+)%$/, (reference, key) => strings[key] ?? reference) : value,
  );
  mkdirSync(dirname(extensionPagePath), { recursive: true });
  writeFileSync(extensionPagePath, extensionPage(readme, manifest));
  console.log(`wrote ${extensionPagePath}`);
}
