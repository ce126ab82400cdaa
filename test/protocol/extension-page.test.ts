import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';

const repositoryRoot = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8'));

/**
 * What VS Code's Extensions view shows of an installed extension's page: its sanitizer keeps
 * only http: and https: sources (a relative path, a data: or file: URI is removed), and the
 * page's Content-Security-Policy (`img-src https: data:`) loads no http: picture. So a picture
 * displays only from https:, and a link works only to http(s), mailto or an anchor.
 */
function unshowable(markdown: string): string[] {
  const problems: string[] = [];
  const visit = (tokens: ReturnType<MarkdownIt['parse']>) => {
    for (const token of tokens) {
      if (token.type === 'image' && !/^https:/i.test(token.attrGet('src') ?? '')) problems.push(`picture ${token.attrGet('src')}`);
      if (token.type === 'link_open' && !/^(https?:|mailto:|#)/i.test(token.attrGet('href') ?? '')) problems.push(`link ${token.attrGet('href')}`);
      if (token.type === 'html_block' || token.type === 'html_inline') {
        for (const [, tag, source] of token.content.matchAll(/<(img|source|video|image)\b[^>]*?\b(?:src|srcset|href)\s*=\s*["']?([^"'\s>]*)/gi)) {
          if (!/^https:/i.test(source ?? '')) problems.push(`picture <${tag}> ${source}`);
        }
      }
      if (token.children) visit(token.children);
    }
  };
  visit(new MarkdownIt({ html: true }).parse(markdown, {}));
  return problems;
}

describe('the Extensions page of the installed extension', () => {
  it('is the page `npm run package` makes from the README’s user guide, not the README', () => {
    const readmePath = /--readme-path\s+(\S+)/.exec(manifest.scripts.package)?.[1];
    assert.ok(readmePath, 'npm run package passes --readme-path to vsce');
    const made = spawnSync(process.execPath, [join(repositoryRoot, 'scripts', 'extension-page.mjs')], { cwd: repositoryRoot, encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const page = readFileSync(join(repositoryRoot, readmePath), 'utf8');

    assert.deepEqual(unshowable(page), [], 'every picture and link of the page can be shown by the installed extension');
    // What a user needs, and none of the developer's set-up.
    for (const section of ['## A short tour', '## The merged story preview', '## On the command line: `fragment-lint`', '## Commands', '## Settings']) {
      assert.ok(page.includes(section), `the page has "${section}"`);
    }
    // Titles are `%key%` references to package.nls.json: the page shows the English text.
    const strings = JSON.parse(readFileSync(join(repositoryRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const command of manifest.contributes.commands) {
      const title = strings[command.title.replace(/^%(.*)%$/, '$1')] ?? command.title;
      assert.ok(page.includes(title), `the page lists the command "${title}"`);
    }
    for (const setting of Object.keys(manifest.contributes.configuration.properties)) assert.ok(page.includes(`\`${setting}\``), `the page lists ${setting}`);
    assert.doesNotMatch(page, /npm ci|npm test|npm start/, 'no developer set-up on the page');
  });

  it('flags what the installed page cannot show (the check itself)', () => {
    assert.deepEqual(
      unshowable(
        [
          '![relative](docs/screenshot.png)',
          '![inline](data:image/png;base64,iVBORw0KGgo=)',
          '![plain http](http://example.org/a.png)',
          '<img src="media/icon.png">',
          '[the format](docs/FORMAT.md)',
          '![fine](https://example.org/a.png) [fine](https://example.org) [fine](#commands)',
        ].join('\n\n'),
      ),
      [
        'picture docs/screenshot.png',
        'picture data:image/png;base64,iVBORw0KGgo=',
        'picture http://example.org/a.png',
        'picture <img> media/icon.png',
        'link docs/FORMAT.md',
      ],
    );
  });

  it('has an icon of its own: a 128x128 PNG in the package', () => {
    const png = readFileSync(join(repositoryRoot, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'width and height (IHDR)');
  });
});
