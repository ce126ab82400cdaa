import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { causalMapSheets, snakeCase } from '../../server/src/core/harvest/causal-map';
import { type Cell, cellText, type Row, type Sheet } from '../../server/src/core/harvest/cells';
import { readHarvest } from '../../server/src/core/harvest/harvest-fragments';
import { importSheet } from '../../server/src/core/harvest/import-rows';
import { masterSheet } from '../../server/src/core/harvest/master-layout';
import { readExample, service } from './helpers';
import { FIXTURE_SHEET, HEADERS } from './workbook-fixture';

const files = (texts: readonly string[]) => texts.map((text, index) => ({ name: `row_${index + 1}.txt`, text }));
// The layouts' own tests: every outcome goes, those that still name a place too (the gate has its tests in anonymisation.test.ts).
const exportMaster = (texts: readonly string[], includeConfidential = true) =>
  masterSheet(readHarvest(files(texts), service.schema, service.index, { includeConfidential, includeUnanonymised: true }).fragments, service.schema);
const importTexts = (sheet: Sheet) => importSheet(sheet, service.schema).fragments.map((fragment) => fragment.text);

/** A cell as import reads it back: the value, with a line break inside as the space import made of it. */
const asImported = (cell: Cell | undefined) => cellText(cell ?? null).replace(/\r?\n/g, ' ');

describe('export: the master layout (FORMAT.md §6)', () => {
  const imported = importTexts(FIXTURE_SHEET);

  it('exporting an import of a master-layout workbook gives the same cells', () => {
    const exported = exportMaster(imported);
    assert.deepEqual(exported.rows[0], HEADERS, 'the headers as the keys are written, trailing spaces included');
    const original = FIXTURE_SHEET.rows.slice(1).filter((row) => row.some((cell) => cell !== null));
    assert.equal(exported.rows.length - 1, original.length);
    for (const [index, row] of original.entries()) {
      assert.deepEqual((exported.rows[index + 1] as Row).map(asImported), row.map(asImported), `row ${index + 1}`);
    }
  });

  it('importing an export gives the same files', () => {
    assert.deepEqual(importTexts(exportMaster(imported)), imported);
  });

  it('round-trips the shared example: export then import gives the same file, and its cells again', () => {
    const example = readExample();
    const exported = exportMaster([example]);
    assert.deepEqual(importTexts(exported), [example]);
    assert.deepEqual(exportMaster(importTexts(exported)).rows, exported.rows);
    const header = exported.rows[0] as Row;
    const cell = (name: string) => (exported.rows[1] as Row)[header.indexOf(name)];
    assert.equal(cell('Year'), 2024, 'a number written in its shortest form is exported as a number');
    assert.equal(cell('Outcome statements is CONFIDENTIAL'), '1.0', 'any other spelling stays text, to come back as it was');
    assert.equal(cell('The change was unintended'), 0);
    assert.equal(cell('Evidence supporting the outcome statement'), null);
    assert.equal(cell('MCQType of change_New structure'), 1);
    assert.equal(cell('MCQType of change_Policy change'), null, 'every label of the schema has its column');
    assert.equal(cell('MCQType of change_Capacity change  Safety and Security'), 1, 'a label outside the schema gets a column after the schema’s');
    assert.ok(header.includes('coutnry') && header.includes('Link to Outcomes in Results Framework '));
  });

  it('orders the columns as the fragments hold their keys, and keeps a key written twice', () => {
    const sheet = exportMaster([
      '**FragmentID**: A\n**Year**: 2024\n**Country**: Mali\n**Outcome statements is CONFIDENTIAL**: 0\n',
      '**FragmentID**: B\n**Scale**: National\n**Year**: 2023\n**Year**: 2022\n**Outcome statements is CONFIDENTIAL**: 0\n',
    ]);
    assert.deepEqual(sheet.rows[0]?.slice(0, 6), ['FragmentID', 'Scale', 'Year', 'Year (2)', 'Country', 'Outcome statements is CONFIDENTIAL']);
    assert.deepEqual(sheet.rows[2]?.slice(0, 5), ['B', 'National', 2023, 2022, null]);
  });

  it('leaves confidential fragments out unless asked: flag 1, empty, invalid or missing', () => {
    const texts = [
      '**FragmentID**: public\n**Outcome statements is CONFIDENTIAL**: 0\n',
      '**FragmentID**: flagged\n**Outcome statements is CONFIDENTIAL**: 1\n',
      '**FragmentID**: empty\n**Outcome statements is CONFIDENTIAL**: \n',
      '**FragmentID**: invalid\n**Outcome statements is CONFIDENTIAL**: maybe\n',
      '**FragmentID**: missing\n',
    ];
    const harvest = readHarvest(files(texts), service.schema, service.index);
    assert.deepEqual(
      harvest.fragments.map((fragment) => fragment.fields[0]?.value),
      ['public'],
    );
    assert.equal(harvest.confidentialLeftOut, 4);
    assert.equal(readHarvest(files(texts), service.schema, service.index, { includeConfidential: true }).fragments.length, 5);
  });

  it('exports each fragment of a file holding several, and says what text outside a field it cannot carry', () => {
    const harvest = readHarvest(
      [
        {
          name: 'two.fragment',
          text: 'a note\n**FragmentID**: A\n**Outcome statements is CONFIDENTIAL**: 0\n---\n**FragmentID**: B\n**Outcome statements is CONFIDENTIAL**: 0\n',
        },
      ],
      service.schema,
      service.index,
    );
    assert.equal(harvest.fragments.length, 2);
    assert.deepEqual(harvest.warnings, ['two.fragment: text outside any field (line 1) is not exported']);
  });
});

