import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import {
  EXPORT_HARVEST_REQUEST,
  type ExportHarvestParams,
  type ExportHarvestResult,
  HARVEST_ERROR_CODE,
  HARVEST_PROGRESS_NOTIFICATION,
  type HarvestProgressParams,
  IMPORT_WORKBOOK_REQUEST,
  type ImportWorkbookParams,
  type ImportWorkbookResult,
} from '../../server/src/protocol';
import { awkwardFolder } from '../temporary-folders';
import { fixtureXlsx } from '../unit/workbook-fixture';
import { fileUri, TestClient } from './lsp-client';

const repositoryRoot = join(__dirname, '..', '..');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
const url = (path: string) => fileUri(path);

describe('the harvest requests of the language server', () => {
  let client: TestClient;
  let folder: string;
  before(async () => {
    folder = awkwardFolder('requests');
    ({ client } = await TestClient.start({ folder }));
  });
  after(async () => {
    await client.stop();
  });

  it('fragments/importWorkbook plans with dryRun, then imports; a damaged workbook is refused with its reason', async () => {
    writeFileSync(join(folder, 'master.xlsx'), await fixtureXlsx());
    const params: ImportWorkbookParams = { workbook: url(join(folder, 'master.xlsx')), folder: url(join(folder, 'harvest')) };
    const plan = await client.connection.sendRequest<ImportWorkbookResult>(IMPORT_WORKBOOK_REQUEST, { ...params, dryRun: true });
    assert.deepEqual(plan.created, ['row_1.txt', 'row_2.txt', 'row_4.txt']);
    assert.equal(plan.written, false);
    assert.equal(existsSync(join(folder, 'harvest')), false);
    const done = await client.connection.sendRequest<ImportWorkbookResult>(IMPORT_WORKBOOK_REQUEST, params);
    assert.equal(done.written, true);
    assert.deepEqual(readdirSync(join(folder, 'harvest')).sort(), ['row_1.txt', 'row_2.txt', 'row_4.txt']);

    writeFileSync(join(folder, 'damaged.xlsx'), 'PK\u0003\u0004 not really');
    await assert.rejects(
      client.connection.sendRequest(IMPORT_WORKBOOK_REQUEST, { ...params, workbook: url(join(folder, 'damaged.xlsx')) }),
      (error: unknown) => error instanceof ResponseError && error.code === HARVEST_ERROR_CODE && /not a readable \.xlsx workbook/.test(error.message),
    );
  });

  it('fragments/exportHarvest reports its progress, and a cancelled export writes nothing', async () => {
    const harvest = join(folder, 'big');
    mkdirSync(harvest);
    for (let index = 0; index < 2000; index++) {
      writeFileSync(join(harvest, `row_${index + 1}.txt`), example.replace('CIV021', `CIV${index}`).replace('CONFIDENTIAL**: 1.0', 'CONFIDENTIAL**: 0'));
    }
    const progress: HarvestProgressParams[] = [];
    const listening = client.connection.onNotification(HARVEST_PROGRESS_NOTIFICATION, (params: HarvestProgressParams) => {
      progress.push(params);
    });
    const params: ExportHarvestParams = {
      paths: [url(harvest)],
      output: url(join(folder, 'big.xlsx')),
      layout: 'master',
      includeConfidential: false,
      progressToken: 'p1',
    };
    const result = await client.connection.sendRequest<ExportHarvestResult>(EXPORT_HARVEST_REQUEST, params);
    assert.equal(result.fragments, 2000);
    assert.deepEqual(result.files, [url(join(folder, 'big.xlsx'))]);
    assert.deepEqual(progress.at(-1), { token: 'p1', done: 2000, total: 2000 });
    listening.dispose();

    const cancellation = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest(EXPORT_HARVEST_REQUEST, { ...params, output: url(join(folder, 'cancelled.xlsx')) }, cancellation.token);
    cancellation.cancel();
    await assert.rejects(cancelled, (error: unknown) => error instanceof ResponseError && error.code === -32800);
    assert.equal(existsSync(join(folder, 'cancelled.xlsx')), false);
    assert.deepEqual(
      readdirSync(folder).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });
});
