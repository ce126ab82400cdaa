import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { expandPaths } from '../../server/src/cli/files';
import { loadConfig } from '../../server/src/core/schema/config';
import { configScope } from '../../server/src/core/schema/file-scope';
import { portableGlob } from '../../server/src/core/schema/portable-glob';
import { fragmentFilesMatching, globParts, globToRegExp } from '../../server/src/node/fragment-files';
import { LintConfiguration } from '../../server/src/node/lint-config';
import { temporaryFolder } from '../temporary-folders';

const fragment = (id: string) => `**FragmentID**: ${id}\n`;

/** reports/2024/a.txt, reports/2024/b.txt, reports/2023/c.txt, report[1].txt, report1.txt, drafts/d.txt */
function harvest(): string {
  const folder = temporaryFolder('fragments-globs-');
  for (const [path, id] of [
    ['reports/2024/a.txt', 'SCC-DRC/CIV001'],
    ['reports/2024/b.txt', 'SCC-DRC/CIV002'],
    ['reports/2023/c.txt', 'SCC-DRC/CIV003'],
    ['report[1].txt', 'SCC-DRC/CIV004'],
    ['report1.txt', 'SCC-DRC/CIV005'],
    ['drafts/d.txt', 'SCC-DRC/CIV006'],
  ] as const) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), fragment(id));
  }
  return folder;
}

describe('globs written with \\ (Windows): a folder separator, unless it escapes a glob character a file name can hold', () => {
  it('reads \\ as / except before [ ] { } ( ) ! + @ ,', () => {
    assert.equal(portableGlob('reports\\2024\\*.txt'), 'reports/2024/*.txt', '\\* separates: no Windows file name holds a *');
    assert.equal(portableGlob('round3\\**'), 'round3/**');
    assert.equal(portableGlob('a\\?.txt'), 'a/?.txt');
    assert.equal(portableGlob('reports\\\\2024'), 'reports/2024', 'a run of \\ is one separator');
    assert.equal(portableGlob('.\\drafts\\'), './drafts/');
    assert.equal(portableGlob('report\\[1\\].txt'), 'report\\[1\\].txt', 'an escape stays one');
    assert.equal(portableGlob('notes\\\\{a,b\\}'), 'notes/{a,b\\}');
    assert.equal(portableGlob('reports/2024/*.txt'), 'reports/2024/*.txt', '/ as it was');
    assert.equal(portableGlob('ends\\'), 'ends/');
  });

  it('include, exclude and overrides of .fragmentrc.json match with \\ as with /', () => {
    const config = loadConfig(
      JSON.stringify({
        include: ['reports\\2024\\*.txt', 'report\\[1\\].txt', 'drafts\\'],
        exclude: ['.\\drafts\\d.txt'],
        overrides: [{ files: ['reports\\**'], severities: { 'empty-field': 'error' } }],
      }),
    );
    assert.deepEqual(config.problems, []);
    const scope = configScope(config);
    assert.equal(scope.isIncluded('reports/2024/a.txt'), true);
    assert.equal(scope.isIncluded('reports/2023/c.txt'), false);
    assert.equal(scope.isIncluded('report[1].txt'), true, 'the escaped [ ] match themselves');
    assert.equal(scope.isIncluded('report1.txt'), false);
    assert.equal(scope.isIncluded('drafts/d.txt'), false, 'excluded with .\\');
    assert.equal(scope.settingsFor('reports/2023/c.txt').severities['empty-field'], 'error');
    assert.equal(scope.settingsFor('report1.txt').severities['empty-field'], undefined);
  });

  it("fragment-lint's own glob arguments: reports\\2024\\*.txt, as typed in cmd.exe or PowerShell", () => {
    const folder = harvest();
    const names = (paths: readonly string[]) => paths.map((path) => relative(folder, path).split('\\').join('/'));
    assert.deepEqual(globParts('reports\\2024\\*.txt'), { fixed: 'reports/2024', rest: '*.txt' });
    assert.deepEqual(names(fragmentFilesMatching('reports\\2024\\*.txt', folder)), ['reports/2024/a.txt', 'reports/2024/b.txt']);
    assert.deepEqual(names(fragmentFilesMatching('reports\\**\\*.txt', folder)), ['reports/2023/c.txt', 'reports/2024/a.txt', 'reports/2024/b.txt']);
    assert.deepEqual(names(fragmentFilesMatching('report\\[1\\].txt', folder)), ['report[1].txt']);
    assert.equal(globToRegExp('report\\[1\\].txt').test('report[1].txt'), true);
    assert.equal(globToRegExp('report\\[1\\].txt').test('report1.txt'), false);
    const candidates = expandPaths(['reports\\2024\\*.txt'], folder, new LintConfiguration(folder));
    assert.deepEqual(
      candidates.map((candidate) => [names([candidate.path])[0], relative(folder, candidate.searchedFrom)]),
      [
        ['reports/2024/a.txt', join('reports', '2024')],
        ['reports/2024/b.txt', join('reports', '2024')],
      ],
    );
  });
});
