import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const repositoryRoot = join(__dirname, '..', '..');

/** What `npm run package` puts in the .vsix: everything the extension needs, nothing of the repository's own. */
describe('the extension package', () => {
  it('holds the bundles, the grammar, the snippets, the schema, the webviews’ media and the README’s pictures, and nothing else', () => {
    const listed = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: repositoryRoot, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.trim().split('\n').sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/client.js',
      'dist/media/dashboard.js',
      'dist/server.js',
      'docs/FORMAT.md',
      'docs/screenshot-completion.png',
      'docs/screenshot-dashboard.png',
      'docs/screenshot-diagnostics.png',
      'docs/screenshot-harvest-view.png',
      'docs/screenshot-preview.png',
      'docs/screenshot-quickfix.png',
      'language-configuration.json',
      'media/dashboard.css',
      'media/harvest.svg',
      'media/preview.css',
      'media/preview.js',
      'package.json',
      'schemas/fragmentrc.schema.json',
      'snippets/fragment.json',
      'syntaxes/fragment.tmLanguage.json',
    ]);
  });
});
