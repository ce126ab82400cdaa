import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cellText } from '../../server/src/core/harvest/cells';
import { fileNameFor, namePatternProblem, safeFileNamePart } from '../../server/src/core/harvest/file-names';
import { HarvestInputError, importSheet, rowToFragmentText } from '../../server/src/core/harvest/import-rows';
import { masterLayout } from '../../server/src/core/harvest/layout';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { fixturesFolder } from './helpers';
import { FILE_ROWS, FIXTURE_SHEET, HEADERS } from './workbook-fixture';

const expectedFile = (name: string) => readFileSync(join(fixturesFolder, 'workbook', 'expected', name), 'utf8');

describe('import: a master workbook row to a fragment file (FORMAT.md §6)', () => {
  it('writes the files the generator’s rules give, byte for byte', () => {
    const imported = importSheet(FIXTURE_SHEET, defaultSchema);
    assert.deepEqual(
      imported.fragments.map((fragment) => fragment.fileName),
      FILE_ROWS.map((row) => `row_${row}.txt`),
    );
    for (const fragment of imported.fragments) assert.equal(fragment.text, expectedFile(fragment.fileName), fragment.fileName);
    assert.deepEqual(imported.emptyRows, [3], 'the row of empty cells is skipped and counted');
  });

  it('writes values, not spreadsheet artefacts', () => {
    assert.equal(cellText(2024), '2024');
    assert.equal(cellText(2024.0), '2024');
    assert.equal(cellText(0.1), '0.1');
    assert.equal(cellText(-0), '0');
    assert.equal(cellText(true), 'TRUE');
    assert.equal(cellText(false), 'FALSE');
    assert.equal(cellText({ date: '2024-03-15' }), '2024-03-15');
    assert.equal(cellText({ date: '2024-03-15T00:00:00' }), '2024-03-15');
    assert.equal(cellText({ date: '2024-03-15T09:30:00' }), '2024-03-15 09:30:00');
    assert.equal(cellText(null), '');
  });

  it('turns CRLF and LF inside a cell into one space each, and keeps a lone CR as the generator does', () => {
    const layout = masterLayout(defaultSchema);
    assert.equal(rowToFragmentText(['Outcome description'], ['a\r\nb\nc\rd'], layout), '**Outcome description**: a b c\rd\n');
    assert.equal(rowToFragmentText(['Outcome description'], ['a\n\nb'], layout), '**Outcome description**: a  b\n');
  });

  it('folds one-hot cells of 1 (number or text) and writes YES only for a 1', () => {
    const layout = masterLayout(defaultSchema);
    const headers = [
      'The change was unintended',
      'MCQType of change_Policy change',
      'MCQType of change_Agenda setting',
      'TypeOfChangeCluster_Other',
      'Outcome is negative',
    ];
    assert.equal(
      rowToFragmentText(headers, [null, '1', 1, 1, 0], layout),
      '**The change was unintended**: NO\n**Outcome is negative**: NO\n**MCQType of change**: Policy change, Agenda setting\n**TypeOfChangeCluster**: Other\n',
    );
    assert.equal(rowToFragmentText(headers, [1, 0, 2, 'x', '1'], layout), '**The change was unintended**: YES\n**Outcome is negative**: YES\n');
  });

  it('names files by a pattern with {n} and {id}, the id made safe', () => {
    const imported = importSheet(FIXTURE_SHEET, defaultSchema, '{id}.txt');
    assert.deepEqual(
      imported.fragments.map((fragment) => fragment.fileName),
      ['SCC-_redacted__CIV021.txt', 'SCC-BI_GEN007.txt', 'SCC-ET_PHR112.txt'],
    );
    assert.equal(importSheet(FIXTURE_SHEET, defaultSchema, '{n}-{id}.fragment').fragments[2]?.fileName, '4-SCC-ET_PHR112.fragment');
    assert.equal(safeFileNamePart('a<b>c/d\\e:f"g|h?i*j\u0001'), 'a_b_c_d_e_f_g_h_i_j_');
    assert.equal(fileNameFor('{id}', 7, '...'), 'row_7');
    assert.equal(fileNameFor('{id}.txt', 7, ''), 'row_7.txt', 'a row without a FragmentID is named by its number');
    assert.match(namePatternProblem('fragment.txt') ?? '', /neither \{n\} nor \{id\}/);
    assert.match(namePatternProblem('out/{n}.txt') ?? '', /names a folder/);
    assert.equal(namePatternProblem('{id}-{n}.fragment'), undefined);
  });

  it('refuses what cannot be a harvest, saying what to change', () => {
    const refuse = (rows: unknown[][], pattern?: string) =>
      assert.throws(() => importSheet({ name: 'Sheet1', rows: rows as never }, defaultSchema, pattern), HarvestInputError);
    refuse([]);
    refuse([[null, null]]);
    refuse([['FragmentID']]);
    assert.throws(
      () =>
        importSheet(
          {
            name: 'S',
            rows: [
              ['FragmentID', '', 'Year'],
              ['a', 'b', 1],
            ],
          },
          defaultSchema,
        ),
      /header of column B is blank/,
    );
    assert.throws(
      () =>
        importSheet(
          {
            name: 'S',
            rows: [
              ['Year', 'FragmentID', 'Year '],
              [1, 'a', 2],
            ],
          },
          defaultSchema,
        ),
      /columns A and C have the same header "Year"/,
    );
    assert.throws(
      () =>
        importSheet(
          {
            name: 'S',
            rows: [
              ['FragmentID', 'Year'],
              ['a', 1, 'stray'],
            ],
          },
          defaultSchema,
        ),
      /row 2 has a value in column C, beyond the last header \(B\)/,
    );
    assert.throws(
      () => importSheet({ name: 'S', rows: [['FragmentID'], ['a'], ['a']] }, defaultSchema, '{id}.txt'),
      /rows 2 and 3 would both be written to a\.txt/,
    );
    refuse([['FragmentID'], ['a']], 'same.txt');
    // Trailing empty cells beyond the headers are no values.
    assert.equal(importSheet({ name: 'S', rows: [['FragmentID'], ['a', null, '']] }, defaultSchema).fragments.length, 1);
  });

  it('has the headers of the SCC master dataset, in the order of its files', () => {
    assert.equal(HEADERS.filter((header) => header.endsWith(' ')).length, 2);
    assert.ok(HEADERS.includes('coutnry'));
  });
});
