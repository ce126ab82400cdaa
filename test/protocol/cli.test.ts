import assert from 'node:assert/strict';
import fs, { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../server/src/cli';
import { temporaryFolder } from '../temporary-folders';
import { printed, printedPattern } from './printed-paths';
import { runCli as lint } from './run-cli';

const repositoryRoot = join(__dirname, '..', '..');
const examplePath = join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt');
const fixture = (name: string) => join(repositoryRoot, 'test', 'fixtures', name);

/** Runs `node dist/cli.js` as a user would, in `cwd`. */
/** A temporary harvest folder holding copies of the given files. */
function harvest(files: Record<string, string>): string {
  const folder = temporaryFolder('fragment-lint-');
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    copyFileSync(source, join(folder, name));
  }
  return folder;
}

describe('fragment-lint', () => {
  it('prints the example’s two problems like a compiler and exits 0 (warnings only)', () => {
    const folder = harvest({ 'examples/000_88eaf67a59f4c304.txt': examplePath });
    const { code, stdout } = lint(['examples'], folder);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        `${printed('examples/000_88eaf67a59f4c304.txt')}:4:3 warning unknown-field Unknown field "coutnry". Did you mean "Country"?`,
        `${printed('examples/000_88eaf67a59f4c304.txt')}:16:3 warning empty-field Required field "Evidence supporting the outcome statement" is empty.`,
        '2 problems (2 warnings) in 1 file.',
        '',
      ].join('\n'),
    );
  });

  it('--fix on a copy leaves only the empty evidence, and rewrites only the files that change', () => {
    const folder = harvest({ 'example.txt': examplePath });
    // Another outcome: the same FragmentID in two files of one run would be a duplicate-id.
    writeFileSync(join(folder, 'clean.fragment'), readFileSync(fixture('valid.fragment'), 'utf8').replace('/CIV021', '/CIV099'));
    const cleanBefore = statSync(join(folder, 'clean.fragment')).mtimeMs;
    const { code, stdout } = lint(['--fix', '.'], folder);
    assert.equal(code, 0);
    assert.match(stdout, /^clean\.fragment|^example\.txt:16:3 warning empty-field/m);
    assert.match(stdout, /1 problem \(1 warning\) in 2 files\. Fixed 1 problem in 1 file: 1 unknown-field\.\n$/);
    assert.equal(readFileSync(join(folder, 'example.txt'), 'utf8'), readFileSync(examplePath, 'utf8').replace('**coutnry**', '**Country**'));
    assert.equal(statSync(join(folder, 'clean.fragment')).mtimeMs, cleanBefore, 'an unchanged file is not written');
    assert.deepEqual(
      readdirSync(folder).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file is left',
    );
  });

  it('--fix keeps CRLF line ends and the BOM', () => {
    const folder = temporaryFolder('fragment-lint-');
    const text = readFileSync(fixture('crlf-bom.fragment'), 'utf8').replace('**Year**: 2024', '**Year**: 2024.0');
    writeFileSync(join(folder, 'a.fragment'), text);
    assert.equal(lint(['--fix', 'a.fragment'], folder).code, 0);
    assert.equal(readFileSync(join(folder, 'a.fragment'), 'utf8'), readFileSync(fixture('crlf-bom.fragment'), 'utf8'));
  });

  it('prints JSON with 1-based positions', () => {
    const folder = harvest({ 'a.txt': examplePath });
    const { code, stdout, stderr } = lint(['--format', 'json', 'a.txt'], folder);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout)[0], {
      file: 'a.txt',
      line: 4,
      column: 3,
      endLine: 4,
      endColumn: 10,
      severity: 'warning',
      code: 'unknown-field',
      message: 'Unknown field "coutnry". Did you mean "Country"?',
    });
    assert.match(stderr, /2 problems/);
  });

  it('exits 1 when a file has an error, and reports unreadable and non-UTF-8 files without stopping', () => {
    const folder = harvest({ 'bad.fragment': fixture('invalid-value-choice.fragment'), 'ok.fragment': fixture('valid.fragment') });
    writeFileSync(join(folder, 'latin1.fragment'), Buffer.from('**FragmentID**: caf\xe9\n', 'latin1'));
    const { code, stdout } = lint(['.'], folder);
    assert.equal(code, 1);
    // The fixture is confidential (flag 1.0): the value is not shown, what is wrong is said in words.
    assert.match(
      stdout,
      /^bad\.fragment:9:26 error invalid-value The value of "Rating significance" is not one of the allowed values \(low, medium, high\)\. The fix changes it to "medium"\.$/m,
    );
    assert.match(stdout, /^latin1\.fragment:1:1 error unreadable-file Cannot read this file: not valid UTF-8 text\./m);
    assert.match(stdout, /in 3 files\.$/m);
  });

  it('searches folders for .fragment files and FragmentID .txt files, and takes globs', () => {
    const folder = harvest({
      'round3/a.txt': examplePath,
      'round3/deep/b.fragment': fixture('valid.fragment'),
      'round3/notes.txt': join(repositoryRoot, 'example', 'README.md'),
      'round4/c.txt': examplePath,
    });
    assert.match(lint(['round3'], folder).stdout, /in 2 files\.$/m);
    const globbed = lint(['round*/*.txt'], folder).stdout;
    assert.match(globbed, new RegExp(`^${printedPattern('round3/a.txt')}:4:3`, 'm'));
    assert.match(globbed, new RegExp(`^${printedPattern('round4/c.txt')}:4:3`, 'm'));
    assert.match(globbed, /in 2 files\.$/m);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(lint([], repositoryRoot).code, 2);
    assert.equal(lint(['--format', 'xml', 'example'], repositoryRoot).code, 2);
    assert.equal(lint(['--unknown'], repositoryRoot).code, 2);
    const missing = lint(['no-such-folder'], repositoryRoot);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: no-such-folder/);
    assert.equal(lint(['--help'], repositoryRoot).code, 0);
  });

  it('applies a configuration: low accepted as a contribution rating, the stale-story check off', () => {
    const folder = temporaryFolder('fragment-lint-');
    const text = readFileSync(fixture('stale-merged-story.fragment'), 'utf8').replace('**Rating contribution**: great', '**Rating contribution**: low');
    writeFileSync(join(folder, 'a.fragment'), text);
    assert.match(lint(['a.fragment'], folder).stdout, /invalid-value[^\n]*\n[^\n]*stale-merged-story/);
    writeFileSync(
      join(folder, 'team.json'),
      JSON.stringify({ fields: { 'Rating contribution': { addValues: ['low'] } }, severities: { 'stale-merged-story': 'off' } }),
    );
    const configured = lint(['--config', 'team.json', 'a.fragment'], folder);
    assert.equal(configured.stdout, 'No problems in 1 file.\n');
  });

  it('reports a broken configuration on its own line and exits 2', () => {
    const folder = temporaryFolder('fragment-lint-');
    writeFileSync(join(folder, 'a.fragment'), readFileSync(fixture('valid.fragment')));
    writeFileSync(join(folder, 'team.json'), '{\n  "severities": {\n    "empty-field": "off",,\n  }\n}\n');
    const { code, stderr } = lint(['--config', 'team.json', 'a.fragment'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /team\.json:3:26 error Syntax error: property name expected\n$/);
  });
});

