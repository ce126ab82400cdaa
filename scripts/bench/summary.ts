// The harvest summary's request time (fragments/harvestSummary) on a workspace of 2,000 fragment
// files, once the server has indexed it; called from bench.ts.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol';
import { HARVEST_CHANGED_NOTIFICATION, HARVEST_SUMMARY_REQUEST, type HarvestSummary } from '../../server/src/protocol';
import { TestClient } from '../../test/protocol/lsp-client';
import { fragmentText } from './corpus';

const FILES = 2_000;
const RUNS = 10;

type Record = (what: string, value: string, target?: { text: string; met: boolean }) => void;

/** Writes the workspace once (kept between runs; a marker says it is complete). */
function ensureWorkspace(folder: string, examplePath: string): void {
  const marker = join(folder, '.workspace');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(FILES)) return;
  rmSync(folder, { recursive: true, force: true });
  const example = readFileSync(examplePath, 'utf8');
  for (let index = 0; index < FILES; index++) {
    const file = fragmentText(example, index);
    const path = join(folder, file.name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.text);
  }
  writeFileSync(marker, String(FILES));
}

export async function benchSummary(cache: string, examplePath: string, record: Record): Promise<void> {
  const folder = join(cache, 'summary-workspace');
  ensureWorkspace(folder, examplePath);
  const started = performance.now();
  const { client } = await TestClient.start({ folder, settings: { outcomeFragments: {}, 'files.exclude': {} } });
  // The first answer waits for the index: the server's start, a walk of the folder and a check of every file.
  const first = await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
  const indexed = performance.now() - started;
  if (first.totals.outcomes !== FILES) throw new Error(`the summary counts ${first.totals.outcomes} outcomes, not ${FILES}`);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const before = performance.now();
    await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
    times.push(performance.now() - before);
  }
  // After a change (an open file typed in), the summary is made again: the case the view and the dashboard meet.
  const example = readFileSync(examplePath, 'utf8');
  const typed = fragmentText(example, 0);
  const uri = pathToFileURL(join(folder, typed.name)).toString();
  await client.open(uri, typed.text);
  const afterChange: number[] = [];
  for (let version = 2; version < RUNS + 2; version++) {
    const changed = new Promise<void>((resolve) => {
      const subscription = client.connection.onNotification(HARVEST_CHANGED_NOTIFICATION, () => {
        subscription.dispose();
        resolve();
      });
    });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text: version % 2 ? typed.text.replace('**Year**: ', '**Year**: 1') : typed.text }],
    });
    await changed;
    const before = performance.now();
    await client.connection.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
    afterChange.push(performance.now() - before);
  }
  await client.stop();
  afterChange.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const slowest = times.at(-1) as number;
  const slowestAfterChange = afterChange.at(-1) as number;
  record(`harvest summary, ${FILES.toLocaleString('en')} files: index built (start to first answer)`, `${indexed.toFixed(0)} ms`);
  record(`harvest summary request after the index (median / slowest of ${RUNS})`, `${(times[RUNS / 2] as number).toFixed(1)} / ${slowest.toFixed(1)} ms`, {
    text: 'at most 100 ms',
    met: slowest <= 100,
  });
  record(
    `harvest summary request after a file changed (median / slowest of ${RUNS})`,
    `${(afterChange[RUNS / 2] as number).toFixed(1)} / ${slowestAfterChange.toFixed(1)} ms`,
    { text: 'at most 100 ms', met: slowestAfterChange <= 100 },
  );
}
