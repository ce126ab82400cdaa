// The benchmark (not a test): npm run bench. Prints figures and checks them against the
// targets of the project; a missed target is printed loudly and makes the exit code 1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_SIZE, ensureCorpus } from './corpus';
import { benchLatency } from './latency';
import { measure, type Run } from './measure';
import { benchProduction, buildProduction } from './production';
import { benchReport } from './report';
import { benchScaling } from './scaling';
import { benchSummary } from './summary';
import { benchWorkbook } from './workbook';

const root = join(__dirname, '..', '..');
const cache = join(root, '.cache', 'bench');
const examplePath = join(root, 'example', '000_88eaf67a59f4c304.txt');
const example = readFileSync(examplePath, 'utf8');

/** How many pairs of fragment-lint runs, with the check and without it, the check's cost is the median of. */
const IDENTIFIER_PAIRS = 9;

const results: Array<{ what: string; value: string; target?: string; met?: boolean }> = [];
const record = (what: string, value: string, target?: { text: string; met: boolean }) =>
  results.push({ what, value, ...(target ? { target: target.text, met: target.met } : {}) });

async function main(): Promise<void> {
  mkdirSync(cache, { recursive: true });
  // Everything below measures the production bundles, what users run (the tests' dist/ stays as it is).
  const production = buildProduction(root, cache);
  process.env.FRAGMENT_SERVER_PATH = join(production, 'server.js');
  process.env.FRAGMENT_CLI_PATH = join(production, 'cli.js');
  console.log(`corpus: ${CORPUS_SIZE} files from the shared example, in ${join(cache, 'corpus')}`);
  const files = ensureCorpus(join(cache, 'corpus'), examplePath);
  const list = join(cache, 'files.json');
  writeFileSync(list, JSON.stringify(files));

  // The files are read once before timing anything, so that no run pays for the disk and the
  // others for the page cache; the floor and fragment-lint are timed three times (median).
  measure('floor.mjs', [list]);
  /** The middle one of `values` in the order `by` gives (runs: by wall time). */
  const median = <T = Run>(values: T[], by: (value: T) => number = (run) => (run as Run).wallMs) =>
    [...values].sort((x, y) => by(x) - by(y))[Math.floor(values.length / 2)] as T;
  const floor = median([measure('floor.mjs', [list]), measure('floor.mjs', [list]), measure('floor.mjs', [list])]);
  const cli = median([measure('cli.cjs', [join(cache, 'corpus')]), measure('cli.cjs', [join(cache, 'corpus')]), measure('cli.cjs', [join(cache, 'corpus')])]);
  // The same run with the possible-identifier check off (FORMAT.md §8): what the check costs.
  // Both runs name their configuration (`{}`, the defaults, and the check off), so that they
  // differ by the check alone: without `--config`, fragment-lint also looks for each folder's
  // `.fragmentrc.json`, which the run without the check would be spared.
  const withDefaults = join(cache, 'defaults.json');
  writeFileSync(withDefaults, '{}\n');
  const withoutIdentifiers = join(cache, 'no-identifiers.json');
  writeFileSync(withoutIdentifiers, '{ "severities": { "possible-identifier": "off" } }\n');
  // Nine pairs, in alternating order (with, without; without, with; …), and the cost is the median
  // of the pairs' ratios: a slower moment of the machine then weighs on both runs of a pair, where
  // three runs of one and then three of the other could each fall in a different moment. On a
  // shared machine single pairs varied from 3% to 63% within minutes, and the median of five
  // pairs from 23% to 32% between runs of the same code; nine pairs narrow that, and the spread
  // of the pairs is printed beside the median.
  const lint = (config: string) => measure('cli.cjs', [join(cache, 'corpus'), '--config', config]);
  const pairs: Array<{ with: Run; without: Run }> = [];
  for (let pair = 0; pair < IDENTIFIER_PAIRS; pair++) {
    if (pair % 2 === 0) {
      const withCheck = lint(withDefaults);
      pairs.push({ with: withCheck, without: lint(withoutIdentifiers) });
    } else {
      const withoutCheck = lint(withoutIdentifiers);
      pairs.push({ with: lint(withDefaults), without: withoutCheck });
    }
  }
  const cliDefaults = median(pairs.map((pair) => pair.with));
  const cliWithout = median(pairs.map((pair) => pair.without));
  const markdownlint = measure('markdownlint.mjs', [list]);
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  const run = (label: string, figures: Run) =>
    record(label, `${figures.wallMs.toFixed(0)} ms wall (${figures.ms.toFixed(0)} ms of work), ${mb(figures.maxRssKb)} peak`);
  run('(a) read and split all files in Node', floor);
  run('(b) fragment-lint', cli);
  run("(b') fragment-lint, --config with the defaults", cliDefaults);
  run("(b'') fragment-lint, --config with possible-identifier off", cliWithout);
  run('(c) markdownlint (library, default rules)', markdownlint);
  const ba = cli.wallMs / floor.wallMs;
  const cb = markdownlint.wallMs / cli.wallMs;
  record('b/a', ba.toFixed(2), { text: 'at most 3', met: ba <= 3 });
  record('c/b', cb.toFixed(1), { text: 'at least 30', met: cb >= 30 });
  record('fragment-lint peak memory', mb(cli.maxRssKb), { text: 'at most 100 MB', met: cli.maxRssKb <= 100 * 1024 });
  const ratios = pairs.map((pair) => pair.with.ms / pair.without.ms);
  const identifierCost = median(ratios, (ratio) => ratio);
  const percent = (ratio: number) => `${((ratio - 1) * 100).toFixed(0)}%`;
  const spread = `(median of ${IDENTIFIER_PAIRS} pairs; they ranged from ${percent(Math.min(...ratios))} to ${percent(Math.max(...ratios))})`;
  record("b'/b'': what the possible-identifier check adds (work)", `${percent(identifierCost)} ${spread}`, {
    text: 'at most 20%',
    met: identifierCost <= 1.2,
  });

  await benchLatency(example, record);
  await benchProduction(production, record);
  await benchSummary(cache, examplePath, record);

  await benchWorkbook(record, cache, examplePath, join(production, 'harvest.js'));
  await benchReport(record, cache, examplePath, production);
  if (!process.argv.includes('--no-scaling')) await benchScaling(cache, examplePath, record);

  const width = Math.max(...results.map((result) => result.what.length));
  for (const result of results) {
    const verdict = result.target === undefined ? '' : result.met ? `  ok (target: ${result.target})` : `  MISSED (target: ${result.target})`;
    console.log(`${result.what.padEnd(width)}  ${result.value}${verdict}`);
  }
  const missed = results.filter((result) => result.met === false);
  if (missed.length > 0) {
    console.log(`\n!!! ${missed.length} target${missed.length === 1 ? '' : 's'} MISSED: ${missed.map((result) => result.what).join('; ')}`);
    process.exitCode = 1;
  } else console.log('\nall targets met');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
