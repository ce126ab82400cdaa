import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const repositoryRoot = join(__dirname, '..', '..');

/** The walkthrough's pictures, one per step in each display language, as package.nls*.json name them. */
const walkthroughImages = ['package.nls.json', 'package.nls.fr.json'].flatMap((file) =>
  Object.entries(JSON.parse(readFileSync(join(repositoryRoot, file), 'utf8')) as Record<string, string>)
    .filter(([key]) => /^walkthrough\.\w+\.image$/.test(key))
    .map(([, image]) => image),
);

/** What `npm run package` puts in the .vsix: everything the extension needs, nothing of the repository's own. */
describe('the extension package', () => {
  it('holds the bundles, the grammar, the snippets, the schema, the preview’s media, the icon, the walkthrough’s example and pictures and the Extensions page, and nothing else', () => {
    const made = spawnSync(process.execPath, [join(repositoryRoot, 'scripts', 'extension-page.mjs')], { cwd: repositoryRoot, encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const vsce = [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies', '--readme-path', 'out/extension-page.md'];
    const listed = spawnSync(process.execPath, vsce, { cwd: repositoryRoot, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.trim().split('\n').sort();
    assert.equal(walkthroughImages.length, 12, 'six steps, in English and in French');
    assert.deepEqual(
      files,
      [
        'CHANGELOG.md',
        'LICENSE',
        'dist/browser/client.js',
        'dist/browser/harvest.js',
        'dist/browser/report.js',
        'dist/browser/server.js',
        'dist/client.js',
        'dist/config.js',
        'dist/fonts/DejaVuSans.ttf',
        'dist/fonts/LICENSE.txt',
        'dist/harvest.js',
        'dist/language-server.js',
        'dist/media/dashboard.js',
        'dist/phones.js',
        'dist/places.json',
        'dist/report.js',
        'dist/resvg.wasm',
        'dist/server.js',
        'docs/FORMAT.md',
        'example/000_88eaf67a59f4c304.txt',
        'l10n/bundle.l10n.fr.json',
        'l10n/bundle.l10n.json',
        'language-configuration.json',
        'media/dashboard.css',
        'media/harvest.svg',
        'media/icon.png',
        'media/preview.css',
        'media/preview.js',
        'out/extension-page.md',
        'package.json',
        'package.nls.fr.json',
        'package.nls.json',
        'schemas/fragmentrc.schema.json',
        'snippets/fragment.json',
        'syntaxes/fragment.tmLanguage.json',
        ...walkthroughImages,
      ].sort(),
    );
  });
});

/** What `npm pack` (and so `npm install --global`) ships: fragment-lint and the language server, nothing of the extension, the sources or the tests. */
describe('the npm package', () => {
  it('holds the CLI, the server, the format, the schema and the usual files', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repositoryRoot, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const [tarball] = JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>;
    assert.deepEqual(tarball?.files.map((file) => file.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/config.js',
      'dist/fonts/DejaVuSans.ttf',
      'dist/fonts/LICENSE.txt',
      'dist/harvest.js',
      'dist/language-server.js',
      'dist/phones.js',
      'dist/places.json',
      'dist/report.js',
      'dist/resvg.wasm',
      'dist/server.js',
      'docs/FORMAT.md',
      'l10n/bundle.l10n.fr.json',
      'package.json',
      'schemas/fragmentrc.schema.json',
    ]);
  });
});
