// `fragments substantiate` as a user runs it (FORMAT.md §9): a 12-outcome harvest, a seeded sample
// of one per objective, forms filled in by another program, their answers brought back.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fragments } from './cli-harvest-helpers';
import { fillIn, formIds, harvest, statuses } from './substantiation-helpers';

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
