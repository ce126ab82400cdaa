import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';

const repositoryRoot = join(__dirname, '..', '..');
const chromiumSettings: { path: string; args: string[] } = JSON.parse(readFileSync(join(repositoryRoot, 'scripts', 'real-vscode', 'chromium.json'), 'utf8'));
const chromiumPath = process.env.CHROMIUM_PATH ?? chromiumSettings.path;
const serverBundle = join(repositoryRoot, 'dist', 'browser', 'server.js');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');

/** What the page reports: the initialize result and the first non-empty diagnostics published. */
interface Exchange {
  serverName?: string | undefined;
  diagnostics?: Array<{ code: string; severity: number; source: string; range: { start: { line: number } } }> | undefined;
  error?: string;
}

describe('the language server in a web worker (Chromium), as VS Code for the Web starts it', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';

  before(async () => {
    assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium); .ci/run installs it`);
    assert.ok(existsSync(serverBundle), `${serverBundle} is missing: run npm run build first`);
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

  it('starts from a blob of dist/browser/server.js, answers initialize, and publishes the example’s two problems', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    // Runs in the page: the worker is started the way client/src/browser/main.ts starts it, and spoken to in LSP over postMessage.
    const inPage = ({ code, text }: { code: string; text: string }) =>
      new Promise<Exchange>((resolve) => {
        type Message = { id?: number; method?: string; result?: { serverInfo?: { name: string } }; params?: { diagnostics: Exchange['diagnostics'] } };
        const scope = globalThis as unknown as {
          Worker: new (
            url: string,
          ) => { onmessage: (event: { data: Message }) => void; onerror: (event: { message: string }) => void; postMessage: (data: unknown) => void };
          Blob: new (parts: string[], options: { type: string }) => unknown;
          URL: { createObjectURL(blob: unknown): string };
        };
        const worker = new scope.Worker(scope.URL.createObjectURL(new scope.Blob([code], { type: 'text/javascript' })));
        const exchange: Exchange = {};
        const uri = 'vscode-vfs://github/example/harvest/000_88eaf67a59f4c304.txt';
        worker.onerror = (event) => resolve({ error: event.message });
        worker.onmessage = ({ data: message }) => {
          if (message.id === 1) {
            exchange.serverName = message.result?.serverInfo?.name;
            worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
            worker.postMessage({
              jsonrpc: '2.0',
              method: 'textDocument/didOpen',
              params: { textDocument: { uri, languageId: 'fragment', version: 1, text } },
            });
          } else if (message.method === 'textDocument/publishDiagnostics' && (message.params?.diagnostics?.length ?? 0) > 0) {
            resolve({ ...exchange, diagnostics: message.params?.diagnostics });
          }
        };
        worker.postMessage({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      });
    const exchange = await page.evaluate(inPage, { code: readFileSync(serverBundle, 'utf8'), text: example });
    assert.equal(exchange.error, undefined);
    assert.equal(exchange.serverName, 'Outcome Fragments');
    const problems = (exchange.diagnostics ?? []).filter((diagnostic) => diagnostic.source === 'fragment' && diagnostic.severity <= 2);
    assert.deepEqual(
      problems.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}`),
      ['unknown-field@3', 'empty-field@15'],
    );
  });
  it('asks its client to read the folders, and finds duplicate-id with a closed file the client sent', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    // The client reads the folder for the worker (as client/src/browser/folder-reader.ts does): a closed copy of the example.
    const inPage = ({ code, text }: { code: string; text: string }) =>
      new Promise<{ asked?: unknown; related?: string[] | undefined; error?: string }>((resolve) => {
        type Message = {
          id?: number;
          method?: string;
          params?: { folders?: string[]; diagnostics?: Array<{ code: string; relatedInformation?: Array<{ location: { uri: string } }> }> };
        };
        const scope = globalThis as unknown as {
          Worker: new (
            url: string,
          ) => { onmessage: (event: { data: Message }) => void; onerror: (event: { message: string }) => void; postMessage: (data: unknown) => void };
          Blob: new (parts: string[], options: { type: string }) => unknown;
          URL: { createObjectURL(blob: unknown): string };
        };
        const worker = new scope.Worker(scope.URL.createObjectURL(new scope.Blob([code], { type: 'text/javascript' })));
        const folder = 'vscode-vfs://github/example/harvest';
        const open = 'untitled:Untitled-1';
        let asked: unknown;
        worker.onerror = (event) => resolve({ error: event.message });
        worker.onmessage = ({ data: message }) => {
          if (message.id === 1 && !message.method) {
            worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
            worker.postMessage({
              jsonrpc: '2.0',
              method: 'textDocument/didOpen',
              params: { textDocument: { uri: open, languageId: 'fragment', version: 1, text } },
            });
          } else if (message.method === 'fragments/readFolders') {
            asked = message.params;
            const files = [
              { uri: `${folder}/round1/closed.txt`, text },
              { uri: `${folder}/.fragmentrc.json`, text: '{ "severities": { "unknown-field": "off" } }' },
            ];
            worker.postMessage({ jsonrpc: '2.0', method: 'fragments/folderFiles', params: { files, load: true } });
            worker.postMessage({ jsonrpc: '2.0', id: message.id, result: { files: files.length } });
          } else if (message.method === 'textDocument/publishDiagnostics') {
            const duplicate = message.params?.diagnostics?.find((diagnostic) => diagnostic.code === 'duplicate-id');
            if (duplicate) resolve({ asked, related: duplicate.relatedInformation?.map((related) => related.location.uri) });
          }
        };
        worker.postMessage({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            processId: null,
            rootUri: null,
            workspaceFolders: [{ uri: folder, name: 'harvest' }],
            capabilities: {},
            initializationOptions: { readsFolders: true },
          },
        });
      });
    const exchange = await page.evaluate(inPage, { code: readFileSync(serverBundle, 'utf8'), text: example });
    assert.equal(exchange.error, undefined);
    assert.deepEqual(exchange.asked, { folders: ['vscode-vfs://github/example/harvest'], maxFileSize: 5_000_000 });
    assert.deepEqual(exchange.related, ['vscode-vfs://github/example/harvest/round1/closed.txt']);
  });
});
