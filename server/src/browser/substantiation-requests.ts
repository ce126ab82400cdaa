import * as l10n from '@vscode/l10n';
import type { CancellationToken, Connection } from 'vscode-languageserver/browser';
import { URI, Utils } from 'vscode-uri';
import { describeAnswers, describePrepared } from '../core/substantiation/describe';
import {
  HOST_READ_FILES_REQUEST,
  HOST_WRITE_FILES_REQUEST,
  type HostReadFilesParams,
  type HostReadFilesResult,
  type HostWriteFilesParams,
  IMPORT_SUBSTANTIATION_REQUEST,
  type ImportSubstantiationParams,
  type ImportSubstantiationResult,
  PREPARE_SUBSTANTIATION_REQUEST,
  type PrepareSubstantiationParams,
  type PrepareSubstantiationResult,
} from '../protocol';
import type { SubstantiationFiles } from '../workbook/substantiation';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { fromBase64, toBase64 } from './base64';
import { loadHarvestBundle } from './harvest-loader';
import { readHarvestTexts, shown } from './harvest-texts';
import { answer } from './workbook-requests';

/** Substantiation in the web worker: the desktop's implementation, with the files read and written by the client. */
export function registerBrowserSubstantiationRequests(connection: Connection, workspace: FragmentWorkspace): void {
  const files: SubstantiationFiles = {
    readHarvest: (paths) => readHarvestTexts(connection, paths),
    async readBytes(uri) {
      const [file] = await connection.sendRequest<HostReadFilesResult>(HOST_READ_FILES_REQUEST, { uris: [uri] } satisfies HostReadFilesParams);
      if (file?.base64 === undefined) throw new Error(l10n.t('cannot read {0}: {1}', shown(uri), file?.missing ? l10n.t('no such file') : (file?.error ?? '')));
      return fromBase64(file.base64);
    },
    async writeAll(written) {
      const encoder = new TextEncoder();
      const base64 = (content: string | Uint8Array) => toBase64(typeof content === 'string' ? encoder.encode(content) : content);
      await connection.sendRequest<void>(HOST_WRITE_FILES_REQUEST, {
        files: written.map((file) => ({ uri: file.path, base64: base64(file.content) })),
      } satisfies HostWriteFilesParams);
    },
    join: (folder, name) => Utils.joinPath(URI.parse(folder), name).toString(),
    baseName: (uri) => Utils.basename(URI.parse(uri)),
  };

  connection.onRequest(PREPARE_SUBSTANTIATION_REQUEST, (params: PrepareSubstantiationParams, token: CancellationToken) =>
    answer(async (): Promise<PrepareSubstantiationResult> => {
      const harvest = await loadHarvestBundle(connection);
      const summary = await harvest.prepareSubstantiation(files, params.paths, params.out, {
        service: workspace.serviceFor(params.paths[0] ?? params.out),
        substantiators: params.substantiators,
        sample: params.sample,
        includeConfidential: params.includeConfidential,
        dryRun: params.dryRun,
      });
      const named = { ...summary, forms: summary.forms.map((form) => ({ ...form, path: shown(form.path) })) };
      return { ...summary, message: describePrepared(named) };
    }, token),
  );

  connection.onRequest(IMPORT_SUBSTANTIATION_REQUEST, (params: ImportSubstantiationParams, token: CancellationToken) =>
    answer(async (): Promise<ImportSubstantiationResult> => {
      const harvest = await loadHarvestBundle(connection);
      const summary = await harvest.importSubstantiation(files, params.forms, params.into, {
        service: workspace.serviceFor(params.into[0] ?? params.forms[0] ?? ''),
        force: params.force,
        dryRun: params.dryRun,
        limits: { maxRows: params.maxRows, maxUnpackedMB: params.maxUnpackedMB },
        raiseWith: 'settings',
        forceWith: l10n.t('Overwrite'),
      });
      return { ...summary, message: describeAnswers(summary) };
    }, token),
  );
}
