// The substantiation tests' harvest and forms (FORMAT.md §9): twelve public outcomes, and a
// form filled in as another program would fill it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { temporaryFolder } from '../temporary-folders';
import { examplePath } from './cli-harvest-helpers';

const OBJECTIVES = [
  'CIV: Less suppression of civic space',
  'PHR: Conflict transformation, peace and human rights',
  'GEN: More equal gender roles and norms',
  'EXT: Mitigating external stress factors',
];

/** Twelve public outcomes, three per objective, one file each; one confidential outcome, CIV099; one that names someone, CIV098. */
export function harvest(): string {
  const folder = temporaryFolder('fragments-substantiate-');
  const example = readFileSync(examplePath, 'utf8').replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0');
  let number = 1;
  for (const objective of OBJECTIVES) {
    const code = objective.slice(0, 3);
    for (let index = 0; index < 3; index++, number++) {
      const id = `SCC-<redacted>/${code}0${String(number).padStart(2, '0')}`;
      const text = example.replace('SCC-<redacted>/CIV021', id).replace('CIV: Less suppression of civic space', objective);
      writeFileSync(join(folder, `outcome_${number}.txt`), text);
    }
  }
  writeFileSync(join(folder, 'outcome_99.txt'), readFileSync(examplePath, 'utf8').replace('SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV099'));
  // A public outcome that still names someone (possible-identifier): never in a form.
  writeFileSync(
    join(folder, 'outcome_98.txt'),
    example
      .replace('SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV098')
      .replace('**Outcome description**: ', '**Outcome description**: Rose Nyota, a lawyer, reports that '),
  );
  return folder;
}

const statusOf = (text: string) => /^\*\*Substantiation status\*\*: (.*)$/m.exec(text)?.[1];
export const statuses = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [name, statusOf(readFileSync(join(folder, name), 'utf8'))]),
  );

/** The ids of the outcomes of a form, in its rows' order. */
export async function formIds(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Outcomes') as ExcelJS.Worksheet;
  const ids: string[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) ids.push(String(row.getCell(1).value));
  });
  return ids;
}

/**
 * The form filled in as another program would: its columns in another order (answers first),
 * the rows sorted the other way, answers typed in another case; `answers` by FragmentID.
 */
export async function fillIn(path: string, answers: Record<string, [string, string, string, string]>): Promise<void> {
  const form = new ExcelJS.Workbook();
  await form.xlsx.readFile(path);
  const sheet = form.getWorksheet('Outcomes') as ExcelJS.Worksheet;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: string[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(headers.map((_, column) => String(row.getCell(column + 1).value ?? '')));
  });
  const returned = new ExcelJS.Workbook();
  returned.addWorksheet('Read me').addRow(['Filled in by hand']);
  const answered = returned.addWorksheet('Answers');
  const order = [7, 6, 5, 8, 0, 1, 2, 3, 4];
  answered.addRow(order.map((column) => headers[column]));
  for (const row of rows.reverse()) {
    const [description, significance, contribution, comments] = answers[row[0] as string] ?? ['', '', '', ''];
    const filled = [...row.slice(0, 5), description, significance, contribution, comments];
    answered.addRow(order.map((column) => filled[column]));
  }
  await returned.xlsx.writeFile(path);
}
