// What the CLI tests of import and export share: the CLI run as a user would, workbooks made and read back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { temporaryFolder } from '../temporary-folders';
import { fixtureXlsx } from '../unit/workbook-fixture';

export const repositoryRoot = join(__dirname, '..', '..');
export const cliPath = join(repositoryRoot, 'dist', 'cli.js');
export const expectedFolder = join(repositoryRoot, 'test', 'fixtures', 'workbook', 'expected');
export const examplePath = join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt');

/** Runs `node dist/cli.js` as a user would, in `cwd`. */
export function fragments(args: string[], cwd: string) {
  assert.ok(existsSync(cliPath), 'dist/cli.js is built (npm run build)');
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function workspaceWithWorkbook(): Promise<string> {
  const folder = temporaryFolder('fragments-harvest-');
  writeFileSync(join(folder, 'master.xlsx'), await fixtureXlsx());
  return folder;
}

/** A one-sheet workbook of these rows. */
export async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function readXlsx(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

export const filesIn = (folder: string) => Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
export const expectedFiles = () => filesIn(expectedFolder);
