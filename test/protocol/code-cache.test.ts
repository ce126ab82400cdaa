import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { serverPath } from './lsp-client';

/**
 * dist/server.js keeps a V8 code cache of the language server in the user's temporary folder
 * (server/src/node/start.ts). Each test gives the server a temporary folder of its own (TMPDIR).
 */
describe('the server’s code cache', () => {
  const temporaryFolders: string[] = [];
  after(() => {
    for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
  });

  function freshTemporaryFolder(): { tmp: string; cacheFolder: string } {
    const tmp = mkdtempSync(join(tmpdir(), 'fragment-code-cache-test-'));
    temporaryFolders.push(tmp);
    return { tmp, cacheFolder: join(tmp, `outcome-fragments-code-cache-${process.getuid?.() ?? 'user'}`) };
  }

  /** Starts the server as an editor does, waits for its `initialize` reply, and ends it with shutdown and exit. */
  async function startAndEnd(tmp: string): Promise<{ capabilities: unknown; exitCode: number | null; stderr: string }> {
    const server = spawn(process.execPath, [process.env.FRAGMENT_SERVER_PATH ?? serverPath, '--stdio'], { env: { ...process.env, TMPDIR: tmp } });
    let stdout = '';
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const send = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    const reply = new Promise<{ result?: { capabilities?: unknown } }>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Content-Length: (\d+)\r\n\r\n/.exec(stdout);
        if (!match) return;
        const start = match.index + match[0].length;
        const body = Buffer.from(stdout.slice(start));
        if (body.length >= Number(match[1])) resolve(JSON.parse(body.subarray(0, Number(match[1])).toString()));
      });
      void exited.then(() => reject(new Error(`the server exited before it answered initialize: ${stderr}`)));
    });
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const answer = await reply;
    send({ id: 2, method: 'shutdown' });
    send({ method: 'exit' });
    return { capabilities: answer.result?.capabilities, exitCode: await exited, stderr };
  }

  const cacheFiles = (folder: string) => readdirSync(folder).sort();

  it('is written by the first start, then read, not written again, by the next', async () => {
    const { tmp, cacheFolder } = freshTemporaryFolder();
    const first = await startAndEnd(tmp);
    assert.ok(first.capabilities, first.stderr);
    assert.equal(first.exitCode, 0, first.stderr);
    const [cacheFile, ...others] = cacheFiles(cacheFolder);
    assert.match(cacheFile ?? '', /^[0-9a-f]{16}\.cache$/);
    assert.deepEqual(others, [], 'one cache file, no temporary file left');
    assert.equal(statSync(cacheFolder).mode & 0o777, 0o700, 'a folder of the user’s own');
    const written = statSync(join(cacheFolder, cacheFile as string)).mtimeMs;

    const second = await startAndEnd(tmp);
    assert.ok(second.capabilities, second.stderr);
    assert.equal(second.exitCode, 0, second.stderr);
    assert.deepEqual(cacheFiles(cacheFolder), [cacheFile]);
    assert.equal(statSync(join(cacheFolder, cacheFile as string)).mtimeMs, written, 'a cache that was used is not written again');
  });

  it('a new cache removes those no start has written for a month (older versions’), and keeps the others', async () => {
    const { tmp, cacheFolder } = freshTemporaryFolder();
    mkdirSync(cacheFolder, { mode: 0o700 });
    const old = join(cacheFolder, '0123456789abcdef.cache');
    const recent = join(cacheFolder, 'fedcba9876543210.cache');
    writeFileSync(old, 'an old version’s');
    writeFileSync(recent, 'another version’s, in use');
    const fortyDaysAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(old, fortyDaysAgo, fortyDaysAgo);
    const started = await startAndEnd(tmp);
    assert.equal(started.exitCode, 0, started.stderr);
    const files = cacheFiles(cacheFolder);
    assert.equal(files.length, 2);
    assert.ok(!files.includes('0123456789abcdef.cache'));
    assert.ok(files.includes('fedcba9876543210.cache'));
  });

  it('a damaged cache file is not used: the server starts and writes a good one in its place', async () => {
    const { tmp, cacheFolder } = freshTemporaryFolder();
    await startAndEnd(tmp);
    const [cacheFile] = cacheFiles(cacheFolder);
    const path = join(cacheFolder, cacheFile as string);
    const good = readFileSync(path);
    writeFileSync(path, Buffer.from('not a code cache at all'));
    const started = await startAndEnd(tmp);
    assert.ok(started.capabilities, started.stderr);
    assert.equal(started.exitCode, 0, started.stderr);
    const rewritten = readFileSync(path);
    assert.ok(rewritten.length > 1000, 'rewritten');
    assert.deepEqual(rewritten.subarray(0, 8), good.subarray(0, 8), 'a code cache like the first (its header)');
  });

  it('a cache folder that others can write to is not used (a planted cache would run as the user)', async () => {
    const { tmp, cacheFolder } = freshTemporaryFolder();
    mkdirSync(cacheFolder);
    chmodSync(cacheFolder, 0o777);
    const started = await startAndEnd(tmp);
    assert.ok(started.capabilities, started.stderr);
    assert.equal(started.exitCode, 0, started.stderr);
    assert.deepEqual(cacheFiles(cacheFolder), [], 'nothing read or written there');
  });
});
