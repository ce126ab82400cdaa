// Bundles test/integration/ into out/integration/: index.js (the extensionTestsPath entry)
// plus one self-contained *.test.js per test file, which index.js hands to mocha; and
// test/integration/untrusted/ the same way into out/integration/untrusted/.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { frenchSuiteOutDir, isMain, repoRoot, suiteOutDir, untrustedSuiteOutDir, webSuiteOutDir } from './project.mjs';

export async function buildSuite() {
  rmSync(suiteOutDir, { recursive: true, force: true }); // a deleted test must not keep running from a stale bundle
  const sourceDir = join(repoRoot, 'test', 'integration');
  await bundle(sourceDir, suiteOutDir);
  // The tests that run in a window opened in Restricted Mode: their own folder, their own index.js.
  await bundle(join(sourceDir, 'untrusted'), untrustedSuiteOutDir, join(sourceDir, 'index.ts'));
  // The tests that run in a window whose display language is French.
  await bundle(join(sourceDir, 'french'), frenchSuiteOutDir, join(sourceDir, 'index.ts'));
  // The tests that run in the web worker extension host: one browser bundle (no Node built-ins there).
  await build({
    entryPoints: [{ in: join(sourceDir, 'web', 'index.ts'), out: 'index' }],
    outdir: webSuiteOutDir,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    // The workbook tests build and read workbooks with the adapter's browser builds; the expected files come as text.
    alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync', 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
    loader: { '.txt': 'text' },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  await writeWebWorkbooks(sourceDir);
}

/**
 * The workbooks made to exhaust an importer (test/unit/workbook-bombs.ts), for the web window:
 * they are built with node:zlib, which a web worker lacks, so they are written here, beside the
 * web suite, and its tests read them from the extension's folder.
 */
async function writeWebWorkbooks(sourceDir) {
  const builderFile = join(webSuiteOutDir, 'workbook-bombs.cjs');
  await build({
    entryPoints: [join(sourceDir, '..', 'unit', 'workbook-bombs.ts')],
    outfile: builderFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const { bombXlsx, manyRowsXlsx } = createRequire(import.meta.url)(builderFile);
  const folder = join(webSuiteOutDir, 'workbooks');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'bomb.xlsx'), bombXlsx(1200));
  writeFileSync(join(folder, 'rows.xlsx'), manyRowsXlsx(400_000));
  rmSync(builderFile);
}

async function bundle(sourceDir, outdir, index = join(sourceDir, 'index.ts')) {
  const tests = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(sourceDir, name));
  await build({
    entryPoints: [{ in: index, out: 'index' }, ...tests],
    outdir,
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
