import * as l10n from '@vscode/l10n';
import { type CancellationToken, type Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver/browser';
import { URI, Utils } from 'vscode-uri';
import type { Sheet } from '../core/harvest/cells';
import { CancelledError } from '../core/service';
import { harvestProgress } from '../lsp/harvest-progress';
import {
  EXPORT_HARVEST_REQUEST,
  type ExportHarvestParams,
  type ExportHarvestResult,
  HARVEST_ERROR_CODE,
  HOST_READ_FILES_REQUEST,
  HOST_WRITE_FILES_REQUEST,
  type HostReadFilesParams,
  type HostReadFilesResult,
  type HostWriteFilesParams,
  IMPORT_WORKBOOK_REQUEST,
  type ImportWorkbookParams,
  type ImportWorkbookResult,
} from '../protocol';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { fromBase64, toBase64 } from './base64';
import { loadHarvestBundle } from './harvest-loader';
import { readHarvestTexts, shown } from './harvest-texts';

const nameOf = (uri: string) => Utils.basename(URI.parse(uri));
const sibling = (uri: string, name: string) => Utils.joinPath(Utils.dirname(URI.parse(uri)), name).toString();
const child = (folder: string, name: string) => Utils.joinPath(URI.parse(folder), name).toString();

/**
 * Workbook import and export in the web worker: the same mappings, adapter, overwrite rule and
 * messages as the desktop's pipeline (server/src/node/harvest-*.ts), with the files read and
 * written by the client (`workspace.fs`: HOST_*_REQUEST) and the workbook adapter loaded on
 * first use (./harvest-loader.ts).
 */
export function registerBrowserHarvestRequests(connection: Connection, workspace: FragmentWorkspace): void {
  const read = (uris: readonly string[]) => connection.sendRequest<HostReadFilesResult>(HOST_READ_FILES_REQUEST, { uris } satisfies HostReadFilesParams);
  const write = (files: HostWriteFilesParams['files']) => connection.sendRequest<void>(HOST_WRITE_FILES_REQUEST, { files } satisfies HostWriteFilesParams);

  connection.onRequest(IMPORT_WORKBOOK_REQUEST, (params: ImportWorkbookParams, token: CancellationToken) =>
    answer(async (): Promise<ImportWorkbookResult> => {
      const harvest = await loadHarvestBundle(connection);
      const [workbook] = await read([params.workbook]);
      if (!workbook?.base64) {
        throw new Error(l10n.t('cannot read {0}: {1}', shown(params.workbook), workbook?.missing ? l10n.t('no such file') : (workbook?.error ?? '')));
      }
      const service = workspace.serviceFor(child(params.folder, 'row_1.txt'));
      const sheet = await harvest.readWorkbook(fromBase64(workbook.base64), nameOf(params.workbook), {
        limits: { maxRows: params.maxRows, maxUnpackedMB: params.maxUnpackedMB },
        raiseWith: 'settings',
      });
      const imported = harvest.importSheet(sheet, service.schema, params.namePattern);
      const fixed = imported.fragments.map((fragment) => ({
        fileName: fragment.fileName,
        text: params.fix ? service.fixAll(fragment.text, child(params.folder, fragment.fileName)) : fragment.text,
      }));
      const existing = await read(fixed.map((fragment) => child(params.folder, fragment.fileName)));
      const texts = new Map<string, string>();
      for (const [index, file] of existing.entries()) {
        const fileName = (fixed[index] as { fileName: string }).fileName;
        if (file.base64 !== undefined) texts.set(fileName, new TextDecoder().decode(fromBase64(file.base64)));
        else if (!file.missing) throw new Error(l10n.t('cannot read {0}: {1}', shown(child(params.folder, fileName)), file.error ?? ''));
      }
      const plan = harvest.planImport(fixed, (fileName) => texts.get(fileName));
      const summary = {
        folder: shown(params.folder),
        rows: imported.fragments.length,
        emptyRows: imported.emptyRows.length,
        created: plan.created,
        changed: plan.changed,
        unchanged: plan.unchanged,
      };
      const result = (written: boolean) => ({ ...summary, written, message: harvest.describeImport(summary) });
      if (params.dryRun) return result(false);
      if (plan.changed.length > 0 && !params.force) throw new Error(harvest.overwriteRefused(summary));
      if (token.isCancellationRequested) throw new CancelledError();
      const encoder = new TextEncoder();
      if (plan.toWrite.length > 0)
        await write(plan.toWrite.map((file) => ({ uri: child(params.folder, file.name), base64: toBase64(encoder.encode(file.content)) })));
      return result(plan.toWrite.length > 0);
    }, token),
  );

  connection.onRequest(EXPORT_HARVEST_REQUEST, (params: ExportHarvestParams, token: CancellationToken) =>
    answer(async (): Promise<ExportHarvestResult> => {
      const harvestBundle = await loadHarvestBundle(connection);
      const format = harvestBundle.formatOfName(params.output);
      if (!format) throw new Error(l10n.t('the output {0} must end in .xlsx or .csv', shown(params.output)));
      const texts = (await readHarvestTexts(connection, params.paths, token, harvestProgress(connection, params.progressToken))).map((file) => ({
        name: shown(file.name),
        text: file.text,
      }));
      const service = workspace.serviceFor(params.paths[0] ?? params.output);
      const harvest = harvestBundle.readHarvest(texts, service.schema, service.index, {
        includeConfidential: params.includeConfidential === true,
        includeUnanonymised: params.includeUnanonymised === true || !service.checksIdentifiers,
      });
      if (harvest.fragments.length === 0) throw new Error(harvestBundle.allLeftOutMessage(harvest.confidentialLeftOut, harvest.unanonymisedLeftOut));
      const sheets: Sheet[] =
        params.layout === 'master'
          ? [harvestBundle.masterSheet(harvest.fragments, service.schema)]
          : harvestBundle.causalMapSheets(harvest.fragments, service.schema);
      const warnings = [...harvest.warnings];
      const unwritable = format === 'xlsx' ? harvestBundle.unwritableInXlsxWarning(sheets) : undefined;
      if (unwritable) warnings.push(unwritable);
      const written =
        format === 'xlsx' || sheets.length === 1
          ? [{ uri: params.output, bytes: await harvestBundle.writeWorkbook(sheets, format) }]
          : // A CSV file holds one sheet: one file per sheet, `harvest.statements.csv` beside `harvest.sources.csv`.
            await Promise.all(
              sheets.map(async (sheet) => ({
                uri: sibling(params.output, nameOf(params.output).replace(/\.csv$/i, `.${sheet.name}.csv`)),
                bytes: await harvestBundle.writeWorkbook([sheet], 'csv'),
              })),
            );
      if (token.isCancellationRequested) throw new CancelledError();
      await write(written.map((file) => ({ uri: file.uri, base64: toBase64(file.bytes) })));
      return {
        files: written.map((file) => file.uri),
        fragmentFiles: texts.length,
        fragments: harvest.fragments.length,
        confidentialLeftOut: harvest.confidentialLeftOut,
        unanonymisedLeftOut: harvest.unanonymisedLeftOut,
        warnings,
      };
    }, token),
  );
}

/** A failure the user can act on comes back as its message; a cancellation as LSP asks. */
export async function answer<T>(run: () => Promise<T>, token: CancellationToken): Promise<T | ResponseError<void>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CancelledError || token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    return new ResponseError(HARVEST_ERROR_CODE, error instanceof Error ? error.message : String(error));
  }
}
