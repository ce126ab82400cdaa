// What users run: the production bundles (minified, as `npm run package` builds them), built into
// the bench's own folder so that the tests' dist/ stays as it is. Their sizes, what each package
// costs in the server's, and the server's start; called from bench.ts, which then points the
// other measurements (the protocol client, fragment-lint) at these bundles.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';

type Record = (what: string, value: string, target?: { text: string; met: boolean }) => void;

const SERVER_TARGET_KB = 250;
const START_TARGET_MS = 100;
const START_RUNS = 10;

/** Builds the production bundles into `<cache>/dist`; returns that folder. */
export function buildProduction(root: string, cache: string): string {
  const outdir = join(cache, 'dist');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production', '--metafile', `--outdir=${outdir}`], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the production build failed: ${result.stderr}`);
  return outdir;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** A bundle's size, and gzipped (what a download costs). */
function size(path: string): { bytes: number; gzip: number } {
  return { bytes: statSync(path).size, gzip: gzipSync(readFileSync(path), { level: 9 }).length };
}

/** The largest packages (or our own folders) in a bundle, from its metafile. */
function largestParts(metafilePath: string, count: number): string {
  const metafile = JSON.parse(readFileSync(metafilePath, 'utf8')) as Metafile;
  const output = Object.values(metafile.outputs)[0];
  const parts = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 3).join('/');
    parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
  }
  return [...parts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
}

/**
 * The server's environment as our VS Code client makes it (client/src/node/main.ts): without
 * NODE_EXTRA_CA_CERTS, with which Node builds its certificate store before any code runs.
 */
function clientEnvironment(): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _certificates, ...environment } = process.env;
  return environment;
}

/** One start: wall time to the first byte the process writes, and the CPU time its threads had used by then (Linux; else undefined). */
interface Start {
  wallMs: number;
  cpuMs: number | undefined;
}

/** The CPU time of a running process's threads so far, from /proc (nanosecond counters, unlike getrusage's ticks). */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    return tasks.reduce((sum, task) => sum + Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6, 0);
  } catch {
    return undefined;
  }
}

/**
 * Spawns Node with `args` and times it to the first byte it writes to stdout (after `input`);
 * then ends it with `end` and waits for its exit.
 */
async function timeToFirstOutput(args: string[], env: NodeJS.ProcessEnv, input: string, end: string): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env });
  child.stdin.write(input);
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const wallMs = performance.now() - started;
  const cpuMs = cpuMsOf(child.pid);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin.end(end);
  await exited;
  return { wallMs, cpuMs };
}

const message = (content: object) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...content });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};

/**
 * Server start: process spawned to `initialize` answered, as an editor starts it; each server is
 * then ended as editors end it (shutdown, exit), which is when it keeps its code cache.
 */
async function serverStarts(serverPath: string, runs: number, env: NodeJS.ProcessEnv): Promise<Start[]> {
  const starts: Start[] = [];
  const initialize = message({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const end = message({ id: 2, method: 'shutdown' }) + message({ method: 'exit' });
  for (let run = 0; run < runs; run++) starts.push(await timeToFirstOutput([serverPath, '--stdio'], env, initialize, end));
  return starts;
}

/** Node itself: `node -e` that writes one byte, the floor under any server's start. */
async function nodeStarts(runs: number, env: NodeJS.ProcessEnv): Promise<Start[]> {
  const starts: Start[] = [];
  for (let run = 0; run < runs; run++) starts.push(await timeToFirstOutput(['-e', 'process.stdout.write("x")'], env, '', ''));
  return starts;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** "71 ms (40 ms of work)": the medians of the wall and CPU times. */
function describe(starts: Start[]): string {
  const cpu = starts.map((start) => start.cpuMs).filter((ms) => ms !== undefined);
  return `${median(starts.map((start) => start.wallMs)).toFixed(0)} ms${cpu.length === starts.length ? ` (${median(cpu).toFixed(0)} ms of work)` : ''}`;
}

export async function benchProduction(outdir: string, record: Record): Promise<void> {
  // dist/server.js loads dist/language-server.js, the server itself, with its code cache.
  const server = size(join(outdir, 'language-server.js'));
  record(`production server bundle (dist/language-server.js; gzip)`, `${kb(server.bytes)} (${kb(server.gzip)})`, {
    text: `at most ${SERVER_TARGET_KB} KB`,
    met: server.bytes <= SERVER_TARGET_KB * 1024,
  });
  record('  its largest parts', largestParts(join(outdir, 'language-server.js.meta.json'), 6));
  // What it loads on first use, beside it in dist/: what a session that needs them loads too.
  for (const [bundle, when] of [
    ['config.js', 'with a .fragmentrc.json'],
    ['harvest.js', 'on a workbook import or export'],
  ] as const) {
    const { bytes, gzip } = size(join(outdir, bundle));
    record(`  loaded on first use: dist/${bundle}, ${when} (gzip)`, `${kb(bytes)} (${kb(gzip)})`);
  }
  for (const bundle of ['cli.js', 'browser/server.js', 'client.js']) {
    const { bytes, gzip } = size(join(outdir, bundle));
    record(`production dist/${bundle} (gzip)`, `${kb(bytes)} (${kb(gzip)})`);
  }
  const env = clientEnvironment();
  const serverPath = join(outdir, 'server.js');
  // The first start after a build compiles the bundle and keeps its code cache; the others load it.
  record('server start to initialize reply, first after a build (no code cache yet)', describe(await serverStarts(serverPath, 1, env)));
  const starts = await serverStarts(serverPath, START_RUNS, env);
  const start = median(starts.map((run) => run.wallMs));
  record(`server start to initialize reply (production, median of ${START_RUNS})`, describe(starts), {
    text: `at most ${START_TARGET_MS} ms`,
    met: start <= START_TARGET_MS,
  });
  record(`  node -e start to its first output, same environment (median of ${START_RUNS})`, describe(await nodeStarts(START_RUNS, env)));
  if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
    // What another editor that hands the server this machine's NODE_EXTRA_CA_CERTS sees.
    record('  the same with NODE_EXTRA_CA_CERTS set: server', describe(await serverStarts(serverPath, START_RUNS, process.env)));
    record('  the same with NODE_EXTRA_CA_CERTS set: node -e', describe(await nodeStarts(START_RUNS, process.env)));
  }
}
