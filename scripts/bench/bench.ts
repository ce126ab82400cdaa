// The benchmark (not a test): npm run bench. Prints figures and checks them against the
// targets of the project; a missed target is printed loudly and makes the exit code 1.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol';
import { TestClient } from '../../test/protocol/lsp-client';
import { CORPUS_SIZE, ensureCorpus } from './corpus';
import { benchProduction, buildProduction } from './production';
import { benchScaling } from './scaling';
import { benchSummary } from './summary';
import { benchWorkbook } from './workbook';

const root = join(__dirname, '..', '..');
const cache = join(root, '.cache', 'bench');
const examplePath = join(root, 'example', '000_88eaf67a59f4c304.txt');
const example = readFileSync(examplePath, 'utf8');

interface Run {
  ms: number;
  wallMs: number;
  maxRssKb: number;
}

/** Runs a measuring script in its own Node process: its figures, and the wall time seen from here. */
function measure(script: string, args: string[]): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(__dirname, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - started;
  if (result.status !== 0 && !result.stdout.trim()) throw new Error(`${script} failed: ${result.stderr}`);
  return { ...JSON.parse(result.stdout.trim().split('\n').at(-1) as string), wallMs };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

/** Keystroke-to-diagnostics: one character changed, then the time until that version's diagnostics arrive. */
async function latency(text: string, keystrokes: number): Promise<{ median: number; p95: number }> {
  // The 2,000-fragment file is larger than the default size limit: raise it, so that it is checked.
  const { client } = await TestClient.start({ settings: { outcomeFragments: { maxFileSize: 50_000_000 }, 'files.exclude': {} } });
  const uri = 'file:///bench/latency.fragment';
  await client.open(uri, text);
  const first = await client.diagnosticsOf(uri, 1);
  if (first.some((diagnostic) => diagnostic.code === 'file-too-large')) throw new Error('the latency file was not checked: over the size limit');
  const line = text.split('\n').findIndex((candidate) => candidate.startsWith('**Outcome description**'));
  const times: number[] = [];
  for (let version = 2; version < keystrokes + 2; version++) {
    const published = client.diagnosticsOf(uri, version);
    const started = performance.now();
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 30 }, end: { line, character: 31 } }, text: version % 2 ? 'a' : 'b' }],
    });
    await published;
    times.push(performance.now() - started);
  }
  await client.stop();
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

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
  const median = (runs: Run[]) => [...runs].sort((x, y) => x.wallMs - y.wallMs)[1] as Run;
  const floor = median([measure('floor.mjs', [list]), measure('floor.mjs', [list]), measure('floor.mjs', [list])]);
  const cli = median([measure('cli.cjs', [join(cache, 'corpus')]), measure('cli.cjs', [join(cache, 'corpus')]), measure('cli.cjs', [join(cache, 'corpus')])]);
  const markdownlint = measure('markdownlint.mjs', [list]);
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  const run = (label: string, figures: Run) =>
    record(label, `${figures.wallMs.toFixed(0)} ms wall (${figures.ms.toFixed(0)} ms of work), ${mb(figures.maxRssKb)} peak`);
  run('(a) read and split all files in Node', floor);
  run('(b) fragment-lint', cli);
  run('(c) markdownlint (library, default rules)', markdownlint);
  const ba = cli.wallMs / floor.wallMs;
  const cb = markdownlint.wallMs / cli.wallMs;
  record('b/a', ba.toFixed(2), { text: 'at most 3', met: ba <= 3 });
  record('c/b', cb.toFixed(1), { text: 'at least 30', met: cb >= 30 });
  record('fragment-lint peak memory', mb(cli.maxRssKb), { text: 'at most 100 MB', met: cli.maxRssKb <= 100 * 1024 });

  const onExample = await latency(example, 200);
  record('keystroke to diagnostics, example (median / p95)', `${onExample.median.toFixed(2)} / ${onExample.p95.toFixed(2)} ms`, {
    text: 'p95 at most 5 ms',
    met: onExample.p95 <= 5,
  });
  const big = `${Array.from({ length: 2000 }, (_, index) => example.replace('CIV021', `CIV${String(index).padStart(5, '0')}`).trimEnd()).join('\n---\n')}\n`;
  const onBig = await latency(big, 40);
  record('keystroke to diagnostics, 2,000 fragments (median / p95)', `${onBig.median.toFixed(1)} / ${onBig.p95.toFixed(1)} ms`, {
    text: 'p95 at most 30 ms',
    met: onBig.p95 <= 30,
  });
  await benchProduction(production, record);
  await benchSummary(cache, examplePath, record);

  await benchWorkbook(record, cache, examplePath);
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
