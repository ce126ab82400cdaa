import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { bombXlsx, manyRowsXlsx } from '../unit/workbook-bombs';
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
    // Issue 24's workbooks, fetched by the worker (too large to pass through page.evaluate).
    const workbooks = new Map<string, Uint8Array>([
      ['/bomb.xlsx', bombXlsx(1200)],
      ['/rows.xlsx', manyRowsXlsx(400_000)],
      ['/master.xlsx', await fixtureXlsx()],
    ]);
    server = createServer((request, response) => {
      const workbook = workbooks.get(request.url ?? '');
      if (workbook) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.end(workbook);
      } else if (request.url === '/worker.js') {
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
  it('dist/browser/harvest.js loads on first use as the language server loads it: importScripts of a blob URL in a worker started from a blob', async () => {
    const harvestBundle = join(repositoryRoot, 'dist', 'browser', 'harvest.js');
    assert.ok(existsSync(harvestBundle), `${harvestBundle} is missing: run npm run build first`);
    const page = await browser.newPage();
    await page.goto(origin);
    const input = { bundle: readFileSync(harvestBundle, 'utf8'), workbook: [...(await fixtureXlsx())] };
    // Runs in the page; the worker's script (a string) runs in the worker, as server/src/browser/harvest-loader.ts does.
    const inPage = ({ bundle, workbook }: { bundle: string; workbook: number[] }) =>
      new Promise((resolve) => {
        const scope = globalThis as unknown as {
          Worker: new (
            url: string,
          ) => { onmessage: (event: { data: unknown }) => void; onerror: (event: { message: string }) => void; postMessage: (data: unknown) => void };
          Blob: new (parts: string[], options: { type: string }) => object;
          URL: { createObjectURL(blob: object): string };
        };
        const script = `onmessage = async (event) => {
          try {
            const url = URL.createObjectURL(new Blob([event.data.bundle], { type: 'text/javascript' }));
            importScripts(url);
            URL.revokeObjectURL(url);
            const harvest = self.outcomeFragmentsHarvest;
            const sheet = await harvest.readWorkbook(new Uint8Array(event.data.workbook), 'master.xlsx');
            const xlsx = await harvest.readWorkbook(await harvest.writeWorkbook([sheet], 'xlsx'), 'again.xlsx');
            const csv = await harvest.readWorkbook(await harvest.writeWorkbook([sheet], 'csv'), 'again.csv');
            postMessage({ rows: [sheet.rows.length, xlsx.rows.length, csv.rows.length], header: sheet.rows[0][0], format: harvest.formatOfName('harvest.csv') });
          } catch (error) {
            postMessage({ error: String(error && error.stack || error) });
          }
        };`;
        const worker = new scope.Worker(scope.URL.createObjectURL(new scope.Blob([script], { type: 'text/javascript' })));
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => resolve({ error: event.message });
        worker.postMessage({ bundle, workbook });
      });
    const answer = (await page.evaluate(inPage, input)) as { rows?: number[]; header?: string; format?: string; error?: string };
    assert.equal(answer.error, undefined);
    assert.deepEqual(answer, { rows: [5, 5, 5], header: 'FragmentID', format: 'csv' });
  });

  it('dist/browser/harvest.js refuses a zip bomb and 400,000 rows in the worker in under 10 s each, naming the settings, and reads on', async () => {
    const harvestBundle = join(repositoryRoot, 'dist', 'browser', 'harvest.js');
    const page = await browser.newPage();
    await page.goto(origin);
    const inPage = (bundle: string) =>
      new Promise((resolve) => {
        const scope = globalThis as unknown as {
          Worker: new (
            url: string,
          ) => { onmessage: (event: { data: unknown }) => void; onerror: (event: { message: string }) => void; postMessage: (data: unknown) => void };
          Blob: new (parts: string[], options: { type: string }) => object;
          URL: { createObjectURL(blob: object): string };
        };
        const script = `onmessage = async (event) => {
          const url = URL.createObjectURL(new Blob([event.data], { type: 'text/javascript' }));
          importScripts(url);
          const harvest = self.outcomeFragmentsHarvest;
          const answers = [];
          for (const name of ['bomb.xlsx', 'rows.xlsx', 'master.xlsx']) {
            const bytes = new Uint8Array(await (await fetch(location.origin + '/' + name)).arrayBuffer());
            const started = performance.now();
            try {
              const sheet = await harvest.readWorkbook(bytes, name, { raiseWith: 'settings' });
              answers.push({ name, rows: sheet.rows.length, ms: performance.now() - started });
            } catch (error) {
              answers.push({ name, message: String(error && error.message), ms: performance.now() - started });
            }
          }
          postMessage(answers);
        };`;
        const worker = new scope.Worker(scope.URL.createObjectURL(new scope.Blob([script], { type: 'text/javascript' })));
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => resolve([{ message: event.message }]);
        worker.postMessage(bundle);
      });
    const answers = (await page.evaluate(inPage, readFileSync(harvestBundle, 'utf8'))) as Array<{ name?: string; message?: string; rows?: number; ms: number }>;
    assert.deepEqual(
      answers.map(({ name, message, rows }) => ({ name, message, rows })),
      [
        {
          name: 'bomb.xlsx',
          message:
            'the workbook unpacks to 1201 MB, more than the limit of 200 MB an import reads: nothing was imported. If the file is right, set "outcomeFragments.import.maxUnpackedMB" to 1201 or more in the settings and import it again',
          rows: undefined,
        },
        {
          name: 'rows.xlsx',
          message:
            'the sheet "Master dataset" has 400000 rows, more than the limit of 50000 an import reads: nothing was imported. If the sheet is right, set "outcomeFragments.import.maxRows" to 400000 or more in the settings and import it again',
          rows: undefined,
        },
        { name: 'master.xlsx', message: undefined, rows: 5 },
      ],
    );
    for (const answer of answers) assert.ok(answer.ms < 10_000, `${answer.name}: ${answer.ms} ms`);
    process.stdout.write(`# in the worker: ${answers.map((answer) => `${answer.name} ${answer.ms.toFixed(0)} ms`).join(', ')}\n`);
  });
});
