// Bundles the extension client and the language server with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch] [--outdir=DIR] [--metafile]
// --outdir writes the bundles elsewhere than dist/ (the benchmark measures production bundles
// there, leaving the tests' dist/ alone); --metafile writes esbuild's metafile beside each bundle
// (`<bundle>.meta.json`, for esbuild.analyzeMetafile: what each package costs).
import { writeFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');
const outdir = process.argv.find((argument) => argument.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  // jsonc-parser's UMD build requires its modules dynamically, which a bundle cannot follow: take its ES modules.
  mainFields: ['module', 'main'],
  // vscode-languageserver-protocol requires the types' UMD build, our sources import their ES
  // module build: one copy (the ES one) instead of both (about 25 KB).
  alias: { 'vscode-languageserver-types': './node_modules/vscode-languageserver-types/lib/esm/main.js' },
};

/**
 * The browser bundles (the web extension host and its web worker). The packages' `browser`
 * fields pick their web builds (vscode-languageserver/-client, @vscode/l10n); a Node built-in
 * that slips in fails the build rather than the extension at run time.
 */
const browserCommon = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
};

/**
 * The harvest pipeline (workbooks in and out; exceljs is most of it) is a bundle of its own,
 * dist/harvest.js, that the server and the CLI load on first use: they start without it.
 */
const harvestApart = {
  name: 'harvest-apart',
  setup(build) {
    build.onResolve({ filter: /(^|\/)harvest-pipeline$/ }, () => ({ path: './harvest.js', external: true }));
  },
};

/** The harvest report (the .docx writer, the charts) is a bundle of its own too, dist/report.js, loaded when a report is made. */
const reportApart = {
  name: 'report-apart',
  setup(build) {
    build.onResolve({ filter: /(^|\/)report-pipeline$/ }, () => ({ path: './report.js', external: true }));
  },
};

/**
 * Vega's charts are drawn as SVG with no canvas and load nothing (server/src/report/report-charts.ts):
 * its packages' browser builds, everywhere. The Node build of vega-canvas awaits the optional
 * `canvas` package at its top level (which a CommonJS bundle cannot hold), and vega-loader's
 * reads files with `fs`, which a chart never needs.
 */
const vegaBrowserBuilds = {
  'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js',
  'vega-loader': './node_modules/vega-loader/build/vega-loader.browser.js',
};

/**
 * What reads and edits a `.fragmentrc.json` (zod, jsonc-parser: server/src/core/schema/config-pipeline.ts)
 * is a bundle of its own too, dist/config.js, that the server loads when a folder has one.
 */
const configApart = {
  name: 'config-apart',
  setup(build) {
    build.onResolve({ filter: /(^|\/)config-pipeline$/ }, () => ({ path: './config.js', external: true }));
  },
};

/**
 * The data of the possible-identifier check are files of their own, read on first use, so that
 * the server starts without them: the gazetteer of the programme's countries
 * (server/src/core/schema/place-names.json) as dist/places.json, read when the first place is looked
 * for, and the telephone plans (libphonenumber-js with its metadata cut to those countries,
 * server/src/core/anonymisation/phone-plans.ts) as dist/phones.js, read at the first candidate number.
 */
const identifierDataApart = {
  name: 'identifier-data-apart',
  setup(build) {
    build.onResolve({ filter: /(^|\/)place-names\.json$/ }, () => ({ path: './places.json', external: true }));
    build.onResolve({ filter: /(^|\/)phone-plans$/ }, () => ({ path: './phones.js', external: true }));
  },
};

