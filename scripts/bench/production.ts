// What users run: the production bundles (minified, as `npm run package` builds them), built into
// the bench's own folder so that the tests' dist/ stays as it is. Their sizes, what each package
// costs in the server's, and the server's start; called from bench.ts, which then points the
// other measurements (the protocol client, fragment-lint) at these bundles.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
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

/**
 * Server start: process spawned to `initialize` answered, as an editor starts it; each server is
 * then ended as editors end it (shutdown, exit), which is when it keeps its code cache.
 */
async function startTimes(serverPath: string, runs: number, env: NodeJS.ProcessEnv): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const server = spawn(process.execPath, [serverPath, '--stdio'], { env });
    const send = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await new Promise((resolve) => server.stdout.once('data', resolve));
    times.push(performance.now() - started);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    send({ id: 2, method: 'shutdown' });
    send({ method: 'exit' });
    await exited;
  }
  return times;
}

/** Node itself: `node -e ""` spawned to its exit, the floor under any server's start. */
async function nodeStartTimes(runs: number, env: NodeJS.ProcessEnv): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const node = spawn(process.execPath, ['-e', ''], { env, stdio: 'ignore' });
    await new Promise((resolve) => node.once('exit', resolve));
    times.push(performance.now() - started);
  }
  return times;
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;

export async function benchProduction(outdir: string, record: Record): Promise<void> {
  // dist/server.js turns the compile cache on and loads dist/language-server.js, the server itself.
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
  // The first start after a build compiles the bundle and keeps its code cache; the others load it.
  const [first] = await startTimes(join(outdir, 'server.js'), 1, env);
  record('server start to initialize reply, first after a build (no code cache yet)', `${(first as number).toFixed(0)} ms`);
  const start = median(await startTimes(join(outdir, 'server.js'), START_RUNS, env));
  record(`server start to initialize reply (production, median of ${START_RUNS})`, `${start.toFixed(0)} ms`, {
    text: `at most ${START_TARGET_MS} ms`,
    met: start <= START_TARGET_MS,
  });
  record(`  node -e "" start to exit, same environment (median of ${START_RUNS})`, `${median(await nodeStartTimes(START_RUNS, env)).toFixed(0)} ms`);
  if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
    // What another editor that hands the server this machine's NODE_EXTRA_CA_CERTS sees.
    const withCertificates = median(await startTimes(join(outdir, 'server.js'), START_RUNS, process.env));
    const nodeWithCertificates = median(await nodeStartTimes(START_RUNS, process.env));
    record('  the same with NODE_EXTRA_CA_CERTS set (server; node -e "")', `${withCertificates.toFixed(0)} ms; ${nodeWithCertificates.toFixed(0)} ms`);
  }
}
