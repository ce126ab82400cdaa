// Runs a measuring script of the bench (floor.mjs, cli.cjs, markdownlint.mjs) in its own Node
// process; used by bench.ts and scaling.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Run {
  ms: number;
  wallMs: number;
  maxRssKb: number;
}

/** The script's figures (the last line it prints, JSON), and the wall time seen from here. */
export function measure(script: string, args: string[]): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(__dirname, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - started;
  if (result.status !== 0 && !result.stdout.trim()) throw new Error(`${script} failed: ${result.stderr}`);
  return { ...JSON.parse(result.stdout.trim().split('\n').at(-1) as string), wallMs };
}
