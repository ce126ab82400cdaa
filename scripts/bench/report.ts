// The harvest report of 2,000 outcomes (FORMAT.md §10), from the production bundle users run
// (dist/report.js): the whole .docx and .md, and what its parts cost (the charts, the writer).
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createFragmentService } from '../../server/src/core/service';
import type { ReportPipeline } from '../../server/src/node/report-pipeline';
import { buildProduction } from './production';

const OUTCOMES = 2000;
const RUNS = 3;
const COUNTRIES = ['DR Congo', 'Uganda', 'Kenya', 'Burundi', 'South Sudan', 'Ethiopia', 'Somalia'];
/** What a user waits for, at most, before the report of a large harvest is written. */
const REPORT_TARGET_MS = 10_000;

type Record = (what: string, value: string, target?: { text: string; met: boolean }) => void;

/** The harvest: the shared example's outcome 2,000 times, its ID, year and country varied (its misspelt key corrected), every outcome public. */
function writeHarvest(folder: string, example: string): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < OUTCOMES; index++) {
    const text = example
      .replace('CIV021', `CIV${String(index).padStart(5, '0')}`)
      .replace('**Year**: 2024', `**Year**: ${2018 + (index % 7)}`)
      .replace('**coutnry**: DR Congo', `**Country**: ${COUNTRIES[index % COUNTRIES.length]}`)
      .replace('CONFIDENTIAL**: 1.0', 'CONFIDENTIAL**: 0');
    writeFileSync(join(folder, `row_${index + 1}.txt`), text);
  }
}

async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const walls: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work();
    walls.push(performance.now() - started);
  }
  return [...walls].sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

export async function benchReport(record: Record, cache: string, examplePath: string, production: string): Promise<void> {
  const pipeline = require(join(production, 'report.js')) as ReportPipeline;
  const folder = join(cache, 'report');
  const harvest = join(folder, 'harvest');
  writeHarvest(harvest, readFileSync(examplePath, 'utf8'));
  const service = createFragmentService({ reuseChunks: false });
  const options = { service, language: 'en-US', includeUnanonymised: true };
  const docx = join(folder, 'report.docx');
  const docxMs = await median(() => pipeline.reportHarvest([harvest], docx, options));
  const markdownMs = await median(() => pipeline.reportHarvest([harvest], join(folder, 'report.md'), options));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const bundle = join(production, 'report.js');
  const sizes = [
    `report.js ${kb(statSync(bundle).size)} (${kb(gzipSync(readFileSync(bundle), { level: 9 }).length)} gzipped)`,
    `resvg.wasm ${kb(statSync(join(production, 'resvg.wasm')).size)}`,
    `DejaVuSans.ttf ${kb(statSync(join(production, 'fonts', 'DejaVuSans.ttf')).size)}`,
  ];
  record('report bundle (loaded only to make a report)', sizes.join(', '));
  record(`(r) fragments report of ${OUTCOMES} outcomes, .docx (${kb(statSync(docx).size)})`, `${docxMs.toFixed(0)} ms`, {
    text: `at most ${REPORT_TARGET_MS / 1000} s`,
    met: docxMs <= REPORT_TARGET_MS,
  });
  record(`(r') the same as Markdown with its charts`, `${markdownMs.toFixed(0)} ms`, {
    text: `at most ${REPORT_TARGET_MS / 1000} s`,
    met: markdownMs <= REPORT_TARGET_MS,
  });
  rmSync(folder, { recursive: true, force: true });
}

if (require.main === module) {
  // `tsx scripts/bench/report.ts`: this part of the benchmark alone.
  const root = join(__dirname, '..', '..');
  const cache = join(root, '.cache', 'bench');
  void benchReport(
    (what, value, target) => console.log(`${what}  ${value}${target ? `  ${target.met ? 'ok' : 'MISSED'} (target: ${target.text})` : ''}`),
    cache,
    join(root, 'example', '000_88eaf67a59f4c304.txt'),
    buildProduction(root, cache),
  );
}
