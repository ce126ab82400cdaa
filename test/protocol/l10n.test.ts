import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileUri, TestClient } from './lsp-client';
import { runCli } from './run-cli';

const repositoryRoot = join(__dirname, '..', '..');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
const englishEnvironment = { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8' };

describe('French over the protocol and on the command line', () => {
  it('initialize with locale "fr" gives French diagnostics', async () => {
    const { client } = await TestClient.start({ locale: 'fr' });
    const uri = 'file:///workspace/fr.txt';
    await client.open(uri, example);
    const diagnostics = await client.diagnosticsOf(uri, 1);
    assert.equal(diagnostics[0]?.message, 'Champ inconnu « coutnry ». Vouliez-vous dire « Country » ?');
    assert.equal(await client.stop(), 0);
  });

  it('a bundle handed over by the client wins over the locale (VS Code passes its display language’s)', async () => {
    const { client } = await TestClient.start({
      locale: 'de',
      initializationOptions: { l10nBundle: { 'Unknown field "{0}". Did you mean {1}?': 'Unbekanntes Feld „{0}“. Meinten Sie {1}?' } },
    });
    const uri = 'file:///workspace/de.txt';
    await client.open(uri, example);
    assert.equal((await client.diagnosticsOf(uri, 1))[0]?.message, 'Unbekanntes Feld „coutnry“. Meinten Sie "Country"?');
    assert.equal(await client.stop(), 0);
  });

  it('a broken .fragmentrc.json is reported in French (read by dist/config.js, loaded then, which speaks the language of the server)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fragment-l10n-config-'));
    try {
      writeFileSync(join(folder, '.fragmentrc.json'), '{ "include": [ }');
      const { client } = await TestClient.start({ folder, locale: 'fr', settings: { outcomeFragments: {}, 'files.exclude': {} } });
      const config = await client.diagnostics((params) => params.uri === fileUri(join(folder, '.fragmentrc.json')));
      assert.equal(config.diagnostics[0]?.message, 'Erreur de syntaxe : valeur attendue (le schéma par défaut reste en vigueur tant que ce n’est pas corrigé)');
      assert.equal(await client.stop(), 0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('an unknown locale gives English', async () => {
    const { client } = await TestClient.start({ locale: 'xx' });
    const uri = 'file:///workspace/xx.txt';
    await client.open(uri, example);
    assert.equal((await client.diagnosticsOf(uri, 1))[0]?.message, 'Unknown field "coutnry". Did you mean "Country"?');
    assert.equal(await client.stop(), 0);
  });

  const cli = (args: string[], env: NodeJS.ProcessEnv = englishEnvironment) => runCli(args, repositoryRoot, env);

  it('fragment-lint --locale fr prints French; LANG=fr_FR.UTF-8 too; English by default', () => {
    const french = cli(['--locale', 'fr', 'example/000_88eaf67a59f4c304.txt']).stdout;
    assert.match(french, /warning unknown-field Champ inconnu « coutnry »\. Vouliez-vous dire « Country » \?/);
    assert.match(french, /warning empty-field Le champ obligatoire « Evidence supporting the outcome statement » est vide\./);
    assert.equal(cli(['example/000_88eaf67a59f4c304.txt'], { ...englishEnvironment, LANG: 'fr_FR.UTF-8' }).stdout, french);
    assert.match(cli(['example/000_88eaf67a59f4c304.txt']).stdout, /Unknown field "coutnry"/);
    assert.equal(cli(['--locale']).code, 2);
  });

  it('fragments export and import --locale fr: their messages from the harvest bundle (dist/harvest.js) in French too', () => {
    const exported = cli(['--locale', 'fr', 'export', '--layout', 'master', '--out', join(repositoryRoot, 'out-never-written.xlsx'), 'no-such-folder']);
    assert.match(exported.stderr, /fragments export: fichier ou dossier introuvable : .*no-such-folder/);
    const dryRun = cli(['--locale', 'fr', 'import', '--dry-run', '--out', join(repositoryRoot, 'never-written'), 'test/fixtures/workbooks/none.xlsx']);
    assert.match(dryRun.stderr, /impossible de lire .*none\.xlsx : fichier introuvable/);
    assert.match(cli(['export', '--out', 'x.xlsx', 'no-such-folder']).stderr, /no such file or folder: .*no-such-folder/);
  });
});
