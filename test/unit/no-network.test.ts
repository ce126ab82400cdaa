import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
const L10N_URI_READER = /async function readFileFromUri\(uri\) \{[\s\S]*?\n\}\n/;

const entryPoints = ['client/src/extension.ts', 'server/src/server.ts', 'server/src/cli/index.ts', 'server/src/node/harvest-pipeline.ts'];

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
      assert.doesNotMatch(code.replace(L10N_URI_READER, ''), NETWORK_CALLS);
    });
  }

  it('hands @vscode/l10n bundle contents only, never a URL or a path to load', () => {
    const sources = ['server/src/display-language.ts', 'client/src/extension.ts'].map((file) => readFileSync(join(repositoryRoot, file), 'utf8'));
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
