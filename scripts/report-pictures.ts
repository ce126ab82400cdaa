// Pictures of the harvest report for docs/ (FORMAT.md §10): a demonstration harvest of 24
// outcomes made from the shared example, its report written by the CLI (dist/cli.js), converted
// to PDF by LibreOffice, and its first two pages rendered to PNG by pdftoppm (poppler-utils).
// Usage: npm run build && npx tsx scripts/report-pictures.ts
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '..');
const example = readFileSync(join(root, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
const COUNTRIES = ['DR Congo', 'DR Congo', 'Uganda', 'Burundi', 'DR Congo', 'Kenya'];
const OBJECTIVES = ['CIV: Less suppression of civic space', 'PHR: Conflict transformation, peace and human rights'];
const ACTORS = ['Engaged citizens', 'Civil society organisations', 'Engaged citizens', 'Government actors'];
const RATINGS = ['high', 'medium', 'medium', 'low'];
const CONTRIBUTIONS = ['great', 'some', 'great', 'little'];
const CHANGES = ['Capacity change', 'Practice change', 'Capacity change, Relationship change', 'Policy change'];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.error?.message ?? result.stderr}`);
}

const work = mkdtempSync(join(tmpdir(), 'report-pictures-'));
const harvest = join(work, 'harvest');
mkdirSync(harvest);
for (let index = 0; index < 24; index++) {
  const objective = OBJECTIVES[index % 5 === 4 ? 1 : 0] as string;
  const text = example
    .replace('CIV021', `${objective.slice(0, 3)}${String(index + 1).padStart(3, '0')}`)
    .replace('**coutnry**: DR Congo', `**Country**: ${COUNTRIES[index % COUNTRIES.length]}`)
    .replace('**Year**: 2024', `**Year**: ${2022 + (index % 3)}`)
    .replace('CIV: Less suppression of civic space', objective)
    .replace('**Social actor**: Engaged citizens', `**Social actor**: ${ACTORS[index % ACTORS.length]}`)
    .replace('**Rating significance**: medium', `**Rating significance**: ${RATINGS[index % RATINGS.length]}`)
    .replace('**Rating contribution**: great', `**Rating contribution**: ${CONTRIBUTIONS[(index >> 1) % CONTRIBUTIONS.length]}`)
    .replace(
      '**Evidence supporting the outcome statement**: ',
      `**Evidence supporting the outcome statement**: ${index % 3 === 0 ? '' : 'Training report and attendance list'}`,
    )
    .replace('CONFIDENTIAL**: 1.0', `CONFIDENTIAL**: ${index % 6 === 5 ? 1 : 0}`)
    .replace(/\*\*MCQType of change\*\*: [^\n]*/, `**MCQType of change**: ${CHANGES[index % CHANGES.length]}`);
  writeFileSync(join(harvest, `row_${index + 1}.txt`), text);
}
const report = join(work, 'harvest-report.docx');
run(process.execPath, [join(root, 'dist', 'cli.js'), 'report', harvest, '--out', report]);
run('soffice', [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', work, report]);
for (const page of [1, 2]) {
  // One page at a time, named as given (pdftoppm pads page numbers otherwise).
  const picture = join(work, `page-${page}`);
  run('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', join(work, 'harvest-report.pdf'), picture]);
  copyFileSync(`${picture}.png`, join(root, 'docs', `report-page-${page}.png`));
}
console.log(`docs/report-page-1.png and docs/report-page-2.png, from ${report}`);
