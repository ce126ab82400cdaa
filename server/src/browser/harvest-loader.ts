import type { Connection } from 'vscode-languageserver/browser';
import { displayBundle } from '../core/l10n/display-language';
import { HOST_HARVEST_BUNDLE_REQUEST } from '../protocol';
import type { BrowserHarvestBundle } from './harvest-bundle';

/** What a web worker has that the project's library settings (no DOM) do not declare. */
declare const importScripts: (...urls: string[]) => void;
declare const Blob: new (parts: string[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };

let loading: Promise<BrowserHarvestBundle> | undefined;

/**
 * The workbook adapter (dist/browser/harvest.js), loaded on first use. The worker cannot fetch
 * the extension's files (they may be on another origin, and nothing goes over the network): the
 * client reads the bundle with `workspace.fs`, and the worker runs it from a blob URL of its own.
 */
export function loadHarvestBundle(connection: Connection): Promise<BrowserHarvestBundle> {
  loading ??= (async () => {
    const text = await connection.sendRequest<string>(HOST_HARVEST_BUNDLE_REQUEST);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    try {
      importScripts(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    const bundle = (globalThis as { outcomeFragmentsHarvest?: BrowserHarvestBundle }).outcomeFragmentsHarvest;
    if (!bundle) throw new Error('the workbook bundle did not load');
    return bundle;
  })();
  loading.catch(() => {
    loading = undefined; // the next command tries again
  });
  return loading.then((bundle) => {
    // A bundle of its own has its own @vscode/l10n: it is told the display language each time.
    const messages = displayBundle();
    if (messages) bundle.useMessages(messages);
    return bundle;
  });
}
