import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { languageOf } from '../../server/src/core/l10n/display-language';
import { analyze, readExample, repositoryRoot, service } from './helpers';

const folder = join(repositoryRoot, 'l10n');
const read = (name: string): Record<string, string> => JSON.parse(readFileSync(join(folder, name), 'utf8'));
const english = read('bundle.l10n.json');
const translations = readdirSync(folder).filter((name) => /^bundle\.l10n\.[a-z-]+\.json$/.test(name));

/** The placeholders of a message (`{0}`, `{name}`), and the Markdown a translation must keep (`**{0}**`). */
const placeholders = (message: string) => [...message.matchAll(/\{[^}]+\}/g)].map((found) => found[0]).sort();

describe('translations', () => {
  it('exist: French at least', () => {
    assert.ok(translations.includes('bundle.l10n.fr.json'), translations.join(', '));
  });

  for (const name of translations) {
    it(`${name} has every string of the English bundle, with the same placeholders, and no other`, () => {
      const translated = read(name);
      const missing = Object.keys(english).filter((key) => typeof translated[key] !== 'string' || translated[key] === '');
      assert.deepEqual(missing, [], `missing from ${name}`);
      assert.deepEqual(
        Object.keys(translated).filter((key) => !(key in english)),
        [],
        `in ${name} but no longer in the English bundle (npm run generate)`,
      );
      const dropped = Object.keys(english).filter((key) => placeholders(key).join() !== placeholders(translated[key] as string).join());
      assert.deepEqual(dropped, [], `placeholders differ in ${name}`);
    });
  }
});

describe('the manifest’s strings (package.nls.json)', () => {
  const manifestText = readFileSync(join(repositoryRoot, 'package.json'), 'utf8');
  const nls = JSON.parse(readFileSync(join(repositoryRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const frenchNls = JSON.parse(readFileSync(join(repositoryRoot, 'package.nls.fr.json'), 'utf8')) as Record<string, string>;

  it('every %key% of package.json has its English text, and every command and setting is translatable', () => {
    const references = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((found) => found[1] as string);
    assert.deepEqual(
      references.filter((key) => !(key in nls)),
      [],
    );
    const manifest = JSON.parse(manifestText);
    const literal = [
      ...manifest.contributes.commands.map((command: { title: string }) => command.title),
      ...Object.values(manifest.contributes.configuration.properties).flatMap((property) => {
        const { description, markdownDescription, enumDescriptions = [] } = property as Record<string, string | string[] | undefined>;
        return [description, markdownDescription, ...(enumDescriptions as string[])].filter((text) => text !== undefined);
      }),
    ].filter((text) => !/^%[^%]+%$/.test(text as string));
    assert.deepEqual(literal, [], 'strings written in package.json itself (node scripts/nls.mjs moves them)');
  });

  it('package.nls.fr.json translates every key, and no other', () => {
    assert.deepEqual(
      Object.keys(nls).filter((key) => !frenchNls[key]),
      [],
    );
    assert.deepEqual(
      Object.keys(frenchNls).filter((key) => !(key in nls)),
      [],
    );
  });
});

describe('the core in French', () => {
  after(() => l10n.config({ contents: {} }));

  it('gives the example’s problems, fixes and hovers in French; keys and values stay as the data has them', () => {
    l10n.config({ contents: read('bundle.l10n.fr.json') });
    const analysis = analyze(readExample());
    assert.deepEqual(
      analysis.diagnostics.map((diagnostic) => diagnostic.message),
      ['Champ inconnu « coutnry ». Vouliez-vous dire « Country » ?', 'Le champ obligatoire « Evidence supporting the outcome statement » est vide.'],
    );
    const [rename] = service.codeActions(analysis, analysis.diagnostics[0]?.range ?? { start: { line: 3, character: 3 }, end: { line: 3, character: 3 } });
    assert.equal(rename?.title, 'Renommer en « Country »');
    const hover = service.hover(analysis, { line: 8, character: 4 });
    assert.match(JSON.stringify(hover?.contents), /L’importance du changement pour les objectifs du programme\./);
    assert.match(JSON.stringify(hover?.contents), /Valeurs permises : `low`, `medium`, `high`/);
  });
});

describe('the display language of the server and the CLI', () => {
  it('is read from a locale as editors and shells write it', () => {
    assert.equal(languageOf('fr'), 'fr');
    assert.equal(languageOf('fr-FR'), 'fr');
    assert.equal(languageOf('fr_BE.UTF-8'), 'fr');
    assert.equal(languageOf('C.UTF-8'), undefined);
    assert.equal(languageOf(undefined), undefined);
  });
});
