// What the CLI tests of import and export share: the CLI run as a user would, workbooks made and read back.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { temporaryFolder } from '../temporary-folders';
import { fixtureXlsx } from '../unit/workbook-fixture';

export const repositoryRoot = join(__dirname, '..', '..');
export const expectedFolder = join(repositoryRoot, 'test', 'fixtures', 'workbook', 'expected');
export const examplePath = join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt');

/** Runs `node dist/cli.js` as a user would, in `cwd`. */
export { cliPath, runCli as fragments } from './run-cli';

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
