// The quality hints (FORMAT.md §7) against a labelled set of outcome statements: precision first.
// The labels (test/fixtures/quality/statements.json) were written by a reviewer before the rules.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { qualityCodes } from '../../server/src/core/rules/quality';
import { analyze, fixturesFolder, readExample } from './helpers';

interface Statement {
  id: string;
  description: string;
  significance: string;
  contribution: string;
  rating?: string;
  status?: string;
  codes: string[];
}

const { statements } = JSON.parse(readFileSync(join(fixturesFolder, 'quality', 'statements.json'), 'utf8')) as { statements: Statement[] };

/** The shared example with the statement's fields in place of its own. */
function fragmentOf(statement: Statement): string {
  const set = (text: string, key: string, value: string) => text.replace(new RegExp(`^\\*\\*${key}\\*\\*: .*$`, 'm'), () => `**${key}**: ${value}`);
  let text = readExample();
  text = set(text, 'Outcome description', statement.description);
  text = set(text, 'Significance of the outcome', statement.significance);
  text = set(text, 'Contribution of the programme', statement.contribution);
  text = set(text, 'Rating significance', statement.rating ?? 'medium');
  text = set(text, 'Outcome status', statement.status ?? 'Outcome');
  return text;
}

function hintsOf(statement: Statement): string[] {
  return analyze(fragmentOf(statement))
    .diagnostics.map((diagnostic) => diagnostic.code)
    .filter((code) => qualityCodes.has(code))
    .sort();
}

test('the labelled statements: precision and recall per code', () => {
  assert.ok(statements.length >= 60, `at least 60 statements, got ${statements.length}`);
  assert.ok(statements.some((statement) => statement.id.startsWith('fr-')) && statements.some((statement) => statement.id.startsWith('en-')));
  const counts = new Map([...qualityCodes].map((code) => [code as string, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  const disagreements: string[] = [];
  for (const statement of statements) {
    const given = hintsOf(statement);
    for (const code of qualityCodes) {
      const count = counts.get(code) as { truePositives: number; falsePositives: number; falseNegatives: number };
      const expected = statement.codes.includes(code);
      const reported = given.includes(code);
      if (expected && reported) count.truePositives++;
      else if (reported) count.falsePositives++;
      else if (expected) count.falseNegatives++;
    }
    if (given.join() !== [...statement.codes].sort().join())
      disagreements.push(`${statement.id}: labelled [${statement.codes.join(', ')}], given [${given.join(', ')}]`);
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  const rows = [...counts].map(([code, { truePositives, falsePositives, falseNegatives }]) => ({
    code,
    labelled: truePositives + falseNegatives,
    reported: truePositives + falsePositives,
    precision: ratio(truePositives, truePositives + falsePositives).toFixed(2),
    recall: ratio(truePositives, truePositives + falseNegatives).toFixed(2),
  }));
  const total = [...counts.values()].reduce(
    (sum, count) => ({
      truePositives: sum.truePositives + count.truePositives,
      falsePositives: sum.falsePositives + count.falsePositives,
      falseNegatives: sum.falseNegatives + count.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  const precision = ratio(total.truePositives, total.truePositives + total.falsePositives);
  const recall = ratio(total.truePositives, total.truePositives + total.falseNegatives);
  rows.push({
    code: 'all',
    labelled: total.truePositives + total.falseNegatives,
    reported: total.truePositives + total.falsePositives,
    precision: precision.toFixed(2),
    recall: recall.toFixed(2),
  });
  console.log(`${statements.length} statements`);
  console.table(rows);
  if (disagreements.length > 0) console.log(`Disagreements with the labels:\n  ${disagreements.join('\n  ')}`);
  assert.ok(precision >= 0.9, `overall precision ${precision.toFixed(2)} is below 0.9`);
  assert.ok(recall >= 0.7, `overall recall ${recall.toFixed(2)} is below 0.7`);
});

test('the shared example gets no quality hint', () => {
  const hints = analyze(readExample()).diagnostics.filter((diagnostic) => qualityCodes.has(diagnostic.code));
  assert.deepEqual(hints, []);
});
