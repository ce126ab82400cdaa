// Entry point VS Code loads as extensionTestsPath: runs every bundled *.test.js beside it
// with mocha inside the extension host, and rejects when any test fails.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // Longer than the helpers' own waits, so a stuck wait fails with its message, not mocha's.
  const mocha = new Mocha({ ui: 'tdd', timeout: 120_000, color: false });
  for (const file of readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The launcher repeats this tally as the run's closing line.
      console.log(`integration: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
