import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { displayLanguage } from '../core/l10n/display-language';
import { documentLanguage } from '../core/report/report-model';
import { harvestProgress } from '../lsp/harvest-progress';
import { EXPORT_REPORT_REQUEST, type ExportReportParams, type ExportReportResult } from '../protocol';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { reportPipeline } from './load-report';
import { answer, pathOf } from './workbook-requests';

/** Export Harvest Report… on the pipeline of `fragments report`, with the schema of the harvest's folder, in VS Code's display language. */
export function registerReportRequests(connection: Connection, workspace: FragmentWorkspace): void {
  connection.onRequest(EXPORT_REPORT_REQUEST, (params: ExportReportParams, token: CancellationToken) =>
    answer(async (): Promise<ExportReportResult> => {
      const summary = await reportPipeline().reportHarvest(params.paths.map(pathOf), pathOf(params.output), {
        service: workspace.serviceFor(params.paths[0] ?? params.output),
        language: documentLanguage(displayLanguage()),
        includeConfidential: params.includeConfidential,
        includeUnanonymised: params.includeUnanonymised === true,
        cancellation: token,
        onProgress: harvestProgress(connection, params.progressToken),
      });
      const { file: _file, files, ...counts } = summary;
      return { ...counts, files: files.map((file) => URI.file(file).toString()) };
    }, token),
  );
}
