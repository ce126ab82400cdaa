// Keystroke to diagnostics: the client sends one didChange and waits until it holds that
// version's diagnostics, decoded. Measured both ways a client gets them: pushed
// (textDocument/publishDiagnostics, Neovim, eglot) and pulled (textDocument/diagnostic, VS Code).
// Called from bench.ts; `tsx scripts/bench/latency.ts [fragments...]` runs it alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DiagnosticsMode, TestClient } from '../../test/protocol/lsp-client';

type Record = (what: string, value: string, target?: { text: string; met: boolean }) => void;

export interface Latency {
  median: number;
  p95: number;
  /** CPU time per keystroke (user and system), of the server and of the client: what load on the machine does not change. */
  serverCpu: number;
  clientCpu: number;
  /** What a client cannot go below: decoding the last notification's UTF-8 bytes and parsing its JSON (median of 20, ms), and its size. */
  decodeFloor: { ms: number; bytes: number };
}

/** A process's CPU time so far in ms, from /proc (Linux); NaN elsewhere. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime and stime, in clock ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}

export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

/** The example repeated `count` times, each with its own FragmentID, between `---` separators. */
export function fragmentsFile(example: string, count: number): string {
  return `${Array.from({ length: count }, (_, index) => example.replace('CIV021', `CIV${String(index).padStart(5, '0')}`).trimEnd()).join('\n---\n')}\n`;
}

/** One character changed per keystroke, then the time until the client holds that version's diagnostics. */
export async function keystrokeLatency(text: string, keystrokes: number, mode: DiagnosticsMode): Promise<Latency> {
  // The 2,000-fragment file is larger than the default size limit: raise it, so that it is checked.
  const { client } = await TestClient.start({ settings: { outcomeFragments: { maxFileSize: 50_000_000 }, 'files.exclude': {} }, diagnostics: mode });
  const uri = 'file:///bench/latency.fragment';
  await client.open(uri, text);
  const first = await client.diagnosticsOf(uri, 1);
  if (first.some((diagnostic) => diagnostic.code === 'file-too-large')) throw new Error('the latency file was not checked: over the size limit');
  // A keystroke in the middle of the file: the worst place for a check that only looks at what changed.
  const lines = text.split('\n');
  const middle = lines.findIndex((candidate, index) => index >= lines.length / 2 && candidate.startsWith('**Outcome description**'));
  const times: number[] = [];
  const serverBefore = cpuMsOf(client.serverPid);
  const clientBefore = process.cpuUsage();
  let last: unknown = first;
  for (let version = 2; version < keystrokes + 2; version++) {
    const started = performance.now();
    const received = client.diagnosticsOf(uri, version);
    await client.change(uri, version, [
      { range: { start: { line: middle, character: 30 }, end: { line: middle, character: 31 } }, text: version % 2 ? 'a' : 'b' },
    ]);
    last = await received;
    times.push(performance.now() - started);
  }
  const serverCpu = (cpuMsOf(client.serverPid) - serverBefore) / keystrokes;
  const clientUsage = process.cpuUsage(clientBefore);
  const clientCpu = (clientUsage.user + clientUsage.system) / 1000 / keystrokes;
  await client.stop();
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), serverCpu, clientCpu, decodeFloor: decodeFloor(uri, last) };
}

/** The time to decode and parse a publishDiagnostics notification of these diagnostics, as any client must. */
function decodeFloor(uri: string, diagnostics: unknown): { ms: number; bytes: number } {
  const bytes = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics } }), 'utf8');
  const decoder = new TextDecoder();
  const times: number[] = [];
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    JSON.parse(decoder.decode(bytes));
    times.push(performance.now() - started);
  }
  return { ms: percentile(times, 0.5), bytes: bytes.length };
}

const figures = (latency: Latency, digits: number) =>
  `${latency.median.toFixed(digits)} / ${latency.p95.toFixed(digits)} ms (CPU a keystroke: server ${latency.serverCpu.toFixed(1)}, client ${latency.clientCpu.toFixed(1)} ms)`;

/** The targets (the example, 2,000 fragments; both ways, the slower counts) and the scaling rows. */
export async function benchLatency(example: string, record: Record): Promise<void> {
  for (const mode of ['push', 'pull'] as const) {
    const onExample = await keystrokeLatency(example, 200, mode);
    record(`keystroke to diagnostics, example (possible-identifier on), ${mode} (median / p95)`, figures(onExample, 2), {
      text: 'p95 at most 5 ms',
      met: onExample.p95 <= 5,
    });
  }
  for (const count of [100, 1_000, 2_000]) {
    for (const mode of ['push', 'pull'] as const) {
      const measured = await keystrokeLatency(fragmentsFile(example, count), count === 2_000 ? 60 : 40, mode);
      const what = `keystroke to diagnostics, ${count.toLocaleString('en')} fragments, ${mode} (median / p95)`;
      record(what, figures(measured, 1), count === 2_000 ? { text: 'p95 at most 30 ms', met: measured.p95 <= 30 } : undefined);
      // A pushed notification holds every diagnostic: what decoding it alone costs any client.
      if (count === 2_000 && mode === 'push') {
        const { ms, bytes } = measured.decodeFloor;
        record('  of which a client decoding the pushed diagnostics (UTF-8 and JSON.parse, median)', `${ms.toFixed(1)} ms for ${(bytes / 1024).toFixed(0)} KB`);
      }
    }
  }
}

if (require.main === module) {
  const example = readFileSync(join(__dirname, '..', '..', 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
  const counts = process.argv.slice(2).map(Number);
  void (async () => {
    for (const count of counts.length > 0 ? counts : [2_000]) {
      for (const mode of (process.env.BENCH_MODES ?? 'push,pull').split(',') as DiagnosticsMode[]) {
        const measured = await keystrokeLatency(count === 1 ? example : fragmentsFile(example, count), Number(process.env.BENCH_KEYSTROKES ?? 60), mode);
        console.log(`${count} fragments, ${mode}: ${figures(measured, 2)}`);
      }
    }
  })();
}
