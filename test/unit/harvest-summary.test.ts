import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileRecord, OTHER_CONFIDENTIAL } from '../../server/src/core/harvest/records';
import { harvestSummary, NO_VALUE } from '../../server/src/core/harvest/summary';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { readExample, repositoryRoot, service } from './helpers';

/** The record of a text as the server makes it: checked once, then summed up. */
function recordOf(text: string, uri: string, duplicateIdSeverity: number | undefined = 1) {
  const analysis = service.analyze(text, uri);
  return fileRecord(uri, analysis.file, analysis.diagnostics, service.schema, duplicateIdSeverity);
}

const exampleFolder = join(repositoryRoot, 'example');
const exampleRecords = () =>
  readdirSync(exampleFolder)
    .filter((name) => /\.(txt|fragment)$/.test(name))
    .map((name) => recordOf(readFileSync(join(exampleFolder, name), 'utf8'), `file:///example/${name}`));

const groupsOf = (summary: ReturnType<typeof harvestSummary>, name: string) =>
  summary.dimensions
    .find((dimension) => dimension.name === name)
    ?.groups.map((group) => [group.value, group.fragments.map((index) => summary.fragments[index]?.id)]);

describe('the harvest summary', () => {
  it('sums up the example workspace: outcomes per objective, country, year and status, ratings crossed, evidence and problems', () => {
    const summary = harvestSummary(exampleRecords(), defaultSchema);
    assert.equal(summary.files.length, 3);
    assert.deepEqual(
      summary.fragments.map((fragment) => [fragment.id, fragment.problems.errors, fragment.problems.warnings, fragment.problems.other, fragment.confidential]),
      [
        // The generated file: `coutnry` and the empty evidence. Flag 1.0: confidential.
        ['SCC-<redacted>/CIV021', 0, 2, 0],
        ['SCC-<redacted>/CIV023', 0, 0, 0],
        // 2023.0 and High (hints), Comunity and the empty flag (warnings), the stale story (information).
        ['SCC-<redacted>/PHR007', 0, 2, 3],
      ].map((row) => [...row, true]),
    );
    assert.deepEqual(summary.totals, { outcomes: 3, confidential: 3, withProblems: 2, withEvidence: 2, withIdentifiers: 0 });
    assert.deepEqual(groupsOf(summary, 'objective'), [
      ['CIV: Less suppression of civic space', ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV023']],
      ['PHR: Conflict transformation, peace and human rights', ['SCC-<redacted>/PHR007']],
    ]);
    // `coutnry` is read as Country; 2023.0 is the year 2023.
    assert.deepEqual(groupsOf(summary, 'country'), [
      ['DR Congo', ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV023']],
      ['South Sudan', ['SCC-<redacted>/PHR007']],
    ]);
    assert.deepEqual(groupsOf(summary, 'year'), [
      ['2023', ['SCC-<redacted>/PHR007']],
      ['2024', ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV023']],
    ]);
    assert.deepEqual(groupsOf(summary, 'status'), [
      ['Outcome', ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV023']],
      ['Potential outcome', ['SCC-<redacted>/PHR007']],
    ]);
    // "Capacity change  Safety and Security" is one entry (a missing comma): a confidential fragment's unlisted words are hidden.
    assert.deepEqual(groupsOf(summary, 'type-of-change'), [
      ['New structure', ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV023']],
      [OTHER_CONFIDENTIAL, ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV023']],
      ['Relationship change', ['SCC-<redacted>/PHR007']],
    ]);
    const matrix = summary.matrix;
    assert.ok(matrix);
    assert.deepEqual(matrix.rows, ['low', 'medium', 'high', NO_VALUE]);
    assert.deepEqual(matrix.columns, ['small', 'medium', 'great', NO_VALUE]);
    assert.deepEqual(matrix.cells[1]?.[2], [0, 1], 'medium significance, great contribution');
    assert.deepEqual(matrix.cells[2]?.[1], [2], '"High" is high');
    assert.deepEqual(
      summary.evidence.groups.map((group) => [group.value, group.fragments.length]),
      [
        ['With evidence', 2],
        ['Evidence empty', 1],
      ],
    );
    assert.deepEqual(
      summary.problems.map((problem) => [problem.code, problem.occurrences, problem.fragments.length]),
      [
        ['empty-field', 2, 2],
        ['value-format', 2, 1],
        ['invalid-value', 1, 1],
        ['stale-merged-story', 1, 1],
        ['unknown-field', 1, 1],
      ],
    );
  });

  it('counts a FragmentID used in two files as a duplicate-id of each, unless duplicate-id is off', () => {
    const text = readExample();
    const summary = harvestSummary(
      [recordOf(text, 'file:///a.txt'), recordOf(text, 'file:///b.txt'), recordOf(text.replace('CIV021', 'CIV022'), 'file:///c.txt', undefined)],
      defaultSchema,
    );
    assert.deepEqual(
      summary.fragments.map((fragment) => fragment.problems.errors),
      [1, 1, 0],
    );
    assert.deepEqual(summary.problems.find((problem) => problem.code === 'duplicate-id')?.fragments, [0, 1]);
    const once = harvestSummary([recordOf(`${text}---\n${text}`, 'file:///twice.txt')], defaultSchema);
    assert.deepEqual(
      once.fragments.map((fragment) => fragment.problems.errors),
      [1, 1],
      'inside one file, the check’s own diagnostics count',
    );
  });

  it('shows a public fragment’s values as written, and none of a confidential one’s words that the schema does not list', () => {
    const publicText = readExample()
      .replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0')
      .replace('DR Congo', 'Atlantis');
    const secretText = readExample()
      .replace('CIV021', 'CIV030')
      .replace('DR Congo', 'Secret valley of <person>')
      .replace('**Social actor**: Engaged citizens', '**Social actor**: engaged citizens');
    const summary = harvestSummary([recordOf(publicText, 'file:///public.txt'), recordOf(secretText, 'file:///secret.txt')], defaultSchema);
    assert.deepEqual(groupsOf(summary, 'country'), [
      ['Atlantis', ['SCC-<redacted>/CIV021']],
      [OTHER_CONFIDENTIAL, ['SCC-<redacted>/CIV030']],
    ]);
    assert.deepEqual(
      groupsOf(summary, 'social-actor'),
      [['Engaged citizens', ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV030']]],
      'a listed value in its listed spelling',
    );
    const shown = JSON.stringify({ ...summary, fragments: [] });
    assert.doesNotMatch(shown, /Secret valley/);
  });

  it('puts fragments without a value in "(none)", last', () => {
    const text = readExample()
      .replace('**Year**: 2024\n', '')
      .replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0');
    const summary = harvestSummary([recordOf(text, 'file:///a.txt'), recordOf(readExample().replace('CIV021', 'CIV022'), 'file:///b.txt')], defaultSchema);
    assert.deepEqual(groupsOf(summary, 'year'), [
      ['2024', ['SCC-<redacted>/CIV022']],
      [NO_VALUE, ['SCC-<redacted>/CIV021']],
    ]);
  });
});

describe('the harvest summary: substantiation (FORMAT.md §9)', () => {
  it('counts each part’s answers in the scale’s order and outcomes by status; an unanswered outcome is not counted, a confidential one’s own words never shown', () => {
    const answered = (id: string, status: string, answers: [string, string, string], flag = '0') =>
      `${readExample()
        .replace('CIV021', id)
        .replace(
          '**Outcome statements is CONFIDENTIAL**: 1.0',
          `**Outcome statements is CONFIDENTIAL**: ${flag}`,
        )}**Substantiation status**: ${status}\n**Substantiation of the description**: ${answers[0]}\n**Substantiation of the significance**: ${answers[1]}\n**Substantiation of the contribution**: ${answers[2]}\n`;
    const summary = harvestSummary(
      [
        recordOf(answered('CIV101', 'answered', ['fully agree', 'disagree', 'Fully Agree']), 'file:///1.txt'),
        recordOf(answered('CIV102', 'answered', ['fully agree', 'partially agree', 'fully agree']), 'file:///2.txt'),
        recordOf(answered('CIV103', 'sent', ['', '', '']), 'file:///3.txt'),
        recordOf(answered('CIV104', 'answered', ['agree a lot, Secret valley', 'fully agree', 'fully agree'], '1'), 'file:///4.txt'),
      ],
      defaultSchema,
    );
    assert.deepEqual(groupsOf(summary, 'substantiation'), [
      ['sent', ['SCC-<redacted>/CIV103']],
      ['answered', ['SCC-<redacted>/CIV101', 'SCC-<redacted>/CIV102', 'SCC-<redacted>/CIV104']],
    ]);
    const parts = summary.substantiation.map((part) => [part.name, part.groups.map((group) => [group.value, group.fragments.length])]);
    assert.deepEqual(parts, [
      [
        'description',
        [
          ['fully agree', 2],
          [OTHER_CONFIDENTIAL, 1],
        ],
      ],
      [
        'significance',
        [
          ['fully agree', 1],
          ['partially agree', 1],
          ['disagree', 1],
        ],
      ],
      ['contribution', [['fully agree', 3]]],
    ]);
    assert.doesNotMatch(JSON.stringify(summary), /Secret valley/);
  });
});
