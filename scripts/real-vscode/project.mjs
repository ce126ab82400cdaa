// Paths and small process helpers shared by the real-VS Code scripts.
// Everything is derived from this file's location so a fresh clone anywhere works.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const exampleDir = join(repoRoot, 'example');
export const suiteOutDir = join(repoRoot, 'out', 'integration');
export const suiteEntry = join(suiteOutDir, 'index.js');
export const untrustedSuiteOutDir = join(suiteOutDir, 'untrusted');
export const untrustedSuiteEntry = join(untrustedSuiteOutDir, 'index.js');
export const frenchSuiteOutDir = join(suiteOutDir, 'french');
export const frenchSuiteEntry = join(frenchSuiteOutDir, 'index.js');
export const webSuiteOutDir = join(suiteOutDir, 'web');
export const webSuiteEntry = join(webSuiteOutDir, 'index.js');
// Git-ignored (.cache/); REAL_VSCODE_CACHE lets CI point it at a cached volume.
export const cacheDir = resolve(process.env.REAL_VSCODE_CACHE ?? join(repoRoot, '.cache', 'real-vscode'));

export function log(message) {
  console.log(`[real-vscode] ${message}`);
}

/** True when this module is the script node was started with (CLI entry check). */
export function isMain(importMetaUrl) {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(importMetaUrl);
}

/** A fresh temporary folder for one run (profile, workspace copy); the caller removes it. */
export function makeRunDir() {
  return mkdtempSync(join(tmpdir(), 'real-vscode-'));
}

/**
 * Copies example/ into `runDir` and returns the copy, so tests and screenshots may
 * edit files without ever touching the repository's example on disk. Its folder is named as
 * users name theirs, with characters that URIs must encode (`&`, `(`, `)`, spaces).
 */
export const EXAMPLE_FOLDER_NAME = 'M&E harvest (2024)';

export function copyExampleWorkspace(runDir) {
  const workspace = join(runDir, EXAMPLE_FOLDER_NAME);
  cpSync(exampleDir, workspace, { recursive: true, dereference: true }); // a copied symlink would lead back into the repository
  return workspace;
}

/** The commands `run` has started and that are still running, for `stopRunningCommands`. */
const runningCommands = new Set();

/** Ends what `run` started (a build, an npm install), e.g. when the user presses Ctrl+C. */
export function stopRunningCommands(signal = 'SIGTERM') {
  for (const child of runningCommands) child.kill(signal);
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    runningCommands.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      runningCommands.delete(child);
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Measures a step for the progress log. */
export function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
