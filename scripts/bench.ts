// Benchmark of the core (not a test): checks the shared example many times in one process.
// Usage: npm run bench
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFragmentService } from '../server/src/core/service';

const examplePath = join(__dirname, '..', 'example', '000_88eaf67a59f4c304.txt');
const text = readFileSync(examplePath, 'utf8');
const service = createFragmentService();

function time(label: string, iterations: number, run: () => void): void {
  for (let i = 0; i < 50; i++) run(); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run();
  const total = performance.now() - start;
  console.log(`${label}: ${iterations} runs in ${total.toFixed(1)} ms (${((total / iterations) * 1000).toFixed(1)} µs each)`);
}

time('check the example', 1000, () => service.analyze(text, 'file:///example.txt'));
time('fix-all on the example', 1000, () => service.fixAllEdits(text, 'file:///example.txt'));
