import * as l10n from '@vscode/l10n';
import { useConfigMessages } from '../schema/config-pipeline-loader';

/**
 * Our own translations by language, for other editors and the CLI, which ask for them by locale.
 * Node reads them from l10n/ when asked (server/src/node/translations.ts), so that no one pays
 * for parsing a language they do not use; the web worker has none: VS Code hands it its bundle.
 */
let readTranslations: (language: string) => l10n.l10nJsonFormat | undefined = () => undefined;

export function useTranslationsFrom(reader: (language: string) => l10n.l10nJsonFormat | undefined): void {
  readTranslations = reader;
}

/** The bundle in force, for the bundles that carry their own copy of @vscode/l10n (dist/harvest.js). */
let inForce: l10n.l10nJsonFormat | undefined;

/** The language in force, as `useDisplayLanguage` told it: the CLI's worker threads take the same. */
let inForceLanguage = 'en';

export function displayBundle(): l10n.l10nJsonFormat | undefined {
  return inForce;
}

export function displayLanguage(): string {
  return inForceLanguage;
}

/**
 * Sets the language of every message the core makes, once, before the first check. A bundle
 * handed over by VS Code (the extension's own, for its display language) wins; otherwise the
 * locale (`fr`, `fr-FR`, `fr_BE.UTF-8`) picks one of ours; English needs none.
 */
export function useDisplayLanguage(options: { locale?: string | undefined; bundle?: unknown }): string {
  if (isBundle(options.bundle)) {
    inForce = options.bundle;
    l10n.config({ contents: options.bundle });
    useConfigMessages(options.bundle);
    inForceLanguage = options.locale ?? 'bundle';
    return inForceLanguage;
  }
  const language = languageOf(options.locale);
  const bundle = language === undefined ? undefined : readTranslations(language);
  inForce = bundle;
  // English is the sources' own words: an empty bundle puts them back after another language.
  l10n.config({ contents: bundle ?? {} });
  useConfigMessages(bundle ?? {});
  inForceLanguage = bundle ? (language as string) : 'en';
  return inForceLanguage;
}

/** `fr-FR`, `fr_BE.UTF-8`, `FR` → `fr`. */
export function languageOf(locale: string | undefined): string | undefined {
  const language = locale
    ?.trim()
    .toLowerCase()
    .match(/^[a-z]{2,3}/)?.[0];
  return language === undefined || language === 'c' ? undefined : language;
}

function isBundle(value: unknown): value is l10n.l10nJsonFormat {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}
