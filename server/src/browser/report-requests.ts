import * as l10n from '@vscode/l10n';
import type { CancellationToken, Connection } from 'vscode-languageserver/browser';
import { URI, Utils } from 'vscode-uri';
import { displayLanguage } from '../core/l10n/display-language';
import { CancelledError } from '../core/service';
import { harvestProgress } from '../lsp/harvest-progress';
import { EXPORT_REPORT_REQUEST, type ExportReportParams, type ExportReportResult, HOST_WRITE_FILES_REQUEST, type HostWriteFilesParams } from '../protocol';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { toBase64 } from './base64';
import { readHarvestTexts, shown } from './harvest-texts';
import { loadReportBundle } from './report-loader';
import { answer } from './workbook-requests';

/**
 * Export Harvest Report… in the web worker: the same collector, writers and charts as
 * `fragments report` (server/src/node/harvest-report.ts), the files read and written by the
 * client (`workspace.fs`), the report's bundle loaded when a report is first made.
 */
export function registerBrowserReportRequests(connection: Connection, workspace: FragmentWorkspace): void {
  connection.onRequest(EXPORT_REPORT_REQUEST, (params: ExportReportParams, token: CancellationToken) =>
    answer(async (): Promise<ExportReportResult> => {
      const { bundle, resources } = await loadReportBundle(connection);
      const output = URI.parse(params.output);
      const fileName = Utils.basename(output);
      const format = bundle.reportFormatOf(fileName);
      if (!format) throw new Error(l10n.t('the report {0} must end in .docx or .md', shown(params.output)));
      const texts = await readHarvestTexts(connection, params.paths, token, harvestProgress(connection, params.progressToken));
      const service = workspace.serviceFor(params.paths[0] ?? params.output);
      const collector = new bundle.ReportCollector(service, {
        language: bundle.documentLanguage(displayLanguage()),
        includeConfidential: params.includeConfidential,
        includeUnanonymised: params.includeUnanonymised === true,
      });
      for (const file of texts) collector.add({ uri: file.name, name: shown(file.name), text: file.text });
      const { report, counts } = collector.finish(params.paths.map(shown).join(', '));
      const folder = Utils.dirname(output);
      const files = (await bundle.reportFiles(report, format, fileName, resources)).map((file) => ({
        uri: Utils.joinPath(folder, ...file.path).toString(),
        base64: toBase64(typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content),
      }));
      if (token.isCancellationRequested) throw new CancelledError();
      await connection.sendRequest<void>(HOST_WRITE_FILES_REQUEST, { files } satisfies HostWriteFilesParams);
      return { ...counts, files: files.map((file) => file.uri) };
    }, token),
  );
}
