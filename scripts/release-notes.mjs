// The notes of one release: its section of CHANGELOG.md (`## [0.2.0] …` up to the next `## `),
// for the GitHub release (.github/workflows/release.yml).
// Usage: node scripts/release-notes.mjs 0.2.0 > notes.md
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @param {string} changelog  @param {string} version */
export function releaseNotes(changelog, version) {
  const heading = changelog.split('\n').findIndex((line) => line.startsWith(`## [${version}]`));
  if (heading < 0) throw new Error(`CHANGELOG.md has no section ## [${version}]`);
  const lines = changelog.split('\n').slice(heading + 1);
  const next = lines.findIndex((line) => line.startsWith('## '));
  return `${(next < 0 ? lines : lines.slice(0, next)).join('\n').trim()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  process.stdout.write(releaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), process.argv[2] ?? ''));
}
