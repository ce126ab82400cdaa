// What the release workflow (.github/workflows/release.yml) runs, offline: the marketplaces'
// command lines start (vsce packages the .vsix, ovsx answers), and each version's notes come
// from its section of CHANGELOG.md.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { temporaryFolder } from '../temporary-folders';

const repositoryRoot = join(__dirname, '..', '..');
const resolveBin = createRequire(join(repositoryRoot, 'package.json')).resolve;

describe('the release', () => {
  it('ovsx, the Open VSX publisher, runs offline', () => {
    const ovsx = spawnSync(process.execPath, [join(repositoryRoot, 'node_modules', 'ovsx', 'bin', 'ovsx'), '--help'], { encoding: 'utf8' });
    assert.equal(ovsx.status, 0, ovsx.stderr);
    assert.match(ovsx.stdout, /publish/);
  });

  it('vsce packages the .vsix offline', async () => {
    const folder = temporaryFolder('fragments-vsix-');
    const out = join(folder, 'outcome-fragments.vsix');
    // The Extensions page made here under a name of its own (vsce takes one inside the package): the other package tests write out/extension-page.md meanwhile.
    const { extensionPage } = (await import(pathToFileURL(join(repositoryRoot, 'scripts', 'extension-page.mjs')).href)) as {
      extensionPage: (readme: string, manifest: unknown) => string;
    };
    const page = join(repositoryRoot, 'out', `extension-page-${process.pid}.md`);
    mkdirSync(join(repositoryRoot, 'out'), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8'));
    writeFileSync(page, extensionPage(readFileSync(join(repositoryRoot, 'README.md'), 'utf8'), manifest));
    const vsce = [
      resolveBin('@vscode/vsce/vsce'),
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--readme-path',
      relative(repositoryRoot, page),
      '--out',
      out,
    ];
    try {
      const packaged = spawnSync(process.execPath, vsce, { cwd: repositoryRoot, encoding: 'utf8' });
      assert.equal(packaged.status, 0, packaged.stderr);
      assert.ok(existsSync(out));
      rmSync(out);
    } finally {
      rmSync(page, { force: true });
    }
  });

  it('takes a version’s notes from its section of CHANGELOG.md', async () => {
    const { releaseNotes } = (await import(pathToFileURL(join(repositoryRoot, 'scripts', 'release-notes.mjs')).href)) as {
      releaseNotes: (changelog: string, version: string) => string;
    };
    const changelog = '# Changelog\n\n## [Unreleased]\n\n- next\n\n## [0.2.0] - 2026-12-06\n\n### Added\n- New Outcome Fragment…\n\n## [0.1.0]\n\n- first\n';
    assert.equal(releaseNotes(changelog, '0.2.0'), '### Added\n- New Outcome Fragment…\n');
    assert.throws(() => releaseNotes(changelog, '9.9.9'), /no section ## \[9\.9\.9\]/);
    const ours = readFileSync(join(repositoryRoot, 'CHANGELOG.md'), 'utf8');
    assert.match(ours, /^## \[Unreleased\]$/m);
    // The version a tag of this commit would release has its notes.
    const { version } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };
    assert.match(releaseNotes(ours, version), /first version published/);
  });
});
