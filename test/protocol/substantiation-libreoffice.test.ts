// A form saved by another spreadsheet program (FORMAT.md §9): LibreOffice Calc opens a form and
// saves it again, as a substantiator would, and its drop-down lists and answers survive. Linux
// only (the Windows suite runs cli*.test.ts): LibreOffice is not there under Wine.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { sofficeProgram } from '../report-readers';
import { temporaryFolder } from '../temporary-folders';
import { fragments } from './cli-harvest-helpers';
import { fillIn, formIds, harvest, statuses } from './substantiation-helpers';

/** `path` saved again as .xlsx by LibreOffice Calc, into `folder`; the new file's path. */
function savedByLibreOffice(path: string, folder: string): string {
  // A profile of its own: two conversions at once (or a LibreOffice the user has open) do not share one.
  const profile = pathToFileURL(temporaryFolder('libreoffice-profile-')).href;
  const saved = spawnSync(
    sofficeProgram(),
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx:Calc Office Open XML', '--outdir', folder, path],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const file = join(folder, basename(path));
  // LibreOffice exits 0 even when it cannot load the file (no Calc installed): the file tells.
  assert.ok(
    saved.status === 0 && existsSync(file),
    `LibreOffice Calc (apt-get install libreoffice-calc-nogui) did not save ${file}: ${saved.error?.message ?? ''}${saved.stdout}${saved.stderr}`,
  );
  return file;
}

const FORM = join('forms', 'substantiation-Journalist.xlsx');
const prepare = (folder: string) =>
  fragments(
    ['substantiate', 'prepare', '.', '--out', 'forms', '--sample', '1', '--per', 'objective', '--seed', 'calc', '--substantiator', 'Journalist'],
    folder,
  );

describe('a form saved by LibreOffice Calc', () => {
  it('keeps its instructions and its three drop-down lists, and an unanswered form imports nothing', async () => {
    const folder = harvest();
    assert.equal(prepare(folder).code, 0);
    const saved = savedByLibreOffice(join(folder, FORM), join(folder, 'saved'));
    assert.notDeepEqual(readFileSync(saved), readFileSync(join(folder, FORM)), 'LibreOffice wrote a file of its own');
    const zip = await JSZip.loadAsync(readFileSync(saved));
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    assert.match(workbookXml, /<sheet [^>]*name="Instructions"[^>]*\/><sheet [^>]*name="Outcomes"/);
    const outcomesXml = (await zip.file('xl/worksheets/sheet2.xml')?.async('string')) ?? '';
    assert.equal((outcomesXml.match(/<dataValidation [^>]*type="list"/g) ?? []).length, 3, outcomesXml.slice(0, 2000));
    assert.deepEqual(await formIds(saved), await formIds(join(folder, FORM)));

    const imported = fragments(['substantiate', 'import', saved, '--into', '.'], folder);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Outcomes answered: 0 .*Files changed: 0\./);
    assert.equal(Object.values(statuses(folder)).filter((status) => status === 'sent').length, 4);
  });

  it('brings back the answers of a form it saved: answered, and the disagreement kept', async () => {
    const folder = harvest();
    assert.equal(prepare(folder).code, 0);
    const [civ, phr, gen, ext] = (await formIds(join(folder, FORM))) as [string, string, string, string];
    await fillIn(join(folder, FORM), {
      [civ]: ['fully agree', 'fully agree', 'fully agree', ''],
      [phr]: ['fully agree', 'disagree', 'partially agree', 'Écrit « à la main » — 2024'],
      [gen]: ['partially agree', 'fully agree', "don't know", ''],
      [ext]: ['fully agree', 'fully agree', 'fully agree', 'Line one.\nLine two.'],
    });
    const saved = savedByLibreOffice(join(folder, FORM), join(folder, 'returned'));
    const imported = fragments(['substantiate', 'import', saved, '--into', '.'], folder);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Outcomes answered: 4 \(agreed: 2, partly agreed: 1, disagreed: 1\)\. Rows left unanswered: 0\. Files changed: 4\./);
    assert.equal(Object.values(statuses(folder)).filter((status) => status === 'answered').length, 4);
    const lint = fragments(['.', '--format', 'json'], folder);
    assert.match(lint.stdout, /substantiation-disagrees/);
    const texts = Object.keys(statuses(folder)).map((name) => readFileSync(join(folder, name), 'utf8'));
    assert.ok(
      texts.some((text) => text.includes("**Substantiator's comments**: Écrit « à la main » — 2024\n")),
      'the comment as typed',
    );
  });
});
