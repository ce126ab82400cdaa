// Import and export of a 2,000-row master workbook, against exceljs's own read and write of the
// same workbook: the cost of the mapping, the checks and the atomic writes on top of the library.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { Row } from '../../server/src/core/harvest/cells';
import { readHarvest } from '../../server/src/core/harvest/harvest-fragments';
import { masterSheet } from '../../server/src/core/harvest/master-layout';
import { createFragmentService } from '../../server/src/core/service';
import type { HarvestPipeline } from '../../server/src/node/harvest-pipeline';
import { buildProduction } from './production';

const ROWS = 2000;
const RUNS = 3;

type Record = (what: string, value: string, target?: { text: string; met: boolean }) => void;

interface Timing {
  /** Median wall time of the runs. */
  wallMs: number;
  /** Median CPU time of the runs (user and system, every thread of this process): what load on the machine changes least. */
  cpuMs: number;
}

/** The medians of `runs` runs of `work`, after one run that warms it up. */
async function timed(work: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  await work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await work();
    walls.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
  return { wallMs: median(walls), cpuMs: median(cpus) };
}

/** The master workbook of 2,000 outcomes: the shared example's row with its ID and year varied, every outcome public. */
function masterRows(example: string): Row[] {
  const service = createFragmentService({ reuseChunks: false });
  const texts = Array.from({ length: ROWS }, (_, index) => ({
    name: `row_${index + 1}.txt`,
    text: example
      .replace('CIV021', `CIV${String(index).padStart(5, '0')}`)
      .replace('**Year**: 2024', `**Year**: ${2018 + (index % 7)}`)
      .replace('CONFIDENTIAL**: 1.0', 'CONFIDENTIAL**: 0'),
  }));
  return [...masterSheet(readHarvest(texts, service.schema, service.index).fragments, service.schema).rows];
}

async function writeWithExcelJs(rows: readonly Row[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('harvest');
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * `harvest` is the production bundle users run (dist/harvest.js, built into the bench's folder);
 * the mappings in it are timed as they ship, not as tsx compiles the sources.
 */
export async function benchWorkbook(record: Record, cache: string, examplePath: string, harvest: string): Promise<void> {
  const { exportHarvest, importWorkbookFile } = require(harvest) as HarvestPipeline;
  const folder = join(cache, 'workbook');
  // An earlier run's folder is moved aside, and deleted only once everything is timed (why: see the import below).
  const earlier = `${folder}.earlier-${process.pid}`;
  if (existsSync(folder)) renameSync(folder, earlier);
  mkdirSync(folder, { recursive: true });
  const rows = masterRows(readFileSync(examplePath, 'utf8'));
  const workbookPath = join(folder, 'master.xlsx');
  writeFileSync(workbookPath, await writeWithExcelJs(rows));
  const service = createFragmentService({ reuseChunks: false });

  const libraryRead = await timed(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(workbookPath) as never);
    return workbook.worksheets[0]?.getSheetValues();
  });
  const libraryWrite = await timed(() => writeWithExcelJs(rows).then((bytes) => writeFileSync(join(folder, 'library.xlsx'), bytes)));
  // Each import writes all 2,000 files into a new, empty folder: the worst case. No file is deleted
  // before or between the runs: on an ext4 without a journal (this VM's disk), each file created
  // then costs a scan past every inode of its group deleted in the last 30 s (find_inode_bit,
  // recently_deleted in a perf profile): quadratic in the files just deleted, and no cost of the
  // import. The imports and the earlier run's folder are deleted once everything is timed.
  let imports = 0;
  const importMs = await timed(() => importWorkbookFile(workbookPath, join(folder, `import-${++imports}`), { service }));
  const exportMs = await timed(() => exportHarvest([join(folder, 'import-1')], join(folder, 'export.xlsx'), { service, layout: 'master' }));
  for (let run = 1; run <= imports; run++) rmSync(join(folder, `import-${run}`), { recursive: true, force: true });
  rmSync(earlier, { recursive: true, force: true });

  const ms = (timing: Timing) => `${timing.wallMs.toFixed(0)} ms (${timing.cpuMs.toFixed(0)} ms of work)`;
  record(`(d) exceljs reads the ${ROWS}-row workbook`, ms(libraryRead));
  record(`(e) fragments import of it (${ROWS} files written)`, ms(importMs));
  record(`(f) exceljs writes the ${ROWS}-row workbook`, ms(libraryWrite));
  record(`(g) fragments export of the ${ROWS} files`, ms(exportMs));
  const importRatio = importMs.wallMs / libraryRead.wallMs;
  const exportRatio = exportMs.wallMs / libraryWrite.wallMs;
  const ofWork = (over: Timing, under: Timing) => `(of work: ${(over.cpuMs / under.cpuMs).toFixed(2)})`;
  record('e/d (import over the library’s read)', `${importRatio.toFixed(2)} ${ofWork(importMs, libraryRead)}`, { text: 'at most 2', met: importRatio <= 2 });
  record('g/f (export over the library’s write)', `${exportRatio.toFixed(2)} ${ofWork(exportMs, libraryWrite)}`, { text: 'at most 2', met: exportRatio <= 2 });
}

if (require.main === module) {
  // `tsx scripts/bench/workbook.ts`: this part of the benchmark alone.
  const root = join(__dirname, '..', '..');
  const cache = join(root, '.cache', 'bench');
  void benchWorkbook(
    (what, value, target) => console.log(`${what}  ${value}${target ? `  ${target.met ? 'ok' : 'MISSED'} (target: ${target.text})` : ''}`),
    cache,
    join(root, 'example', '000_88eaf67a59f4c304.txt'),
    join(buildProduction(root, cache), 'harvest.js'),
  );
}
