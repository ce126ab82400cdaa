import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { main, messageLocale } from '../../server/src/cli/index';
import { useDisplayLanguage } from '../../server/src/core/l10n/display-language';

const windows = () => 'fr-FR';

/** The messages of `fragments import` without a workbook, in the language the environment picks. */
function importWithout(argv: string[], env: Record<string, string | undefined>, systemLocale: () => string): string {
  let err = '';
  main(
    ['import', ...argv],
    process.cwd(),
    () => {},
    (text) => (err += text),
    env,
    systemLocale,
  );
  return err.split('\n')[0] as string;
}

describe("the CLI's language: --locale, else LC_ALL, LC_MESSAGES, LANG, else the system's (Windows sets none of them)", () => {
  after(() => useDisplayLanguage({ locale: 'en' }));

  it('takes the first POSIX variable set and not empty', () => {
    assert.equal(messageLocale({ LC_ALL: 'de_DE.UTF-8', LANG: 'fr_FR.UTF-8' }, windows), 'de_DE.UTF-8');
    assert.equal(messageLocale({ LC_ALL: '', LC_MESSAGES: 'fr_BE.UTF-8', LANG: 'en_GB.UTF-8' }, windows), 'fr_BE.UTF-8');
    assert.equal(messageLocale({ LANG: 'C.UTF-8' }, windows), 'C.UTF-8', 'LANG=C asks for English: no fallback to the system');
  });

  it("falls back to Intl's locale when none is set, as on Windows", () => {
    assert.equal(messageLocale({}, windows), 'fr-FR');
    assert.equal(messageLocale({ LC_ALL: '', LANG: '' }, windows), 'fr-FR');
    assert.equal(
      messageLocale({}, () => {
        throw new RangeError('no Intl data');
      }),
      undefined,
    );
    assert.equal(typeof messageLocale({}, () => Intl.DateTimeFormat().resolvedOptions().locale), 'string', "the default asks Node's Intl");
  });

  it('speaks French on a French Windows, English where --locale en or LANG says so', () => {
    assert.equal(importWithout([], {}, windows), 'fragments import: nommez le classeur à importer');
    assert.equal(importWithout(['--locale', 'en'], {}, windows), 'fragments import: name the workbook to import', '--locale wins');
    assert.equal(importWithout([], { LANG: 'en_US.UTF-8' }, windows), 'fragments import: name the workbook to import');
    assert.equal(
      importWithout([], {}, () => 'en-US'),
      'fragments import: name the workbook to import',
    );
  });
});
