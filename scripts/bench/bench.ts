// The benchmark (not a test): npm run bench. Prints figures and checks them against the
// targets of the project; a missed target is printed loudly and makes the exit code 1.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS_SIZE, ensureCorpus } from './corpus';
import { benchLatency } from './latency';
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

/** Server start: process spawned to `initialize` answered. */
async function startTimes(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const server = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio']);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await new Promise((resolve) => server.stdout.once('data', resolve));
    times.push(performance.now() - started);
    server.kill();
  }
  return times;
}

const results: Array<{ what: string; value: string; target?: string; met?: boolean }> = [];
const record = (what: string, value: string, target?: { text: string; met: boolean }) =>
  results.push({ what, value, ...(target ? { target: target.text, met: target.met } : {}) });

async function main(): Promise<void> {
  mkdirSync(cache, { recursive: true });
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
  record('fragment-lint peak memory', mb(cli.maxRssKb), { text: 'at most 150 MB', met: cli.maxRssKb <= 150 * 1024 });

  await benchLatency(example, record);
  const starts = await startTimes(10);
  const start = percentile(starts, 0.5);
  record('server start to initialize reply (median of 10)', `${start.toFixed(0)} ms`, { text: 'at most 150 ms', met: start <= 150 });
  await benchSummary(cache, examplePath, record);

  await benchWorkbook(record, cache, examplePath);

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
