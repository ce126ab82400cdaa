// The scaling table (called from bench.ts): how the cost grows with the harvest. fragment-lint on
// 1,000, 10,000 and 100,000 files (on one thread and on every core), and the server in
// `validate: "workspace"` mode on folders of 2,000, 5,000 and 10,000 files: the time from
// `initialize` until every file's diagnostics are published, and the server's peak memory.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../../test/protocol/lsp-client';
import { CORPUS_SIZE, ensureCorpus } from './corpus';
import { measure } from './measure';

type Record = (what: string, value: string, target?: { text: string; met: boolean }) => void;

const LINT_SIZES = process.env.BENCH_LINT_SIZES?.split(',').filter(Boolean).map(Number) ?? [1_000, 10_000, 100_000];
const WORKSPACE_SIZES = process.env.BENCH_WORKSPACE_SIZES?.split(',').filter(Boolean).map(Number) ?? [2_000, 5_000, 10_000];

/** fragment-lint (scripts/bench/cli.cjs) on a folder, in its own process. */
const lint = (folder: string, args: string[]) => measure('cli.cjs', [folder, ...args]);

/** The peak memory of a running process (Linux), in KB; undefined elsewhere. */
function peakKb(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb);
  } catch {
    return undefined;
  }
}

/** Starts the server on a folder in workspace mode; resolves when every file's diagnostics have been published. */
async function workspaceRun(folder: string, files: number): Promise<{ ms: number; peakKb: number | undefined }> {
  const started = performance.now();
  const { client } = await TestClient.start({ folder, settings: { outcomeFragments: { validate: 'workspace' }, 'files.exclude': {} } });
  const seen = new Set<string>();
  await client.diagnostics((params) => {
    seen.add(params.uri);
    return seen.size >= files;
  });
  const ms = performance.now() - started;
  const peak = peakKb(client.serverPid);
  await client.stop();
  return { ms, peakKb: peak };
}

const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
/** The corpus of that many files (the bench's own 10,000 are one of them). */
function corpus(cache: string, examplePath: string, size: number): string {
  const folder = size === CORPUS_SIZE ? join(cache, 'corpus') : join(cache, `scaling-${size}`);
  ensureCorpus(folder, examplePath, size);
  return folder;
}

const perFile = (ms: number, files: number) => `${((1000 * ms) / files).toFixed(0)} µs a file`;

export async function benchScaling(cache: string, examplePath: string, record: Record): Promise<void> {
  const cores = availableParallelism();
  for (const size of LINT_SIZES) {
    const folder = corpus(cache, examplePath, size);
    lint(folder, ['--jobs', '1']); // the files into the page cache
    const one = lint(folder, ['--jobs', '1']);
    const every = lint(folder, ['--jobs', String(cores)]);
    record(
      `scaling: fragment-lint, ${size.toLocaleString('en')} files, 1 thread / ${cores} threads`,
      `${one.wallMs.toFixed(0)} ms (${perFile(one.wallMs, size)}), ${mb(one.maxRssKb)} / ${every.wallMs.toFixed(0)} ms (${perFile(every.wallMs, size)}), ${mb(every.maxRssKb)}`,
    );
  }
  for (const size of WORKSPACE_SIZES) {
    const folder = corpus(cache, examplePath, size);
    const run = await workspaceRun(folder, size);
    record(
      `scaling: workspace mode, ${size.toLocaleString('en')} files, initialize to all published`,
      `${run.ms.toFixed(0)} ms (${perFile(run.ms, size)}), ${mb(run.peakKb)} peak`,
    );
  }
}
