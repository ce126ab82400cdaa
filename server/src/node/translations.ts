import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as l10n from '@vscode/l10n';

/**
 * The translations in l10n/ (`bundle.l10n.fr.json`), read when a locale asks for them: beside
 * dist/ in the extension and the npm package, three folders up from these sources (tests).
 * English is the sources' own language and has no bundle of its own.
 */
export function readTranslations(language: string): l10n.l10nJsonFormat | undefined {
  if (!/^[a-z]{2,3}$/.test(language) || language === 'en') return undefined;
  for (const folder of [join(__dirname, '..', 'l10n'), join(__dirname, '..', '..', '..', 'l10n')]) {
    try {
      return JSON.parse(readFileSync(join(folder, `bundle.l10n.${language}.json`), 'utf8')) as l10n.l10nJsonFormat;
    } catch {
      // Not in this folder (or no such language): the next, then English.
    }
  }
  return undefined;
}
