// `fragments substantiate` as a user runs it (FORMAT.md §9): a 12-outcome harvest, a seeded sample
// of one per objective, forms filled in by another program, their answers brought back.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { temporaryFolder } from '../temporary-folders';
import { examplePath, fragments } from './cli-harvest-helpers';

const OBJECTIVES = [
  'CIV: Less suppression of civic space',
  'PHR: Conflict transformation, peace and human rights',
  'GEN: More equal gender roles and norms',
  'EXT: Mitigating external stress factors',
];

/** Twelve public outcomes, three per objective, one file each; one confidential outcome, CIV099; one that names someone, CIV098. */
function harvest(): string {
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
const statuses = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [name, statusOf(readFileSync(join(folder, name), 'utf8'))]),
  );

/** The ids of the outcomes of a form, in its rows' order. */
async function formIds(path: string): Promise<string[]> {
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
async function fillIn(path: string, answers: Record<string, [string, string, string, string]>): Promise<void> {
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

describe('fragments substantiate', () => {
  it('a sample of one per objective with a seed: the same four outcomes every time, marked sent; the answers come back into exactly those four', async () => {
    const first = harvest();
    const second = harvest();
    const run = (folder: string, out: string) =>
      fragments(
        [
          'substantiate',
          'prepare',
          '.',
          '--out',
          out,
          '--sample',
          '1',
          '--per',
          'objective',
          '--seed',
          'harvest-2026',
          '--substantiator',
          'Lawyer, bar association of the province',
        ],
        folder,
      );
    const prepared = run(first, 'forms');
    assert.equal(prepared.code, 0, prepared.stderr);
    assert.match(prepared.stdout, /Forms: 1\. Outcomes in them: 4\. Files that mark them "sent": 4\./);
    assert.equal(run(second, 'forms').code, 0);
    const formPath = join(first, 'forms', 'substantiation-Lawyer, bar association of the province.xlsx');
    const ids = await formIds(formPath);
    assert.equal(ids.length, 4);
    assert.deepEqual(
      ids.map((id) => id.slice(-6, -3)),
      ['CIV', 'PHR', 'GEN', 'EXT'],
    );
    assert.deepEqual(
      await formIds(join(second, 'forms', 'substantiation-Lawyer, bar association of the province.xlsx')),
      ids,
      'the same sample from the same seed',
    );
    assert.ok(!ids.includes('SCC-<redacted>/CIV099'), 'the confidential outcome is never in a form');
    assert.match(prepared.stdout, /Confidential outcomes left out: 1 \(--include-confidential includes them\)\./);
    assert.match(prepared.stdout, /Outcomes left out because they still hold possible identifying details \(possible-identifier\): 1\./);
    const sent = Object.entries(statuses(first)).filter(([, status]) => status === 'sent');
    assert.equal(sent.length, 4);

    // The form: the instructions first, the answers as drop-down lists of the scale.
    const zip = await JSZip.loadAsync(readFileSync(formPath));
    const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
    assert.match(workbookXml ?? '', /<sheet [^>]*name="Instructions"[^>]*\/><sheet [^>]*name="Outcomes"/);
    const outcomesXml = (await zip.file('xl/worksheets/sheet2.xml')?.async('string')) ?? '';
    assert.equal((outcomesXml.match(/<dataValidation [^>]*type="list"/g) ?? []).length, 3);
    assert.match(outcomesXml, /<formula1>&quot;fully agree,partially agree,disagree,don&apos;t know&quot;<\/formula1>/);

    // Returned, filled in by another program: one disagreement, one left unanswered.
    const [civ, phr, gen] = ids as [string, string, string, string];
    await fillIn(formPath, {
      [civ]: ['FULLY AGREE', 'fully agree', 'fully agree', ''],
      [phr]: ['fully agree', 'disagree', 'partially agree', 'The network existed before.'],
      [gen]: ['fully agree', "don't know", 'fully agree', ''],
    });
    const imported = fragments(['substantiate', 'import', join('forms', 'substantiation-Lawyer, bar association of the province.xlsx'), '--into', '.'], first);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Outcomes answered: 3 \(agreed: 2, partly agreed: 0, disagreed: 1\)\. Rows left unanswered: 1\. Files changed: 3\./);
    const after = statuses(first);
    assert.equal(Object.values(after).filter((status) => status === 'answered').length, 3);
    assert.equal(Object.values(after).filter((status) => status === 'sent').length, 1);
    const phrFile = readdirSync(first).find(
      (name) => name.endsWith('.txt') && readFileSync(join(first, name), 'utf8').includes(`**FragmentID**: ${phr}`),
    ) as string;
    const phrText = readFileSync(join(first, phrFile), 'utf8');
    assert.match(phrText, /\*\*Substantiation of the significance\*\*: disagree\n/);
    assert.match(phrText, /\*\*Substantiator's comments\*\*: The network existed before\.\n/);
    assert.match(phrText, /\*\*Substantiated by\*\*: Lawyer, bar association of the province\n/);
    // The answers are where the schema puts them: after the SCC fields, in canonical order.
    assert.ok(phrText.indexOf('**TypeOfChangeCluster**') < phrText.indexOf('**Substantiation status**'));
    assert.ok(phrText.indexOf('**Substantiation status**') < phrText.indexOf('**Substantiated by**'));
    const lint = fragments([phrFile, '--format', 'json'], first);
    assert.match(lint.stdout, /substantiation-disagrees/);
    assert.match(lint.stdout, /disagrees with \\"Significance of the outcome\\"/);

    // The same form again changes nothing; a different earlier answer is kept unless --force.
    const again = fragments(['substantiate', 'import', join('forms', 'substantiation-Lawyer, bar association of the province.xlsx'), '--into', '.'], first);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /Files changed: 0\./);
    writeFileSync(
      join(first, phrFile),
      phrText.replace('**Substantiation of the significance**: disagree', '**Substantiation of the significance**: fully agree'),
    );
    const refused = fragments(['substantiate', 'import', join('forms', 'substantiation-Lawyer, bar association of the province.xlsx'), '--into', '.'], first);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /would overwrite earlier answers that differ \(1\): .*"Substantiation of the significance" is "fully agree", the form says "disagree".*--force/,
    );
    assert.match(readFileSync(join(first, phrFile), 'utf8'), /significance\*\*: fully agree/, 'nothing written');
    assert.equal(
      fragments(['substantiate', 'import', join('forms', 'substantiation-Lawyer, bar association of the province.xlsx'), '--into', '.', '--force'], first).code,
      0,
    );
    assert.match(readFileSync(join(first, phrFile), 'utf8'), /significance\*\*: disagree/);
  });

  it('a form of another harvest, a damaged form and a form with unknown answers: clear messages, nothing written', async () => {
    const folder = harvest();
    const other = harvest();
    assert.equal(fragments(['substantiate', 'prepare', '.', '--out', 'forms', '--substantiator', 'Journalist'], folder).code, 0);
    const formPath = join(folder, 'forms', 'substantiation-Journalist.xlsx');
    const ids = await formIds(formPath);
    assert.equal(ids.length, 12, 'every public outcome, without a sample');
    assert.ok(!ids.includes('SCC-<redacted>/CIV098'), 'never one that may still name someone');
    const included = fragments(['substantiate', 'prepare', '.', '--out', 'all', '--substantiator', 'Journalist', '--include-confidential'], folder);
    assert.equal(included.code, 0, included.stderr);
    const all = await formIds(join(folder, 'all', 'substantiation-Journalist.xlsx'));
    assert.deepEqual(
      [all.length, all.includes('SCC-<redacted>/CIV099'), all.includes('SCC-<redacted>/CIV098')],
      [13, true, false],
      'the confidential one when asked for; the one naming someone never',
    );
    // Another harvest: the same files with other ids.
    for (const name of readdirSync(other).filter((entry) => entry.endsWith('.txt'))) {
      const path = join(other, name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\/(CIV|PHR|GEN|EXT)0/, '/$1X'));
    }
    const snapshot = (root: string) =>
      Object.fromEntries(
        readdirSync(root)
          .filter((name) => name.endsWith('.txt'))
          .map((name) => [name, readFileSync(join(root, name), 'utf8')]),
      );
    const before = snapshot(other);
    const foreign = fragments(['substantiate', 'import', formPath, '--into', '.'], other);
    assert.equal(foreign.code, 1);
    assert.match(
      foreign.stderr,
      /substantiation-Journalist\.xlsx is a form of another harvest: none of its outcomes .* is in the files given\. Nothing was imported\./,
    );
    assert.deepEqual(snapshot(other), before);

    const damaged = join(folder, 'forms', 'damaged.xlsx');
    const bytes = readFileSync(formPath);
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 200));
    const broken = fragments(['substantiate', 'import', damaged, '--into', '.'], folder);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /damaged\.xlsx: the file is not a readable \.xlsx workbook \(it may be damaged\)/);

    const unknown = join(folder, 'forms', 'unknown.xlsx');
    cpSync(formPath, unknown);
    await fillIn(unknown, { [ids[0] as string]: ['agree strongly', 'fully agree', 'fully agree', ''] });
    const before2 = snapshot(folder);
    const refused = fragments(['substantiate', 'import', unknown, '--into', '.'], folder);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /unknown\.xlsx holds answers that are not on the scale \(fully agree, partially agree, disagree, don't know\), or rows that cannot be read: row \d+, column [A-Z] \("Substantiation of the description"\): "agree strongly"\. Nothing was imported\./,
    );
    assert.deepEqual(snapshot(folder), before2);
  });

  it('in French: the form’s instructions and the summary', async () => {
    const folder = harvest();
    const prepared = fragments(
      ['--locale', 'fr', 'substantiate', 'prepare', '.', '--out', 'formulaires', '--sample', '1', '--seed', '3', '--substantiator', 'Juriste, barreau'],
      folder,
    );
    assert.equal(prepared.code, 0, prepared.stderr);
    assert.match(prepared.stdout, /Formulaires : 1\. Résultats qu’ils contiennent : 1\./);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, 'formulaires', 'substantiation-Juriste, barreau.xlsx'));
    const instructions = workbook.worksheets[0] as ExcelJS.Worksheet;
    assert.equal(instructions.getCell('A1').value, 'Corroboration des résultats');
    const lines: string[] = [];
    instructions.eachRow((row) => lines.push(String(row.getCell(1).value)));
    assert.ok(lines.includes('Préparé pour : Juriste, barreau'), lines.join('\n'));
    assert.ok(
      lines.some((line) => /^Résultats : 1 \(1 tirés avec la graine 3\)$/.test(line)),
      lines.join('\n'),
    );
    // The keys stay the schema's: an import reads the headers, whatever the language.
    assert.equal((workbook.getWorksheet('Outcomes') as ExcelJS.Worksheet).getCell('F1').value, 'Substantiation of the description');
  });

  it('bad usage says how to use it, with exit code 2', () => {
    const folder = harvest();
    for (const args of [
      ['substantiate'],
      ['substantiate', 'prepare', '.'],
      ['substantiate', 'import', 'form.xlsx'],
      ['substantiate', 'prepare', '.', '--out', 'f', '--sample', 'two'],
    ]) {
      const result = fragments(args, folder);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /Usage: fragments substantiate prepare/);
    }
  });
});
