import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../temporary-folders';
import { printed, printedPattern } from './printed-paths';
import { runCli as lint } from './run-cli';

const repositoryRoot = join(__dirname, '..', '..');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');

/** A harvest: round2 and round3 (with drafts), the example under a new FragmentID in each file. */
function harvest(configs: Record<string, unknown>): string {
  const folder = temporaryFolder('fragment-lint-config-');
  const files = ['round2/a.txt', 'round3/b.txt', 'round3/drafts/c.txt', 'round3/late/d.fragment'];
  files.forEach((name, index) => {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), example.replace('CIV021', `CIV${100 + index}`));
  });
  for (const [name, config] of Object.entries(configs)) writeFileSync(join(folder, name), typeof config === 'string' ? config : JSON.stringify(config));
  return folder;
}

const codesByFile = (stdout: string) => {
  const found: Record<string, string[]> = {};
  for (const line of stdout.trim().split('\n').slice(0, -1)) {
    const [where, , code] = line.split(' ');
    const file = (where ?? '').split(':')[0] as string;
    found[file] = [...(found[file] ?? []), code as string];
  }
  return found;
};

describe('fragment-lint finds the configuration as the editor does', () => {
  it('applies the nearest .fragmentrc.json to each file, its include and exclude to the files it searches, and its overrides by glob', () => {
    const folder = harvest({
      '.fragmentrc.json': {
        exclude: ['round3/drafts'],
        severities: { 'unknown-field': 'off' },
        overrides: [{ files: 'round3/**', fields: { 'Additional information (use if needed)': { required: true } }, severities: { 'empty-field': 'error' } }],
      },
      'round3/late/.fragmentrc.json': { severities: { 'empty-field': 'off' } },
    });
    const { code, stdout } = lint(['.'], folder);
    assert.equal(code, 1, stdout);
    assert.deepEqual(codesByFile(stdout), {
      [printed('round2/a.txt')]: ['empty-field'],
      // The override: empty evidence is an error there.
      [printed('round3/b.txt')]: ['empty-field'],
      // The nearer file alone applies: unknown-field is on again, empty-field off.
      [printed('round3/late/d.fragment')]: ['unknown-field'],
    });
    assert.match(stdout, new RegExp(`${printedPattern('round3/b.txt')}:16:3 error empty-field`));
    assert.match(stdout, /in 3 files\.\n$/, 'drafts are left out');
    // Named on the command line, an excluded file is checked: it was asked for.
    assert.match(lint(['round3/drafts/c.txt'], folder).stdout, /in 1 file\./);
    // A glob searches the same way.
    assert.deepEqual(Object.keys(codesByFile(lint(['round3/**/*.txt'], folder).stdout)), [printed('round3/b.txt')]);
  });

  it('lets --config override every nearest file', () => {
    const folder = harvest({ '.fragmentrc.json': { severities: { 'empty-field': 'off', 'unknown-field': 'off' } }, 'team.json': { include: ['round2'] } });
    assert.equal(lint(['.'], folder).stdout, 'No problems in 4 files.\n');
    const configured = lint(['--config', 'team.json', '.'], folder);
    assert.deepEqual(codesByFile(configured.stdout), { [printed('round2/a.txt')]: ['unknown-field', 'empty-field'] });
  });

  it('stops with the problems of a broken .fragmentrc.json it found, and exit code 2', () => {
    const folder = harvest({ 'round3/.fragmentrc.json': '{\n  "exclude": "drafts"\n}\n' });
    const { code, stderr } = lint(['.'], folder);
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`${printedPattern('round3/.fragmentrc.json')}:2:3 error exclude: `));
  });
});
