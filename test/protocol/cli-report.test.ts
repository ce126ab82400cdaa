// `fragments report` (FORMAT.md §10): the report of a harvest folder as Markdown and .docx, its
// gate (confidential and un-anonymised outcomes counted, not quoted, unless included), French,
// and its failures, which write nothing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPORT_FILES } from '../report-files';
import { temporaryFolder } from '../temporary-folders';
import { fragments } from './cli-harvest-helpers';

const NEVER_QUOTED = /CIV777|Hidden hamlet|CIV030|Nyota|\+256/;

function harvest(): string {
  const folder = temporaryFolder('fragments-report-');
  mkdirSync(join(folder, 'M&E harvest (2024)'));
  for (const file of REPORT_FILES) writeFileSync(join(folder, 'M&E harvest (2024)', file.name), file.text);
  return folder;
}

describe('fragments report', () => {
  it('writes the Markdown report: the shareable outcomes quoted, the others counted and named as left out', () => {
    const folder = harvest();
    const run = fragments(['report', 'M&E harvest (2024)', '--out', 'report.md'], folder);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Wrote the report of 5 outcomes from 5 files to .*report\.md\. /);
    assert.match(run.stdout, /1 confidential outcome is counted but not quoted \(--include-confidential quotes it\)\./);
    assert.match(run.stdout, /1 outcome that may still name someone is counted but not quoted \(--include-unanonymised quotes it\)\.\n$/);
    const markdown = readFileSync(join(folder, 'report.md'), 'utf8');
    assert.match(markdown, /^# Outcome Harvest report\n/);
    for (const id of ['CIV002', 'CIV021', 'PHR003']) assert.match(markdown, new RegExp(`#### SCC-\\\\<redacted\\\\>/${id}\n`));
    assert.doesNotMatch(markdown, NEVER_QUOTED);
    assert.match(
      markdown,
      /### Outcomes per country\n\n!\[Outcomes per country: the table below has the figures\]\(<report-charts\/02-country\.png>\)\n\n\| Country \| Outcomes \|/,
    );
    // Every chart a link names is a PNG beside the report.
    const links = [...markdown.matchAll(/!\[[^\]]*\]\(<([^>]+)>\)/g)].map((match) => decodeURIComponent(match[1] as string));
    assert.ok(links.length >= 5, `${links.length} charts`);
    for (const link of links) assert.equal(readFileSync(join(folder, link)).subarray(1, 4).toString('latin1'), 'PNG', link);
    assert.deepEqual(readdirSync(join(folder, 'report-charts')).length, links.length);
  });

  it('writes the .docx, and quotes what the user includes', async () => {
    const folder = harvest();
    const run = fragments(['report', 'M&E harvest (2024)', '--out', 'report.docx', '--include-confidential', '--include-unanonymised'], folder);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Wrote the report of 5 outcomes from 5 files to .*report\.docx\.\n$/);
    const mammoth = await import('mammoth');
    const html = (await mammoth.convertToHtml({ path: join(folder, 'report.docx') })).value;
    for (const id of ['CIV002', 'CIV021', 'CIV030', 'CIV777', 'PHR003']) assert.match(html, new RegExp(`/${id}</h3>`));
    assert.match(html, /CIV777<\/h3><p><strong>Confidential<\/strong><\/p>/);
  });

  it('speaks French with --locale fr, the values as written', () => {
    const folder = harvest();
    const run = fragments(['report', 'M&E harvest (2024)', '--out', 'rapport.md', '--locale', 'fr'], folder);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Rapport de 5 résultats tirés de 5 fichiers écrit dans /);
    const markdown = readFileSync(join(folder, 'rapport.md'), 'utf8');
    assert.match(markdown, /^# Rapport de la récolte des résultats\n\n## Périmètre\n/);
    assert.match(markdown, /### Résultats par pays\n/);
    assert.match(markdown, /### CIV: Less suppression of civic space\n/);
  });

  it('writes a French Word document: French headings and chart texts, the values as written, the language fr-FR', async () => {
    const folder = harvest();
    const run = fragments(['report', 'M&E harvest (2024)', '--out', 'rapport.docx', '--locale', 'fr'], folder);
    assert.equal(run.code, 0, run.stderr);
    const mammoth = await import('mammoth');
    const html = (await mammoth.convertToHtml({ path: join(folder, 'rapport.docx') })).value;
    // mammoth reads Word's Title style as a paragraph, and Heading 1 as <h1>.
    assert.match(html, /^<p>Rapport de la récolte des résultats<\/p><h1>Périmètre<\/h1><ul><li><strong>Fichiers : <\/strong>5<\/li>/);
    assert.match(html, /<h2>Résultats par pays<\/h2><p><img alt="Résultats par pays : le tableau ci-dessous donne les chiffres"/);
    assert.match(html, /<h2>CIV: Less suppression of civic space<\/h2>/);
    const zip = await import('jszip');
    const styles = await (await zip.default.loadAsync(readFileSync(join(folder, 'rapport.docx')))).file('word/styles.xml')?.async('string');
    assert.match(styles ?? '', /<w:lang w:val="fr-FR"/);
  });

  it('writes nothing when it cannot: an unknown format, no fragments, bad usage', () => {
    const folder = harvest();
    mkdirSync(join(folder, 'empty'));
    const pdf = fragments(['report', 'M&E harvest (2024)', '--out', 'report.pdf'], folder);
    assert.deepEqual([pdf.code, pdf.stderr], [1, `fragments report: the report ${join(folder, 'report.pdf')} must end in .docx or .md\n`]);
    const empty = fragments(['report', 'empty', '--out', 'report.md'], folder);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /^fragments report: no fragment files in /);
    const usage = fragments(['report', '--out', 'report.md'], folder);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /name the folders \(or files\) of fragments to report on\n\nUsage: fragments report/);
    assert.deepEqual(readdirSync(folder).sort(), ['M&E harvest (2024)', 'empty'], 'no report, no temporary file');
    assert.ok(!existsSync(join(folder, 'report.md')));
  });

  it('writes neither the Markdown nor its charts when the charts cannot be written', () => {
    const folder = harvest();
    writeFileSync(join(folder, 'report-charts'), 'a file where the charts’ folder would be');
    const run = fragments(['report', 'M&E harvest (2024)', '--out', 'report.md'], folder);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /^fragments report: .*report-charts/);
    assert.deepEqual(readdirSync(folder).sort(), ['M&E harvest (2024)', 'report-charts']);
    assert.equal(readFileSync(join(folder, 'report-charts'), 'utf8'), 'a file where the charts’ folder would be');
  });

  it('explains itself with --help', () => {
    const help = fragments(['report', '--help'], harvest());
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: fragments report DIR\.\.\. --out FILE\.docx\|FILE\.md/);
  });
});
