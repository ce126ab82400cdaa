import { join } from 'node:path';
import { type CancellationToken, type Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { CancelledError } from '../core/service';
import { harvestProgress } from '../lsp/harvest-progress';
import {
  EXPORT_HARVEST_REQUEST,
  type ExportHarvestParams,
  type ExportHarvestResult,
  HARVEST_ERROR_CODE,
  IMPORT_WORKBOOK_REQUEST,
  type ImportWorkbookParams,
  type ImportWorkbookResult,
} from '../protocol';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { harvestPipeline } from './load-harvest';

/**
 * Import and export run here, on the same pipeline as `fragments import` and `fragments export`
 * (one implementation of the mappings, the overwrite rule and the atomic writes), with the
 * schema of the folder they concern (its `.fragmentrc.json`).
 */
export function registerHarvestRequests(connection: Connection, workspace: FragmentWorkspace): void {
  connection.onRequest(IMPORT_WORKBOOK_REQUEST, (params: ImportWorkbookParams) =>
    answer(async (): Promise<ImportWorkbookResult> => {
      const folder = pathOf(params.folder);
      const { describeImport, importWorkbookFile } = harvestPipeline();
      const summary = await importWorkbookFile(pathOf(params.workbook), folder, {
        service: workspace.serviceFor(URI.file(join(folder, 'row_1.txt')).toString()),
        namePattern: params.namePattern,
        fix: params.fix === true,
        force: params.force === true,
        dryRun: params.dryRun === true,
        limits: { maxRows: params.maxRows, maxUnpackedMB: params.maxUnpackedMB },
        raiseWith: 'settings',
      });
      return { ...summary, message: describeImport(summary) };
    }),
  );

  connection.onRequest(EXPORT_HARVEST_REQUEST, (params: ExportHarvestParams, token: CancellationToken) =>
    answer(async (): Promise<ExportHarvestResult> => {
      const paths = params.paths.map(pathOf);
      const { exportHarvest } = harvestPipeline();
      const summary = await exportHarvest(paths, pathOf(params.output), {
        service: workspace.serviceFor(params.paths[0] ?? params.output),
        layout: params.layout,
        includeConfidential: params.includeConfidential,
        includeUnanonymised: params.includeUnanonymised === true,
        cancellation: token,
        onProgress: harvestProgress(connection, params.progressToken),
      });
      return { ...summary, files: summary.files.map((file) => URI.file(file).toString()) };
    }, token),
  );
}

/** A failure the user can act on comes back as its message; a cancellation as LSP asks. */
export async function answer<T>(run: () => Promise<T>, token?: CancellationToken): Promise<T | ResponseError<void>> {
  try {
    return await run();
  } catch (error) {
    // The pipeline is a bundle of its own, with its own CancelledError class: the token tells.
    if (error instanceof CancelledError || token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    return new ResponseError(HARVEST_ERROR_CODE, (error as Error).message);
  }
}

/** A `file:` URI from the client as a path of this system (`vscode-uri`: `file:///c%3A/…` is `c:\…` on Windows). */
export function pathOf(uri: string): string {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') throw new Error(`${uri} is not a file on this computer`);
  return parsed.fsPath;
}
