import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SocketMessageReader, SocketMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { HARVEST_SUMMARY_REQUEST, type HarvestSummary, WORKSPACE_FILES_REQUEST } from '../../server/src/protocol';
import { type ServerTransport, serverPath, TestClient } from '../protocol/lsp-client';
import { temporaryFolder } from '../temporary-folders';

// The language server under Windows Node (Wine), spoken to as VS Code on Windows speaks: URIs made
// by vscode-uri (`file:///z%3A/...`), no process ID. Run by scripts/windows/run.mjs, which sets Wine up.
const repositoryRoot = join(__dirname, '..', '..');
const cache = join(repositoryRoot, '.cache', 'win-node');
const windowsNode = join(cache, 'package', 'bin', 'node.exe');
const exampleName = '000_88eaf67a59f4c304.txt';
const example = readFileSync(join(repositoryRoot, 'example', exampleName), 'utf8');

/** A Linux path as Windows programs under Wine see it: on drive Z:. */
const windowsPathOf = (path: string) => `Z:${path.replaceAll('/', '\\')}`;
/** The URI VS Code on Windows writes for a file (vscode-uri takes the path with forward slashes). */
const editorUriOf = (path: string) => URI.file(`Z:${path}`).toString();

/**
 * `dist/server.js --socket=PORT` under Windows Node: its stdout cannot be a Linux pipe, so the test
 * listens first and the server connects (vscode-languageserver's socket transport).
 */
async function windowsServer(): Promise<ServerTransport> {
  if (!existsSync(windowsNode)) throw new Error(`${windowsNode} is missing: run "npm run test:windows" (scripts/windows/setup.mjs sets Wine up)`);
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run "npm run build" first`);
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  if (address === null || typeof address === 'string') throw new Error('no port to listen on');
  mkdirSync(join(cache, 'logs'), { recursive: true });
  const logPath = join(cache, 'logs', `server-${address.port}.log`);
  const log = openSync(logPath, 'w');
  const child = spawn('wine', [windowsNode, windowsPathOf(serverPath), `--socket=${address.port}`], {
    cwd: repositoryRoot,
    // Wine's temporary folder as scripts/windows/setup.mjs sets it: one Wine server for the prefix.
    env: { ...process.env, WINEDEBUG: '-all', WINEPREFIX: join(cache, 'prefix'), TMPDIR: join(cache, 'tmp') },
    stdio: ['ignore', log, log],
  });
  try {
    const socket = await new Promise<Socket>((resolve, reject) => {
      listener.once('connection', resolve);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the server under Windows Node exited (${code}) before it connected; its output: ${logPath}`)));
    });
    return { process: child, reader: new SocketMessageReader(socket), writer: new SocketMessageWriter(socket) };
  } finally {
    listener.close();
  }
}

const codesOf = (diagnostics: Array<{ code?: string | number }>) => diagnostics.map((diagnostic) => diagnostic.code);

