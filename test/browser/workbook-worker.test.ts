import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { fixtureXlsx } from '../unit/workbook-fixture';

const repositoryRoot = join(__dirname, '..', '..');
const chromiumSettings: { path: string; args: string[] } = JSON.parse(readFileSync(join(repositoryRoot, 'scripts', 'real-vscode', 'chromium.json'), 'utf8'));
const chromiumPath = process.env.CHROMIUM_PATH ?? chromiumSettings.path;
const expectedFolder = join(repositoryRoot, 'test', 'fixtures', 'workbook', 'expected');

describe('the workbook adapter in a browser worker (Chromium), as the web extension will run it', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';

  before(async () => {
    assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium); .ci/run installs it`);
    const bundle = await esbuild.build({
      entryPoints: [join(__dirname, 'workbook-worker-entry.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      // The csv packages' browser builds (their Node builds use Buffer); the web extension's build takes the same.
      alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync', 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
      write: false,
      logLevel: 'silent',
    });
    const worker = bundle.outputFiles[0]?.text ?? '';
    server = createServer((request, response) => {
      if (request.url === '/worker.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(worker);
      } else {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!doctype html><title>worker</title>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumSettings.args });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('reads the .xlsx bytes, imports the expected files, and writes .xlsx and .csv that read back', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    const bytes = [...(await fixtureXlsx())];
    // Runs in the page: its Worker is the browser's.
    const inPage = (workbook: number[]) =>
      new Promise((resolve) => {
        const { Worker } = globalThis as unknown as {
          Worker: new (
            url: string,
          ) => { onmessage: (event: { data: unknown }) => void; onerror: (event: { message: string }) => void; postMessage: (data: ArrayBuffer) => void };
        };
        const worker = new Worker('/worker.js');
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => resolve({ error: event.message });
        worker.postMessage(new Uint8Array(workbook).buffer);
      });
    const answer = (await page.evaluate(inPage, bytes)) as { files?: Array<{ name: string; text: string }>; rows?: number[]; error?: string };
    assert.equal(answer.error, undefined);
    assert.deepEqual(
      answer.files,
      readdirSync(expectedFolder)
        .sort()
        .map((name) => ({ name, text: readFileSync(join(expectedFolder, name), 'utf8') })),
    );
    assert.deepEqual(answer.rows, [5, 5]);
  });
});
