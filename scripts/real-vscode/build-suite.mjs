// Bundles test/integration/ into out/integration/: index.js (the extensionTestsPath entry)
// plus one self-contained *.test.js per test file, which index.js hands to mocha.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { isMain, repoRoot, suiteOutDir } from './project.mjs';

export async function buildSuite() {
  const sourceDir = join(repoRoot, 'test', 'integration');
  const entryPoints = readdirSync(sourceDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(sourceDir, name));
  rmSync(suiteOutDir, { recursive: true, force: true }); // a deleted test must not keep running from a stale bundle
  await build({
    entryPoints,
    outdir: suiteOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // vscode exists only inside the extension host; mocha is loaded from node_modules so that
    // the suite files and index.js share one instance (its tdd globals).
    external: ['vscode', 'mocha'],
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (isMain(import.meta.url)) {
  buildSuite().catch(() => process.exit(1)); // esbuild has already printed the errors
}
