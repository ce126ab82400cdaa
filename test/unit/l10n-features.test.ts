// The features merged after the French work, in French: the quality hints and their hovers and
// fixes, the configuration's own problems, the dashboard, the import and export summaries.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { dashboardModel } from '../../client/src/harvest/dashboard-model';
import { renderDashboardBody, renderDashboardDocument, renderSelection } from '../../client/src/harvest/dashboard-render';
import { fileRecord } from '../../server/src/core/harvest/records';
import { harvestSummary } from '../../server/src/core/harvest/summary';
import { qualityCodes } from '../../server/src/core/rules/quality';
import { loadConfig } from '../../server/src/core/schema/config';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { createFragmentService } from '../../server/src/core/service';
import { describeExport } from '../../server/src/node/harvest-export';
import { describeImport } from '../../server/src/node/harvest-import';
import { analyze, readExample, readFixture, repositoryRoot } from './helpers';

const french = JSON.parse(readFileSync(join(repositoryRoot, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;

describe('the features in French', () => {
  before(() => l10n.config({ contents: french }));
  after(() => l10n.config({ contents: {} }));

  it('a quality hint: its message, its set-status fix and its hover, keys and values as the data has them', () => {
    const service = createFragmentService({ currentYear: () => 2026 });
    const analysis = service.analyze(readFixture('future-change.fragment'), 'file:///harvest/a.fragment');
    const hint = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'future-change');
    assert.ok(hint, analysis.diagnostics.map((diagnostic) => diagnostic.code).join());
    assert.equal(
      hint.message,
      'La description dit ce qui va ou devrait se passer (« plans to »), mais le statut est « Outcome » : un résultat a déjà eu lieu.',
    );
    const titles = service.codeActions(analysis, hint.range).map((action) => action.title);
    assert.ok(titles.includes('Mettre le statut à Potential outcome'), titles.join(' | '));
    const hover = JSON.stringify(service.hover(analysis, hint.range.start)?.contents);
    assert.match(hover, /\*\*La description dit ce qui va se passer\*\* \(`future-change`\)/);
    assert.match(hover, /- Bon : En juin 2024, le ministère de la Justice a ouvert/);
    assert.match(hover, /- Faible : Le ministère de la Justice prévoit/);
  });

  it('every quality hint of the labelled fixtures speaks French', () => {
    const service = createFragmentService({ currentYear: () => 2026 });
    for (const name of ['no-when', 'outcome-is-activity', 'significance-restates', 'thin-contribution', 'unsupported-rating']) {
      const hints = service
        .analyze(readFixture(`${name}.fragment`), 'file:///harvest/a.fragment')
        .diagnostics.filter((diagnostic) => qualityCodes.has(diagnostic.code));
      assert.ok(hints.length > 0, name);
      for (const hint of hints) assert.match(hint.message, /^(La |L’|« )/, `${name}: ${hint.message}`);
    }
  });

  it('the configuration’s own problems', () => {
    assert.equal(loadConfig('{ "severities": {}, "fieldz": 1 }').problems[0]?.message, 'Propriété inconnue « fieldz »');
    assert.equal(loadConfig('{ "include": [ }').problems[0]?.message, 'Erreur de syntaxe : valeur attendue');
    assert.equal(
      loadConfig('{ "fields": { "Donor": { "required": true } } }').problems[0]?.message,
      '« Donor » n’est pas un champ du schéma : un nouveau champ a besoin d’un « type ».',
    );
    assert.equal(
      loadConfig('{ "fields": { "Country": { "pattern": { "regex": "(", "description": "x" } } } }').problems[0]?.message,
      'fields.Country.pattern.regex: Expression régulière non valide',
    );
  });

  it('the dashboard: headings, totals, buttons, empty states and the page, escaped', () => {
    const analysis = analyze(
      readExample().replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0').replace('DR Congo', 'Kenya <b>&'),
      'file:///h/a.txt',
    );
    const model = dashboardModel(harvestSummary([fileRecord('file:///h/a.txt', analysis.file, analysis.diagnostics, defaultSchema, 1)], defaultSchema));
    const body = renderDashboardBody(model);
    assert.match(body, /<h2>Résultats par pays<\/h2>/);
    assert.match(body, /<th scope="col">Pays<\/th>/);
    assert.match(body, /dans 1 fichier/);
    assert.match(body, /Copier comme tableau Markdown/);
    assert.match(body, /Problèmes par code/);
    assert.match(body, /<dd class="detail">100 %<\/dd>/);
    assert.match(body, /Kenya &lt;b&gt;&amp;/);
    assert.doesNotMatch(body, /Outcomes per|Copy as Markdown/);
    assert.match(renderSelection(model, 'Pays : Kenya', [0]), /Pays : Kenya : 1 résultat<\/h2>.*aria-label="Fermer la liste">Fermer</);
    assert.match(
      renderDashboardBody(dashboardModel(harvestSummary([], defaultSchema))),
      /Pas encore de fragment de résultat dans cet espace de travail \(ou aucun que son <code>\.fragmentrc\.json<\/code> inclut\)\./,
    );
    const page = renderDashboardDocument({ body, nonce: 'n', cspSource: 'vscode-resource:', styleUri: 's.css', scriptUri: 's.js', language: 'fr' });
    assert.match(page, /<html lang="fr">/);
    assert.match(page, /<title>Tableau de bord de la récolte<\/title>/);
    assert.match(page, /data-copied="Copié"/);
  });

  it('the import and export summaries', () => {
    assert.equal(
      describeImport({ workbook: 'h.xlsx', rows: 3, folder: 'out', created: ['a', 'b'], changed: [], unchanged: ['c'], emptyRows: 1, written: true }),
      'Import dans out : 3 lignes, 3 fichiers (créés : 2, modifiés : 0, 1 laissé tel quel) ; 1 ligne vide ignorée.',
    );
    assert.equal(
      describeExport({ files: ['h.xlsx'], fragmentFiles: 1, fragments: 2, confidentialLeftOut: 1, unanonymisedLeftOut: 0, warnings: [] }),
      'Exporté : 2 fragments de 1 fichier vers h.xlsx. 1 fragment confidentiel laissé de côté (--include-confidential les exporte).',
    );
  });
});
