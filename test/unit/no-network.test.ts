import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { repositoryRoot } from './helpers';

/** Node's modules that reach the network. */
const NETWORK_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns']);
/** The one allowed use: the language server protocol's own transports (IPC pipes, stdio, and the --socket option), in these packages. */
const LSP_TRANSPORTS = /node_modules\/vscode-(jsonrpc|languageserver|languageclient)\//;
/** Ways code in a bundle or the preview could call out. */
const NETWORK_CALLS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bnew WebSocket\b|\bsendBeacon\b|\bEventSource\b/;

/** @vscode/l10n's reader of a bundle at a URL, the one `fetch` of its code (node/reader.ts in its bundle). */
/** Its browser build's, indented inside the bundle's wrapper: the function ends at the brace of its own indentation. */
const L10N_URI_READER = /^( *)async function readFileFromUri\(uri\) \{[\s\S]*?\n\1\}\n/m;

/**
 * vega-loader's http loader, the one `fetch` of Vega: the report's charts hand Vega a loader that
 * refuses everything (server/src/report/report-charts.ts), checked below, so this function never runs.
 */
const VEGA_HTTP_LOADER = /^( *)async function httpLoader\(url, options\) \{[\s\S]*?\n\1\}\n/m;
/** resvg-wasm's loader, which fetches its WebAssembly when given a URL; we hand it the bytes only (checked below). */
const RESVG_INIT = /^( *)async function __wbg_init\(input\) \{[\s\S]*?\n\1\}\n/m;
/** Vega's browser builds, as scripts/build.mjs bundles them (no canvas, no file system). */
const VEGA_BROWSER_BUILDS = {
  'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js',
  'vega-loader': './node_modules/vega-loader/build/vega-loader.browser.js',
};

const entryPoints = [
  'client/src/node/main.ts',
  'server/src/node/main.ts',
  'server/src/cli/index.ts',
  'server/src/node/harvest-pipeline.ts',
  'server/src/node/report-pipeline.ts',
];
/** VS Code for the Web: the client in the web extension host and the language server in its web worker (scripts/build.mjs). */
const browserEntryPoints = ['client/src/browser/main.ts', 'server/src/browser/main.ts', 'server/src/browser/harvest-bundle.ts'];
/** Node's built-in modules, which do not exist in a browser or a web worker. */
const NODE_BUILTINS = new Set(builtinModules);

describe('no network', () => {
  for (const entry of entryPoints) {
    it(`${entry}: imports no network module beyond the LSP's own transports, and calls out nowhere`, async () => {
      const result = await esbuild.build({
        entryPoints: [join(repositoryRoot, entry)],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        external: ['vscode'],
        mainFields: ['module', 'main'],
        alias: VEGA_BROWSER_BUILDS,
        absWorkingDir: repositoryRoot,
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const offenders = Object.entries(result.metafile.inputs).flatMap(([input, { imports }]) =>
        imports
          .filter((imported) => NETWORK_MODULES.has(imported.path.replace(/^node:/, '')))
          .filter(() => !LSP_TRANSPORTS.test(input))
          .map((imported) => `${input} imports ${imported.path}`),
      );
      assert.deepEqual(offenders, []);
      const code = result.outputFiles?.[0]?.text ?? '';
      assert.ok(code.length > 0);
      // @vscode/l10n can load a bundle from a URL (`config({ uri })`, with fetch); we only ever hand it
      // the bundle's contents, so its reader is cut out of the text checked, and its use is checked below.
      assert.doesNotMatch(code.replace(L10N_URI_READER, '').replace(VEGA_HTTP_LOADER, '').replace(RESVG_INIT, ''), NETWORK_CALLS);
    });
  }

  it('gives Vega its own loader, which refuses, for every chart', () => {
    const source = readFileSync(join(repositoryRoot, 'server/src/report/report-charts.ts'), 'utf8');
    assert.deepEqual(source.match(/new View\(.*\);$/gm), [
      "new View(runtime, { renderer: 'none', loader: refusingLoader(errors) as any, logger: collectingLogger(errors) as any });",
    ]);
    assert.deepEqual(source.match(/initWasm\([^)]*\)/g), ['initWasm(wasm)'], 'resvg gets the bytes resvgReady checked');
  });

  for (const entry of browserEntryPoints) {
    it(`${entry}: bundled for the browser, carries no Node-only code and calls out nowhere`, async () => {
      const result = await esbuild.build({
        entryPoints: [join(repositoryRoot, entry)],
        bundle: true,
        platform: 'browser',
        format: entry.startsWith('server') ? 'iife' : 'cjs',
        external: ['vscode'],
        mainFields: ['browser', 'module', 'main'],
        // The csv packages' browser builds, as scripts/build.mjs takes them for dist/browser/harvest.js.
        alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync', 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      const builtins = Object.values(result.metafile.inputs).flatMap(({ imports }) =>
        imports.map((imported) => imported.path.replace(/^node:/, '')).filter((path) => NODE_BUILTINS.has(path.split('/')[0] as string)),
      );
      assert.deepEqual(builtins, [], 'no Node built-in module');
      // Node's adapters (the disk, workbooks) and the runtimes' Node builds stay out.
      assert.deepEqual(
        inputs.filter((input) => /^server\/src\/(node|workspace\.ts|harvest-requests\.ts)|\/lib\/node\//.test(input)),
        [],
      );
      const code = result.outputFiles?.[0]?.text ?? '';
      assert.ok(code.length > 0);
      assert.doesNotMatch(code.replace(L10N_URI_READER, ''), NETWORK_CALLS);
    });
  }

  it('hands @vscode/l10n bundle contents only, never a URL or a path to load', () => {
    const sources = ['server/src/core/l10n/display-language.ts', 'client/src/extension.ts'].map((file) => readFileSync(join(repositoryRoot, file), 'utf8'));
    for (const source of sources) assert.doesNotMatch(source, /l10n\.config\(\{\s*(uri|fsPath)\b/);
  });

  it('the dashboard’s script, Chart.js bundled in, calls out nowhere and names no address', async () => {
    const result = await esbuild.build({
      entryPoints: [join(repositoryRoot, 'media', 'dashboard.js')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    assert.deepEqual(
      Object.keys(result.metafile.inputs).filter((input) => !/^(media\/dashboard\.js|node_modules\/(chart\.js|@kurkle\/color)\/)/.test(input)),
      [],
      'only Chart.js and its colour helper',
    );
    const code = result.outputFiles?.[0]?.text ?? '';
    assert.doesNotMatch(code, NETWORK_CALLS);
    assert.doesNotMatch(readFileSync(join(repositoryRoot, 'media', 'dashboard.css'), 'utf8'), /https?:|@import|url\(/);
  });

  it('the preview’s script and stylesheet load nothing from anywhere', () => {
    for (const file of ['media/preview.js', 'media/preview.css']) {
      const text = readFileSync(join(repositoryRoot, file), 'utf8');
      assert.doesNotMatch(text, NETWORK_CALLS, file);
      assert.doesNotMatch(text, /https?:|@import|url\(/, file);
    }
  });
});
