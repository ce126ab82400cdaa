import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc/node';
import { HARVEST_ERROR_CODE, IMPORT_WORKBOOK_REQUEST, type ImportWorkbookParams, type ImportWorkbookResult } from '../../server/src/protocol';
import { temporaryFolder } from '../temporary-folders';
import { bombXlsx, manyRowsXlsx } from '../unit/workbook-bombs';
import { fixtureXlsx } from '../unit/workbook-fixture';
import { cliPath } from './cli-harvest-helpers';
import { fileUri, TestClient } from './lsp-client';

/**
 * Issue 24's two workbooks, as users would meet them: a 1.2 MB .xlsx whose sheet unpacks to
 * 1.2 GB, and a workbook of 400,000 rows. Each is refused by `fragments import` in under 10 s and
 * 300 MB, saying which limit and how to raise it, writing nothing; the language server refuses
 * them too and goes on answering.
 */
const MAX_MS = 10_000;
const MAX_BYTES = 300_000_000;

const BOMB = 'the workbook unpacks to 1201 MB, more than the limit of 200 MB an import reads: nothing was imported. If the file is right';
const ROWS = 'the sheet "Master dataset" has 400000 rows, more than the limit of 50000 an import reads: nothing was imported. If the sheet is right';

describe('a zip bomb and a sheet of 400,000 rows', () => {
  const folder = temporaryFolder('fragments-bombs-');
  before(() => {
    writeFileSync(join(folder, 'bomb.xlsx'), bombXlsx(1200));
    writeFileSync(join(folder, 'rows.xlsx'), manyRowsXlsx(400_000));
  });

  for (const [name, message, flag] of [
    ['bomb.xlsx', BOMB, '--max-unpacked-mb 1201'],
    ['rows.xlsx', ROWS, '--max-rows 400000'],
  ] as const) {
    it(`fragments import refuses ${name} in under 10 s and 300 MB, naming the limit and its flag, writing nothing`, () => {
      const peakFile = join(folder, `${name}.peak`);
      const started = performance.now();
      const result = spawnSync(process.execPath, ['-r', join(__dirname, 'peak-memory.cjs'), cliPath, 'import', name, '--out', `out-${name}`], {
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, FRAGMENT_PEAK_MEMORY_FILE: peakFile },
      });
      const ms = performance.now() - started;
      const peak = Number(readFileSync(peakFile, 'utf8'));
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stderr, `fragments import: ${name}: ${message}, import it again with ${flag}\n`);
      assert.equal(existsSync(join(folder, `out-${name}`)), false, 'nothing written');
      assert.ok(ms < MAX_MS, `${ms.toFixed(0)} ms`);
      assert.ok(peak < MAX_BYTES, `${(peak / 1e6).toFixed(0)} MB`);
      process.stdout.write(`# fragments import ${name}: ${ms.toFixed(0)} ms, peak RSS ${(peak / 1e6).toFixed(0)} MB\n`);
    });
  }

  it('the language server refuses both, naming the settings, and goes on importing', async () => {
    const { client } = await TestClient.start({ folder });
    try {
      const params = (name: string): ImportWorkbookParams => ({ workbook: fileUri(join(folder, name)), folder: fileUri(join(folder, `editor-${name}`)) });
      for (const [name, message, setting] of [
        ['bomb.xlsx', BOMB, 'set "outcomeFragments.import.maxUnpackedMB" to 1201 or more'],
        ['rows.xlsx', ROWS, 'set "outcomeFragments.import.maxRows" to 400000 or more'],
      ] as const) {
        await assert.rejects(
          client.connection.sendRequest(IMPORT_WORKBOOK_REQUEST, params(name)),
          (error: unknown) =>
            error instanceof ResponseError &&
            error.code === HARVEST_ERROR_CODE &&
            error.message === `${message}, ${setting} in the settings and import it again`,
        );
        assert.equal(existsSync(join(folder, `editor-${name}`)), false);
      }
      // The limits are the request's (the client sends the settings): raised, the rows are read.
      writeFileSync(join(folder, 'master.xlsx'), await fixtureXlsx());
      await assert.rejects(
        client.connection.sendRequest(IMPORT_WORKBOOK_REQUEST, { ...params('master.xlsx'), dryRun: true, maxRows: 4 }),
        /has 5 rows, more than the limit of 4/,
      );
      const done = await client.connection.sendRequest<ImportWorkbookResult>(IMPORT_WORKBOOK_REQUEST, params('master.xlsx'));
      assert.equal(done.written, true, 'the server survived both and still imports');
    } finally {
      await client.stop();
    }
  });
});
