import type { Connection } from 'vscode-languageserver/browser';
import { displayBundle } from '../core/l10n/display-language';
import { HOST_HARVEST_BUNDLE_REQUEST } from '../protocol';
import { runBundleScript } from './bundle-script';
import type { BrowserHarvestBundle } from './harvest-bundle';

let loading: Promise<BrowserHarvestBundle> | undefined;

/** The workbook adapter (dist/browser/harvest.js), loaded on first use from the text the client reads (./bundle-script.ts). */
export function loadHarvestBundle(connection: Connection): Promise<BrowserHarvestBundle> {
  loading ??= connection
    .sendRequest<string>(HOST_HARVEST_BUNDLE_REQUEST)
    .then((text) => runBundleScript<BrowserHarvestBundle>(text, 'outcomeFragmentsHarvest'));
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
