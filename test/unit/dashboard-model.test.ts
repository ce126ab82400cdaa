import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardModel, markdownTable, selectionOf } from '../../client/src/harvest/dashboard-model';
import { renderDashboardBody, renderSelection } from '../../client/src/harvest/dashboard-render';
import { fileRecord } from '../../server/src/core/harvest/records';
import { harvestSummary } from '../../server/src/core/harvest/summary';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { analyze, readExample } from './helpers';

const record = (text: string, uri: string) => {
  const analysis = analyze(text, uri);
  return fileRecord(uri, analysis.file, analysis.diagnostics, defaultSchema, 1);
};
const publicText = readExample()
  .replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0')
  .replace('DR Congo', 'Kenya | Uganda');
const secretText = readExample().replace('CIV021', 'CIV777').replace('DR Congo', 'Hidden hamlet');
const summary = harvestSummary([record(publicText, 'file:///h/public-CIV021.txt'), record(secretText, 'file:///h/secret-CIV777.txt')], defaultSchema);
const model = dashboardModel(summary);

describe('the dashboard’s model (all the webview receives)', () => {
  it('holds no text of a confidential fragment: not its values, not its FragmentID, not its file’s name', () => {
    const everything = JSON.stringify(model) + renderDashboardBody(model) + renderSelection(model, 'All', [0, 1]);
    assert.doesNotMatch(everything, /Hidden hamlet|CIV777/);
    assert.deepEqual(model.fragments, [
      { label: 'SCC-<redacted>/CIV021', detail: 'public-CIV021.txt:1', confidential: false },
      { label: 'Confidential outcome', detail: '', confidential: true },
    ]);
    assert.equal(model.totals.confidential, 1);
  });

  it('has a table for each chart, in order, and the ratings crossed', () => {
    assert.deepEqual(
      model.tables.map((table) => [table.id, table.chart]),
      [
        ['objective', 'bar'],
        ['country', 'bar'],
        ['year', 'column'],
        ['status', 'bar'],
        ['social-actor', 'bar'],
        ['substantiation', 'bar'],
        ['evidence', 'doughnut'],
        ['problems', 'bar'],
        ['type-of-change', 'bar'],
      ],
    );
    assert.deepEqual(model.matrix?.rows, ['low', 'medium', 'high', 'Not rated']);
    assert.deepEqual(selectionOf(model, 'matrix', 1, 2), { title: 'Rating significance: medium, Rating contribution: great', fragments: [0, 1] });
    assert.deepEqual(selectionOf(model, 'country', 0)?.fragments.length, 1);
    assert.equal(selectionOf(model, 'country', 9), undefined);
  });

  it('copies a table as Markdown, pipes escaped', () => {
    assert.equal(
      markdownTable(model, 'country'),
      ['| Country | Outcomes |', '| --- | ---: |', '| Kenya \\| Uganda | 1 |', '| Other (confidential) | 1 |'].join('\n'),
    );
    assert.equal(markdownTable(model, 'evidence'), ['| Evidence | Outcomes | Share |', '| --- | ---: | ---: |', '| Evidence empty | 2 | 100% |'].join('\n'));
    assert.match(markdownTable(model, 'matrix') ?? '', /^\| Rating significance \\\\ Rating contribution \| small \| medium \| great \| Not rated \|\n/);
    assert.match(markdownTable(model, 'matrix') ?? '', /\n\| medium \| 0 \| 0 \| 2 \| 0 \|\n/);
  });
});
