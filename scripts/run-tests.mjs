// Runs the *.test.ts files of a folder with node:test, found without a shell's glob (cmd.exe
// expands none, and Node 20's runner takes no pattern): `node scripts/run-tests.mjs test/unit
// [--timeout=N]`. Other arguments go to node --test (e.g. --test-name-pattern=...).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [folder, ...rest] = process.argv.slice(2);
if (folder === undefined) {
  console.error('usage: node scripts/run-tests.mjs FOLDER [--timeout=MILLISECONDS] [node --test options]');
  process.exit(2);
}
const timeout = rest.find((arg) => arg.startsWith('--timeout='))?.slice('--timeout='.length);
const options = rest.filter((arg) => !arg.startsWith('--timeout='));
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join(folder, name));
if (files.length === 0) {
  console.error(`no *.test.ts files in ${folder}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', ...(timeout === undefined ? [] : [`--test-timeout=${timeout}`]), ...options, ...files],
  { stdio: 'inherit' },
);
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