describe('fragment-lint and confidentiality', () => {
  const messages = (text: string) => {
    const folder = temporaryFolder('fragment-lint-');
    writeFileSync(join(folder, 'a.fragment'), text);
    return lint(['a.fragment'], folder).stdout;
  };
  const withCountry = readFileSync(fixture('invalid-value-vocabulary.fragment'), 'utf8');

  it('shows no value of a confidential fragment (flag 1, empty or invalid) in its report', () => {
    for (const flag of ['1.0', '', 'maybe']) {
      const text = withCountry.replace('**Outcome statements is CONFIDENTIAL**: 1.0', `**Outcome statements is CONFIDENTIAL**: ${flag}`);
      const report = messages(text);
      assert.match(
        report,
        /invalid-value A value of "Country" is not listed, but is close to "DR Congo"\. The fix changes it to "DR Congo"\./,
        `flag "${flag}"`,
      );
      assert.doesNotMatch(report, /<redacted>/, `flag "${flag}": no message says nothing`);
      assert.doesNotMatch(report, /DR Cong"/, `flag "${flag}"`);
    }
  });

  it('shows the values of a fragment that may be shared (flag 0)', () => {
    assert.match(messages(withCountry.replace('CONFIDENTIAL**: 1.0', 'CONFIDENTIAL**: 0')), /invalid-value "DR Cong" is not a listed value/);
  });
});

describe('fragment-lint on files it cannot or need not touch', () => {
  it('skips a .txt in another encoding that is no fragment file', () => {
    const folder = harvest({ 'a.fragment': fixture('value-format.fragment') });
    writeFileSync(join(folder, 'notes.txt'), Buffer.from('R\xe9union notes\n', 'latin1'));
    const { code, stdout } = lint(['.'], folder);
    assert.equal(code, 0);
    assert.match(stdout, /in 1 file\.$/m);
  });

  it('reports a file it cannot write, leaves it as it was, and goes on', (t) => {
    const folder = harvest({ 'a.fragment': fixture('value-format.fragment'), 'b.fragment': fixture('value-format.fragment') });
    const before = readFileSync(join(folder, 'a.fragment'), 'utf8');
    // As root (CI) no file mode stops a write: make the disk refuse instead, in this process.
    t.mock.method(fs, 'renameSync', () => {
      throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    });
    let output = '';
    const code = main(['--fix', '.'], folder, (text) => {
      output += text;
    });
    assert.equal(code, 1);
    assert.match(output, /^a\.fragment:1:1 error unwritable-file Cannot write the fixes: EROFS\./m);
    assert.match(output, /^b\.fragment:1:1 error unwritable-file/m);
    assert.equal(readFileSync(join(folder, 'a.fragment'), 'utf8'), before);
    assert.deepEqual(
      readdirSync(folder).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file is left',
    );
  });
});