describe('the language server under Windows Node, opened as VS Code on Windows opens files', () => {
  for (const folderName of ['harvest', 'M&E harvest (2024)']) {
    describe(`in a folder named "${folderName}" holding the example`, () => {
      let client: TestClient;
      let uri: string;
      let diagnostics: Diagnostic[];
      before(async () => {
        const folder = join(temporaryFolder('fragment-windows-'), folderName);
        mkdirSync(folder);
        copyFileSync(join(repositoryRoot, 'example', exampleName), join(folder, exampleName));
        uri = editorUriOf(join(folder, exampleName));
        ({ client } = await TestClient.start({
          transport: windowsServer,
          processId: null,
          folderUri: editorUriOf(folder),
          settings: { outcomeFragments: {}, 'files.exclude': {} },
          diagnostics: 'pull',
        }));
        // Answered once the folder is indexed: the file on disk is known before the editor opens it.
        await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
        await client.open(uri, example);
        diagnostics = await client.diagnosticsOf(uri, 1);
      });
      after(async () => {
        assert.equal(await client.stop(), 0);
      });

      it('gives the example’s own two problems: the file is not its own duplicate', (t) => {
        t.diagnostic(`diagnostics: ${codesOf(diagnostics).join(', ')}`);
        assert.deepEqual(codesOf(diagnostics), ['unknown-field', 'empty-field']);
      });

      it('counts one outcome for the one file in the harvest summary', async (t) => {
        const summary = await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
        t.diagnostic(`harvest summary: ${summary.totals.outcomes} outcome(s) in ${summary.files.length} file(s): ${summary.files.join(', ')}`);
        assert.equal(summary.totals.outcomes, 1);
        assert.deepEqual(summary.files, [uri]);
      });

      it('names the file once among the workspace files, as the editor names it', async (t) => {
        const files = await client.connection.sendRequest<string[]>(WORKSPACE_FILES_REQUEST);
        t.diagnostic(`workspace files: ${files.length}: ${files.join(', ')}`);
        const named = files.map((file) => URI.parse(file).toString());
        assert.equal(new Set(named).size, named.length, 'no file is named twice');
        assert.deepEqual(files, [uri]);
      });
    });
  }

  /** A client started on `folderUri` in pull mode, once the folder is indexed. */
  async function started(folderUri: string): Promise<TestClient> {
    const { client } = await TestClient.start({
      transport: windowsServer,
      processId: null,
      folderUri,
      settings: { outcomeFragments: {}, 'files.exclude': {} },
      diagnostics: 'pull',
    });
    await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
    return client;
  }

  it('knows a file opened under another casing (Windows disks ignore case) as the one file on disk', async (t) => {
    const folder = join(temporaryFolder('fragment-windows-'), 'M&E Harvest (2024)');
    mkdirSync(folder);
    copyFileSync(join(repositoryRoot, 'example', exampleName), join(folder, exampleName));
    const client = await started(editorUriOf(folder));
    // Wine, like Windows, finds the file whatever the case of its path.
    const uri = editorUriOf(join(folder, exampleName)).replace('M%26E%20Harvest', 'm%26e%20HARVEST').replace('.txt', '.TXT');
    await client.open(uri, example);
    const diagnostics = await client.diagnosticsOf(uri, 1);
    const summary = await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
    const files = await client.connection.sendRequest<string[]>(WORKSPACE_FILES_REQUEST);
    t.diagnostic(`diagnostics: ${codesOf(diagnostics).join(', ')}; summary: ${summary.totals.outcomes} outcome(s); workspace files: ${files.join(', ')}`);
    assert.deepEqual(codesOf(diagnostics), ['unknown-field', 'empty-field']);
    assert.equal(summary.totals.outcomes, 1);
    assert.deepEqual(files, [uri], 'named as the editor named it');
    assert.equal(await client.stop(), 0);
  });

  it('indexes a workspace folder at a drive root (E:\\, as a USB stick is)', async (t) => {
    // Drive E: of the suite's Wine prefix is a new folder: its root holds one fragment file.
    const root = temporaryFolder('fragment-windows-drive-');
    copyFileSync(join(repositoryRoot, 'example', exampleName), join(root, exampleName));
    const drive = join(cache, 'prefix', 'dosdevices', 'e:');
    rmSync(drive, { force: true });
    symlinkSync(root, drive);
    try {
      const client = await started('file:///e%3A/'); // as VS Code on Windows names E:\
      const files = await client.connection.sendRequest<string[]>(WORKSPACE_FILES_REQUEST);
      t.diagnostic(`workspace files: ${files.join(', ')}`);
      assert.deepEqual(files, [`file:///e%3A/${exampleName}`]);
      const uri = files[0] as string;
      await client.open(uri, example);
      assert.deepEqual(codesOf(await client.diagnosticsOf(uri, 1)), ['unknown-field', 'empty-field']);
      assert.equal(await client.stop(), 0);
    } finally {
      rmSync(drive, { force: true });
    }
  });
});
