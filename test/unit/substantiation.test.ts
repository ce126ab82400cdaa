// The pure core of substantiation (FORMAT.md §9): the seeded sample, the edits of the fields, and
// a returned form read by its headers. The whole round trip runs in test/protocol/cli-substantiate.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Sheet } from '../../server/src/core/harvest/cells';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { SchemaIndex } from '../../server/src/core/schema/schema-index';
import { withFieldValues } from '../../server/src/core/substantiation/field-edits';
import { formSheets } from '../../server/src/core/substantiation/form';
import { readResponses } from '../../server/src/core/substantiation/responses';
import { sampleGroups } from '../../server/src/core/substantiation/sample';
import { readFixture } from './helpers';

const index = new SchemaIndex(defaultSchema);

describe('substantiation: the seeded sample', () => {
  const items = Array.from({ length: 40 }, (_, number) => ({
    id: `SCC-X/${['CIV', 'PHR'][number % 2]}${String(number).padStart(3, '0')}`,
    group: number % 2 ? 'PHR' : 'CIV',
  }));
  const draw = (list: typeof items, seed: string) =>
    sampleGroups(
      list,
      (item) => item.id,
      (item) => item.group,
      3,
      seed,
    ).map((entry) => entry.item.id);

  it('draws the same outcomes from the same seed, whatever the order of the files', () => {
    const drawn = draw(items, 'harvest-2026');
    assert.equal(drawn.length, 6);
    assert.deepEqual(draw([...items].reverse(), 'harvest-2026'), drawn);
    assert.notDeepEqual(draw(items, 'another seed'), drawn);
  });

  it('adding an outcome to one group changes no other group’s draw', () => {
    const drawn = draw(items, 's');
    const more = draw([...items, { id: 'SCC-X/PHR999', group: 'PHR' }], 's');
    assert.deepEqual(
      more.filter((id) => id.includes('CIV')),
      drawn.filter((id) => id.includes('CIV')),
    );
  });

  it('gives a whole group that is smaller than the sample', () => {
    assert.deepEqual(draw(items.slice(0, 3), 's').length, 3);
  });
});

describe('substantiation: fields written into a fragment', () => {
  it('sets a field that is there, adds one that is not at its canonical place, and keeps the BOM, the CRLF and every other character', () => {
    const text = readFixture('crlf-bom.fragment');
    const id = /\*\*FragmentID\*\*: (.*)\r/.exec(text)?.[1] as string;
    const written = withFieldValues(
      text,
      index,
      id,
      new Map([
        ['Substantiation of the significance', 'disagree'],
        ['Substantiation status', 'answered'],
        ['Country', 'Burundi'],
      ]),
    );
    assert.ok(written.startsWith('\uFEFF'));
    assert.ok(!/[^\r]\n/.test(written), 'CRLF line ends only');
    assert.ok(written.indexOf('**Substantiation status**: answered\r\n') < written.indexOf('**Substantiation of the significance**: disagree'));
    assert.match(written, /\*\*Country\*\*: Burundi\r\n/);
    const undone = written
      .replace('Burundi', 'DR Congo')
      .replace('**Substantiation status**: answered\r\n', '')
      .replace('**Substantiation of the significance**: disagree\r\n', '');
    assert.equal(undone, text, 'nothing else changed');
  });
});

describe('substantiation: a returned form', () => {
  const form = formSheets(
    {
      substantiator: 'Journalist',
      outcomes: [
        { id: 'SCC-X/CIV001', group: '', texts: new Map([['Outcome description', 'A change.']]) },
        { id: 'SCC-X/CIV002', group: '', texts: new Map() },
      ],
    },
    defaultSchema,
    { harvest: 'harvest', prepared: '2026-12-03', sample: { count: 1, perField: 'Link to SCC Specific Objectives', seed: '42' } },
  );

  it('has the instructions first, then the outcomes with drop-down lists on the answers only', () => {
    assert.deepEqual(
      form.map((sheet) => sheet.name),
      ['Instructions', 'Outcomes'],
    );
    const outcomes = form[1] as Sheet;
    assert.deepEqual(outcomes.rows[0], [
      'FragmentID',
      'Outcome description',
      'Significance of the outcome',
      'Contribution of the programme',
      'Substantiated by',
      'Substantiation of the description',
      'Substantiation of the significance',
      'Substantiation of the contribution',
      "Substantiator's comments",
    ]);
    assert.deepEqual(
      outcomes.lists?.map((list) => list.column),
      [5, 6, 7],
    );
    assert.match(String((form[0] as Sheet).rows.at(-1)?.[0]), /1 per "Link to SCC Specific Objectives", drawn with the seed 42/);
  });

  it('is read by its headers, in any order, in any case, with rows sorted and blank rows between', () => {
    const sheets: Sheet[] = [
      { name: 'Notes', rows: [['anything']] },
      {
        name: 'Returned',
        rows: [
          ['substantiation of the SIGNIFICANCE', ' FragmentID ', 'Substantiator’s comments'],
          [],
          ['Partially Agree', 'SCC-X/CIV002', 'line one\nline two'],
          [null, 'SCC-X/CIV001', null],
        ],
      },
    ];
    const responses = readResponses(sheets, defaultSchema, 'form.xlsx');
    assert.deepEqual(
      responses.map((response) => [response.id, [...response.answers], response.comments]),
      [
        ['SCC-X/CIV002', [['Substantiation of the significance', 'partially agree']], 'line one line two'],
        ['SCC-X/CIV001', [], ''],
      ],
    );
  });

  it('says it is no form when no sheet has the headers', () => {
    assert.throws(
      () => readResponses([{ name: 'Sheet1', rows: [['FragmentID', 'Outcome description']] }], defaultSchema, 'master.xlsx'),
      /master\.xlsx is not a substantiation form/,
    );
  });
});
