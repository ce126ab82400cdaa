// The harvest report (FORMAT.md §10): its model counts every outcome and quotes only those it
// may; its Markdown shows hostile text as written; its .docx reads back, with an independent
// reader, with the tables and every quoted FragmentID, and LibreOffice converts it to PDF.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { reportMarkdown } from '../../server/src/core/report/report-markdown';
import { documentLanguage } from '../../server/src/core/report/report-model';
import { chartResources } from '../../server/src/node/chart-resources';
import { reportCharts } from '../../server/src/report/report-charts';
import { reportDocx } from '../../server/src/report/report-docx';
import { pythonProgram, sofficeProgram } from '../report-readers';
import { temporaryFolder } from '../temporary-folders';
import { repositoryRoot } from './helpers';
import { fixtureReport, HOSTILE } from './report-fixture';

const QUOTED = ['CIV002', 'CIV021', 'PHR003'];
/** What the fixture's confidential outcome and its outcome naming someone hold that no other does. */
const NEVER_QUOTED = /CIV777|Hidden hamlet|CIV030|Nyota|\+256/;

describe('the report’s model', () => {
  it('counts every outcome, quotes only the shareable ones, by objective and FragmentID', () => {
    const report = fixtureReport();
    assert.equal(report.totals.find((line) => line.label === 'Outcomes')?.value, '5');
    assert.deepEqual(
      report.objectives.map((group) => [group.objective, group.outcomes.map((outcome) => outcome.id.slice(-6))]),
      [
        ['CIV: Less suppression of civic space', ['CIV002', 'CIV021']],
        ['PHR: Conflict transformation, peace and human rights', ['PHR003']],
      ],
    );
    assert.doesNotMatch(JSON.stringify(report), NEVER_QUOTED);
    assert.equal(report.leftOut.length, 2);
    assert.ok(!report.tables.some((table) => table.id === 'problems'), 'the writer’s problems are not the evaluation’s findings');
    assert.deepEqual(report.scope.slice(2), [
      { label: 'Period', value: '2022–2024' },
      { label: 'Countries', value: 'DR Congo, Uganda' },
    ]);
  });

  it('quotes confidential and un-anonymised outcomes only when included, the confidential marked', () => {
    const report = fixtureReport({ includeConfidential: true, includeUnanonymised: true });
    const outcomes = report.objectives.flatMap((group) => group.outcomes);
    assert.deepEqual(outcomes.map((outcome) => [outcome.id.slice(-6), outcome.confidential]).sort(), [
      ['CIV002', false],
      ['CIV021', false],
      ['CIV030', false],
      ['CIV777', true],
      ['PHR003', false],
    ]);
    assert.deepEqual(report.leftOut, []);
    assert.match(reportMarkdown(report), /#### SCC-\\<redacted\\>\/CIV777\n\n\*\*Confidential\*\*\n/);
  });

  it('keeps every redaction of the stored story, and the substantiators’ answers', () => {
    const outcome = fixtureReport().objectives[0]?.outcomes[0];
    assert.match(outcome?.story[0]?.text ?? '', /digitized its data <redacted> systems/);
    assert.deepEqual(
      outcome?.details.filter((line) => line.label.startsWith('Substantiation')),
      [
        { label: 'Substantiation status', value: 'answered' },
        { label: 'Substantiation of the description', value: 'fully agree' },
        { label: 'Substantiation of the significance', value: 'partially agree' },
        { label: 'Substantiation of the contribution', value: 'fully agree' },
      ],
    );
  });

  it('names its language as Word does', () => {
    assert.deepEqual(['fr', 'fr_BE.UTF-8', 'en', 'en-GB', 'de', 'C', 'bundle'].map(documentLanguage), [
      'fr-FR',
      'fr-BE',
      'en-US',
      'en-GB',
      'de',
      'en-US',
      'en-US',
    ]);
  });
});

describe('the report as Markdown', () => {
  it('shows hostile values as written: no HTML, no link, no emphasis, no heading', () => {
    const markdown = reportMarkdown(fixtureReport());
    const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    assert.doesNotMatch(html, /<script|<a |<em>bold|<h\d>not a heading/);
    const paragraph = html.split('\n').find((line) => line.includes('alert(1)')) ?? '';
    const shown = paragraph
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    assert.equal(shown, `Outcome description: ${HOSTILE}`);
  });
});

/** python-docx (Debian's python3-docx), the system's Python: a reader that shares no code with ours. */
function pythonDocx(path: string): {
  paragraphs: Array<{ style: string | null; text: string }>;
  tables: string[][][];
  pictures: number;
  language: string | null;
} {
  const python = pythonProgram();
  const read = spawnSync(python, [join(repositoryRoot, 'test', 'unit', 'read-docx.py'), path], { encoding: 'utf8' });
  assert.equal(read.status, 0, `python-docx could not read the report (apt-get install python3-docx): ${read.error?.message ?? read.stderr}`);
  return JSON.parse(read.stdout);
}

describe('the report as a Word document', () => {
  it('reads back with python-docx: headings, the tables and their charts, every quoted FragmentID, nothing it may not quote', async () => {
    const folder = temporaryFolder('fragments-report-');
    const path = join(folder, 'report.docx');
    const report = fixtureReport({ language: 'fr-FR' });
    writeFileSync(path, await reportDocx(report, await reportCharts(report, chartResources())));
    const read = pythonDocx(path);
    assert.equal(read.language, 'fr-FR');
    assert.equal(read.pictures, report.tables.length, 'one chart per table');
    assert.deepEqual(read.paragraphs[0], { style: 'Title', text: 'Outcome Harvest report' });
    const headings = read.paragraphs.filter((paragraph) => paragraph.style === 'Heading 3').map((paragraph) => paragraph.text.slice(-6));
    assert.deepEqual(headings, QUOTED);
    assert.deepEqual(read.tables[1], [
      ['Country', 'Outcomes'],
      ['DR Congo', '3'],
      ['Other (confidential)', '1'],
      ['Uganda', '1'],
    ]);
    const everything = JSON.stringify(read);
    assert.doesNotMatch(everything, NEVER_QUOTED);
    assert.ok(everything.includes(JSON.stringify(HOSTILE).slice(1, -1)), 'the hostile text as written');
  });

  it('reads back with mammoth, and keeps a value that XML cannot hold readable', async () => {
    const mammoth = await import('mammoth');
    const report = fixtureReport();
    const withControl = { ...report, title: 'Report\u0007 of \uFFFF the harvest' };
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await reportDocx(withControl)) })).value;
    assert.match(html, /<h1>Report\uFFFD of \uFFFD the harvest<\/h1>|Report\uFFFD of \uFFFD the harvest/);
    assert.equal((html.match(/<table>/g) ?? []).length, report.tables.length + (report.matrix ? 1 : 0));
    for (const id of QUOTED) assert.match(html, new RegExp(`SCC-&lt;redacted&gt;/${id}`));
  });

  it('converts to PDF with LibreOffice without an error', async () => {
    const folder = temporaryFolder('fragments-report-pdf-');
    const path = join(folder, 'report.docx');
    const report = fixtureReport({ includeConfidential: true });
    writeFileSync(path, await reportDocx(report, await reportCharts(report, chartResources())));
    // A profile of its own: two conversions at once (or a LibreOffice the user has open) do not share one.
    const profile = pathToFileURL(join(folder, 'profile')).href;
    const converted = spawnSync(sofficeProgram(), [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, path], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(converted.status, 0, `LibreOffice (apt-get install libreoffice-writer-nogui): ${converted.error?.message ?? converted.stderr}`);
    const pdf = readFileSync(join(folder, 'report.pdf'));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length > 10_000, `${pdf.length} bytes`);
  });
});
