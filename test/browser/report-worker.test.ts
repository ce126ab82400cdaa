// Export Harvest Report… in the web worker (Chromium), as VS Code for the Web runs it: the server
// of dist/browser/server.js asks its client for the report's bundle (dist/browser/report.js,
// resvg's WebAssembly, the font), for the harvest's files, and to write the report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { REPORT_FILES } from '../report-files';
import { pythonProgram } from '../report-readers';
import { temporaryFolder } from '../temporary-folders';

const repositoryRoot = join(__dirname, '..', '..');
const chromiumSettings: { path: string; args: string[] } = JSON.parse(readFileSync(join(repositoryRoot, 'scripts', 'real-vscode', 'chromium.json'), 'utf8'));
const chromiumPath = process.env.CHROMIUM_PATH ?? chromiumSettings.path;
const dist = join(repositoryRoot, 'dist');
const FOLDER = 'vscode-vfs://github/example/M%26E%20harvest%20%282024%29';
const NEVER_QUOTED = /CIV777|Hidden hamlet|CIV030|Nyota|\+256/;

interface Written {
  files?: Array<{ uri: string; base64: string }> | undefined;
  result?: { files: string[]; outcomes: number; quoted: number; confidentialLeftOut: number; unanonymisedLeftOut: number } | undefined;
  error?: string | undefined;
}

/** The page's side: the worker, and the client's answers to its host requests (workspace.fs in VS Code). */
function inPage(input: { code: string; host: Record<string, unknown>; texts: Record<string, string>; folder: string; output: string }): Promise<Written> {
  return new Promise<Written>((resolve) => {
    type Message = { id?: number; method?: string; params?: { uris?: string[]; files?: Written['files'] }; result?: unknown; error?: { message: string } };
    const scope = globalThis as unknown as {
      Worker: new (
        url: string,
      ) => { onmessage: (event: { data: Message }) => void; onerror: (event: { message: string }) => void; postMessage: (data: unknown) => void };
      Blob: new (parts: string[], options: { type: string }) => unknown;
      URL: { createObjectURL(blob: unknown): string };
    };
    const worker = new scope.Worker(scope.URL.createObjectURL(new scope.Blob([input.code], { type: 'text/javascript' })));
    // No helper functions here: tsx would name them with a helper the page does not have.
    let written: Written['files'];
    worker.onerror = (event) => resolve({ error: event.message });
    worker.onmessage = ({ data: message }) => {
      if (message.id === 1 && !message.method) {
        worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
        const params = { paths: [input.folder], output: input.output, includeConfidential: false };
        worker.postMessage({ jsonrpc: '2.0', id: 2, method: 'fragments/exportReport', params });
      } else if (message.id === 2 && !message.method) {
        resolve(message.error ? { error: message.error.message } : { files: written, result: message.result as Written['result'] });
      } else if (message.method === 'fragments/host/reportBundle') worker.postMessage({ jsonrpc: '2.0', id: message.id, result: input.host });
      else if (message.method === 'fragments/host/listFiles')
        worker.postMessage({
          jsonrpc: '2.0',
          id: message.id,
          result: { folders: [{ uri: input.folder, isFile: false, files: Object.keys(input.texts) }], missing: [] },
        });
      else if (message.method === 'fragments/host/readFiles')
        worker.postMessage({ jsonrpc: '2.0', id: message.id, result: (message.params?.uris ?? []).map((uri) => ({ base64: input.texts[uri] })) });
      else if (message.method === 'fragments/host/writeFiles') {
        written = message.params?.files;
        worker.postMessage({ jsonrpc: '2.0', id: message.id, result: null });
      } else if (message.id !== undefined && message.method) worker.postMessage({ jsonrpc: '2.0', id: message.id, result: null });
    };
    worker.postMessage({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

describe('the harvest report in a web worker (Chromium), as VS Code for the Web makes it', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';
  const base64 = (path: string) => readFileSync(path).toString('base64');

  before(async () => {
    assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium); .ci/run installs it`);
    for (const file of ['browser/server.js', 'browser/report.js', 'resvg.wasm', 'fonts/DejaVuSans.ttf'])
      assert.ok(existsSync(join(dist, file)), `dist/${file} is missing: run npm run build first`);
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>worker</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumSettings.args });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const run = async (output: string): Promise<Written> => {
    const page = await browser.newPage();
    await page.goto(origin);
    const texts = Object.fromEntries(REPORT_FILES.map((file) => [`${FOLDER}/${file.name}`, Buffer.from(file.text).toString('base64')]));
    const host = {
      script: readFileSync(join(dist, 'browser', 'report.js'), 'utf8'),
      wasm: base64(join(dist, 'resvg.wasm')),
      fonts: [base64(join(dist, 'fonts', 'DejaVuSans.ttf'))],
    };
    const written = await page.evaluate(inPage, { code: readFileSync(join(dist, 'browser', 'server.js'), 'utf8'), host, texts, folder: FOLDER, output });
    await page.close();
    return written;
  };

  it('writes the .docx through its client: the charts inside, the shareable outcomes quoted, the others counted', async () => {
    const written = await run(`${FOLDER}/report.docx`);
    assert.equal(written.error, undefined);
    assert.deepEqual(written.result, {
      files: [`${FOLDER}/report.docx`],
      fragmentFiles: 5,
      outcomes: 5,
      quoted: 3,
      confidentialLeftOut: 1,
      unanonymisedLeftOut: 1,
    });
    assert.deepEqual(
      written.files?.map((file) => file.uri),
      [`${FOLDER}/report.docx`],
    );
    const path = join(temporaryFolder('fragments-report-worker-'), 'report.docx');
    writeFileSync(path, Buffer.from(written.files?.[0]?.base64 ?? '', 'base64'));
    const python = pythonProgram();
    const read = spawnSync(python, [join(repositoryRoot, 'test', 'unit', 'read-docx.py'), path], { encoding: 'utf8' });
    assert.equal(read.status, 0, `python-docx (apt-get install python3-docx): ${read.error?.message ?? read.stderr}`);
    const docx = JSON.parse(read.stdout) as { tables: unknown[]; pictures: number; paragraphs: Array<{ style: string; text: string }> };
    assert.ok(docx.pictures >= 5, `${docx.pictures} charts`);
    assert.equal(docx.pictures, docx.tables.length - 1, 'a chart per table (the matrix has none)');
    assert.deepEqual(
      docx.paragraphs.filter((paragraph) => paragraph.style === 'Heading 3').map((paragraph) => paragraph.text.slice(-6)),
      ['CIV002', 'CIV021', 'PHR003'],
    );
    assert.doesNotMatch(read.stdout, NEVER_QUOTED);
  });

  it('writes the Markdown and its charts beside it, in one write', async () => {
    const written = await run(`${FOLDER}/report.md`);
    assert.equal(written.error, undefined);
    const uris = written.files?.map((file) => file.uri) ?? [];
    assert.equal(uris[0], `${FOLDER}/report.md`);
    assert.ok(uris.length >= 6, `${uris.length} files`);
    for (const file of written.files?.slice(1) ?? []) {
      assert.match(file.uri, /\/report-charts\/\d\d-[a-z-]+\.png$/);
      assert.equal(Buffer.from(file.base64, 'base64').subarray(1, 4).toString('latin1'), 'PNG');
    }
    const markdown = Buffer.from(written.files?.[0]?.base64 ?? '', 'base64').toString('utf8');
    assert.match(markdown, /!\[Outcomes per country: the table below has the figures\]\(<report-charts\/02-country\.png>\)/);
    assert.doesNotMatch(markdown, NEVER_QUOTED);
  });
});