describe('export: the causal-map layout (FORMAT.md §6)', () => {
  const sheets = causalMapSheets(readHarvest(files([readExample()]), service.schema, service.index, { includeConfidential: true }).fragments, service.schema);
  const sheet = (name: string) => sheets.find((candidate) => candidate.name === name) as Sheet;

  it('has the sheets statements, sources and questions with their columns', () => {
    assert.deepEqual(
      sheets.map((candidate) => candidate.name),
      ['statements', 'sources', 'questions'],
    );
    assert.deepEqual(sheet('statements').rows[0], ['source_id', 'question_id', 'text']);
    assert.deepEqual(sheet('questions').rows, [
      ['question_id', 'question_text'],
      ['outcome_description', 'Outcome description'],
      ['significance_of_the_outcome', 'Significance description'],
      ['contribution_of_the_programme', 'Contribution of the programme'],
      ['additional_information_use_if_needed', 'Additional information'],
      ['contribution_of_other_actors_and_factors', 'Contribution of other actors and factors'],
    ]);
    assert.deepEqual(sheet('sources').rows[0], [
      'source_id',
      'outcome_status',
      'oh_harvesting_period',
      'country',
      'year',
      'rating_significance',
      'social_actor',
      'scale',
      'rating_contribution',
      'the_change_was_unintended',
      'outcome_statements_is_confidential',
      'link_to_outcomes_in_results_framework',
      'link_to_scc_specific_objectives',
      'outcome_is_negative',
      'mcq_type_of_change',
      'type_of_change_cluster',
      // Substantiation (FORMAT.md §9): where it stands and each part's agreement, to filter the map by.
      'substantiation_status',
      'substantiation_of_the_description',
      'substantiation_of_the_significance',
      'substantiation_of_the_contribution',
    ]);
  });

  it('gives one statement per non-empty part of the merged story, every redaction of the stored story kept', () => {
    const statements = sheet('statements').rows.slice(1);
    assert.deepEqual(
      statements.map((row) => row[1]),
      [
        'outcome_description',
        'significance_of_the_outcome',
        'contribution_of_the_programme',
        'additional_information_use_if_needed',
        'contribution_of_other_actors_and_factors',
      ],
    );
    assert.ok(statements.every((row) => row[0] === 'SCC-<redacted>/CIV021'));
    const description = statements[0]?.[2] as string;
    assert.match(description, /digitized its data <redacted> systems/);
    assert.doesNotMatch(description, /data collection systems/, 'a word the stored story hides is not shown again');
    assert.equal(statements[4]?.[2], 'No');
  });

  it('gives one source per fragment: the classifications and ratings, lists as comma strings, the misspelt key read as Country', () => {
    const [header, row] = sheet('sources').rows as [Row, Row];
    const cell = (name: string) => row[header.indexOf(name)];
    assert.equal(cell('source_id'), 'SCC-<redacted>/CIV021');
    assert.equal(cell('country'), 'DR Congo');
    assert.equal(cell('year'), 2024);
    assert.equal(cell('mcq_type_of_change'), 'New structure, Capacity change  Safety and Security');
    assert.equal(cell('type_of_change_cluster'), 'Capacity change, Mobilizing citizens and organizations');
  });

  it('names columns in snake_case', () => {
    assert.equal(snakeCase('TypeOfChangeCluster'), 'type_of_change_cluster');
    assert.equal(snakeCase('MCQType of change'), 'mcq_type_of_change');
    assert.equal(snakeCase('OH-harvesting period'), 'oh_harvesting_period');
    assert.equal(snakeCase('Additional information (use if needed) '), 'additional_information_use_if_needed');
  });
});
