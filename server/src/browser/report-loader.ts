import type { Connection } from 'vscode-languageserver/browser';
import { displayBundle } from '../core/l10n/display-language';
import { HOST_REPORT_BUNDLE_REQUEST, type HostReportBundleResult } from '../protocol';
import type { ChartResources } from '../report/report-charts';
import { fromBase64 } from './base64';
import { runBundleScript } from './bundle-script';
import type { BrowserReportBundle } from './report-bundle';

let loading: Promise<{ bundle: BrowserReportBundle; resources: ChartResources }> | undefined;

/** The report's bundle (dist/browser/report.js) and its charts' WebAssembly and font, read by the client on first use. */
export function loadReportBundle(connection: Connection): Promise<{ bundle: BrowserReportBundle; resources: ChartResources }> {
  loading ??= connection.sendRequest<HostReportBundleResult>(HOST_REPORT_BUNDLE_REQUEST).then((files) => ({
    bundle: runBundleScript<BrowserReportBundle>(files.script, 'outcomeFragmentsReport'),
    resources: { wasm: fromBase64(files.wasm), fonts: files.fonts.map(fromBase64) },
  }));
  loading.catch(() => {
    loading = undefined; // the next report tries again
  });
  return loading.then((loaded) => {
    const messages = displayBundle();
    if (messages) loaded.bundle.useMessages(messages);
    return loaded;
  });
}
