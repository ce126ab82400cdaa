import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';

const repositoryRoot = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(repositoryRoot, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const lockfile = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
const oldestNode = semver.minVersion(manifest.engines.node)?.version ?? '';

/** The Node.js the project says it needs is the one every installed package accepts, and the one the docs and CI name. */
describe('engines', () => {
  it(`every package in the lockfile runs on the oldest Node.js package.json allows (${oldestNode}): npm ci prints no EBADENGINE`, () => {
    const refusing = Object.entries(lockfile.packages)
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node && !semver.satisfies(oldestNode, entry.engines.node))
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')} wants node ${(entry.engines as { node: string }).node}`);
    assert.deepEqual(refusing, []);
  });

  it('README, CONTRIBUTING and CI name the same Node.js', () => {
    const stated = `Node.js ${oldestNode.replace(/\.0$/, '')} or later`;
    assert.ok(read('README.md').includes(stated), `README.md says "${stated}"`);
    assert.ok(read('CONTRIBUTING.md').includes(stated), `CONTRIBUTING.md says "${stated}"`);
    assert.match(read('.ci/run'), /npm ci --engine-strict/, 'CI refuses a Node.js that package.json or a dependency does not accept');
  });
});
