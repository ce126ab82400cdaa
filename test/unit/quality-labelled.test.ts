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

const read = (name: string) => (JSON.parse(readFileSync(join(fixturesFolder, 'quality', name), 'utf8')) as { statements: Statement[] }).statements;
/** The development set, and the held-out set (labelled after the rules were written, never used to tune them). */
const development = read('statements.json');
const heldOut = read('held-out.json');

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

interface Scores {
  precision: number;
  recall: number;
}

/** Prints precision and recall per code over `statements`, and the statements where the hints and the labels differ. */
function score(name: string, statements: readonly Statement[]): Scores {
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
  const total = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const rows = [...counts].map(([code, count]) => {
    total.truePositives += count.truePositives;
    total.falsePositives += count.falsePositives;
    total.falseNegatives += count.falseNegatives;
    return row(code, count);
  });
  function row(code: string, { truePositives, falsePositives, falseNegatives }: typeof total) {
    return {
      code,
      labelled: truePositives + falseNegatives,
      reported: truePositives + falsePositives,
      precision: ratio(truePositives, truePositives + falsePositives).toFixed(2),
      recall: ratio(truePositives, truePositives + falseNegatives).toFixed(2),
    };
  }
  rows.push(row('all', total));
  console.log(`${name}: ${statements.length} statements`);
  console.table(rows);
  if (disagreements.length > 0) console.log(`Where the hints differ from the labels:\n  ${disagreements.join('\n  ')}`);
  return {
    precision: ratio(total.truePositives, total.truePositives + total.falsePositives),
    recall: ratio(total.truePositives, total.truePositives + total.falseNegatives),
  };
}

test('the labelled statements: precision and recall per code', () => {
  const all = [...development, ...heldOut];
  assert.ok(all.length >= 60, `at least 60 statements, got ${all.length}`);
  assert.ok(all.some((statement) => statement.id.startsWith('fr-')) && all.some((statement) => statement.id.startsWith('en-')));
  score('development set', development);
  score('held-out set', heldOut);
  const { precision, recall } = score('both sets', all);
  assert.ok(precision >= 0.9, `overall precision ${precision.toFixed(2)} is below 0.9`);
  assert.ok(recall >= 0.7, `overall recall ${recall.toFixed(2)} is below 0.7`);
});

test('the shared example gets no quality hint', () => {
  const hints = analyze(readExample()).diagnostics.filter((diagnostic) => qualityCodes.has(diagnostic.code));
  assert.deepEqual(hints, []);
});
