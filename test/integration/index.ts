// Entry point VS Code loads as extensionTestsPath: runs every bundled *.test.js beside it
// with mocha inside the extension host, and rejects when any test fails.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // Longer than the helpers' own waits, so a stuck wait fails with its message, not mocha's.
  const mocha = new Mocha({ ui: 'tdd', timeout: 120_000, color: false });
  // DEBUG-FLAKY: on a failure, the tail of the language client's trace.
  mocha.suite.afterEach(function () {
    if (this.currentTest?.state !== 'failed') return;
    const vscode = require('vscode') as typeof import('vscode');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!folder) return;
    const fs = require('node:fs') as typeof import('node:fs');
    const path = require('node:path') as typeof import('node:path');
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/Outcome Fragments/.test(entry.name)) found.push(full);
      }
    };
    walk(path.join(folder, '..', 'profile'));
    for (const file of found) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const kept = lines.filter((line) => /^\[Trace|"kind"|"resultId"|"items": \[\]|"id":|"uri": "file:.*(undated|configured|copy)|"code": -?\d|retrigger/.test(line));
      console.log(`DEBUG-TRACE ${file} (${lines.length} lines)\n${kept.slice(-250).join('\n')}`);
    }
  });
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
