import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readTranslations } from '../../server/src/node/translations';
import { repositoryRoot } from './helpers';

describe('the translations the server and the CLI read from l10n/ (when a locale asks for one)', () => {
  it('reads French from its bundle', () => {
    const french = JSON.parse(readFileSync(join(repositoryRoot, 'l10n', 'bundle.l10n.fr.json'), 'utf8'));
    assert.deepEqual(readTranslations('fr'), french);
  });

  it('has none for English (the sources’ language), a language without a bundle, or a name that is no language', () => {
    for (const language of ['en', 'xx', '../l10n/bundle.l10n', 'fr/../fr', '']) assert.equal(readTranslations(language), undefined, language);
  });
});