/**
 * Node built-ins that the LSP libraries require as they load but use rarely, loaded on first use
 * instead: loading `crypto` (for a random pipe name vscode-jsonrpc makes only for `--pipe`),
 * `child_process` (vscode-languageserver's global module lookups) and `fs/promises` (@vscode/l10n
 * reading a bundle from a URI, which we never ask) costs several milliseconds of every start.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = /^(node:)?(crypto|child_process|fs\/promises)$/;
    build.onResolve({ filter }, (args) =>
      /node_modules[\\/](vscode-jsonrpc|vscode-languageserver|@vscode[\\/]l10n)[\\/]/.test(args.importer)
        ? { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:${args.path}'))[key] });\n`,
      loader: 'js',
    }));
  },
};

/** dist/server.js only turns Node's compile cache on, then loads the language server's bundle (server/src/node/start.ts). */
const languageServerApart = {
  name: 'language-server-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/language-server\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const builds = [
  // `vscode` is provided by the extension host at run time.
  { ...common, entryPoints: ['client/src/node/main.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node/start.ts'], outfile: 'dist/server.js', plugins: [languageServerApart] },
  {
    ...common,
    entryPoints: ['server/src/node/main.ts'],
    outfile: 'dist/language-server.js',
    plugins: [harvestApart, reportApart, configApart, identifierDataApart, lazyBuiltins],
  },
  { ...common, entryPoints: ['server/src/core/schema/config-pipeline.ts'], outfile: 'dist/config.js' },
  {
    ...common,
    entryPoints: ['server/src/cli/index.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [harvestApart, reportApart, identifierDataApart, lazyBuiltins],
  },
  { ...common, entryPoints: ['server/src/node/harvest-pipeline.ts'], outfile: 'dist/harvest.js', plugins: [identifierDataApart] },
  {
    ...common,
    entryPoints: ['server/src/node/report-pipeline.ts'],
    outfile: 'dist/report.js',
    plugins: [identifierDataApart],
    alias: { ...common.alias, ...vegaBrowserBuilds },
  },
  // What the report's charts need besides code, as files beside dist/report.js (server/src/node/chart-resources.ts).
  { ...common, entryPoints: ['node_modules/@resvg/resvg-wasm/index_bg.wasm'], outfile: 'dist/resvg.wasm', loader: { '.wasm': 'copy' }, sourcemap: false },
  {
    ...common,
    entryPoints: ['node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'],
    outfile: 'dist/fonts/DejaVuSans.ttf',
    loader: { '.ttf': 'copy' },
    sourcemap: false,
  },
  { ...common, entryPoints: ['node_modules/dejavu-fonts-ttf/LICENSE'], outfile: 'dist/fonts/LICENSE.txt', loader: { '': 'copy' }, sourcemap: false },
  // Copied as it is: Node reads a JSON file itself.
  { ...common, entryPoints: ['server/src/core/schema/place-names.json'], outfile: 'dist/places.json', loader: { '.json': 'copy' }, sourcemap: false },
  { ...common, entryPoints: ['server/src/core/anonymisation/phone-plans.ts'], outfile: 'dist/phones.js' },
  // VS Code for the Web: the client in the web extension host, the server in a web worker it starts.
  { ...browserCommon, entryPoints: ['client/src/browser/main.ts'], outfile: 'dist/browser/client.js', format: 'cjs', external: ['vscode'] },
  { ...browserCommon, entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', format: 'iife' },
  // The worker's workbook adapter (exceljs, csv-parse, csv-stringify), loaded on first use: an IIFE that sets
  // `outcomeFragmentsHarvest`, run from a blob URL (server/src/browser/harvest-loader.ts). The csv packages' browser builds.
  {
    ...browserCommon,
    entryPoints: ['server/src/browser/harvest-bundle.ts'],
    outfile: 'dist/browser/harvest.js',
    format: 'iife',
    globalName: 'outcomeFragmentsHarvest',
    alias: { ...browserCommon.alias, 'csv-parse/sync': 'csv-parse/browser/esm/sync', 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
  },
  // The worker's harvest report (docx, Vega, resvg's glue), loaded when a report is made, as dist/browser/harvest.js is.
  {
    ...browserCommon,
    entryPoints: ['server/src/browser/report-bundle.ts'],
    outfile: 'dist/browser/report.js',
    format: 'iife',
    globalName: 'outcomeFragmentsReport',
    alias: { ...browserCommon.alias, ...vegaBrowserBuilds },
  },
  // The dashboard webview's script with the Chart.js parts it imports (tree-shaken), for the browser.
  {
    ...common,
    entryPoints: ['media/dashboard.js'],
    outfile: 'dist/media/dashboard.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    mainFields: ['browser', 'module', 'main'],
  },
];

for (const options of builds) {
  options.outfile = options.outfile.replace(/^dist\//, `${outdir}/`);
  options.metafile = metafile;
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(
    builds.map(async (options) => {
      const result = await esbuild.build(options);
      if (metafile) await writeFile(`${options.outfile}.meta.json`, JSON.stringify(result.metafile));
    }),
  );
}
