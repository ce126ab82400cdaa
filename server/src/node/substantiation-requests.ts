import * as l10n from '@vscode/l10n';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { describeAnswers, describePrepared } from '../core/substantiation/describe';
import {
  IMPORT_SUBSTANTIATION_REQUEST,
  type ImportSubstantiationParams,
  type ImportSubstantiationResult,
  PREPARE_SUBSTANTIATION_REQUEST,
  type PrepareSubstantiationParams,
  type PrepareSubstantiationResult,
} from '../protocol';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { harvestPipeline } from './load-harvest';
import { answer, pathOf } from './workbook-requests';

/** Prepare Substantiation… and Import Substantiation Responses… on the CLI's pipeline, with the schema of the harvest's folder. */
export function registerSubstantiationRequests(connection: Connection, workspace: FragmentWorkspace): void {
  const uriOf = (path: string) => URI.file(path).toString();

  connection.onRequest(PREPARE_SUBSTANTIATION_REQUEST, (params: PrepareSubstantiationParams) =>
    answer(async (): Promise<PrepareSubstantiationResult> => {
      const pipeline = harvestPipeline();
      const summary = await pipeline.prepareSubstantiation(pipeline.diskSubstantiationFiles, params.paths.map(pathOf), pathOf(params.out), {
        service: workspace.serviceFor(params.paths[0] ?? params.out),
        substantiators: params.substantiators,
        sample: params.sample,
        includeConfidential: params.includeConfidential,
        dryRun: params.dryRun,
      });
      const forms = summary.forms.map((form) => ({ ...form, path: uriOf(form.path) }));
      return { ...summary, forms, marked: summary.marked.map(uriOf), message: describePrepared(summary) };
    }),
  );

  connection.onRequest(IMPORT_SUBSTANTIATION_REQUEST, (params: ImportSubstantiationParams) =>
    answer(async (): Promise<ImportSubstantiationResult> => {
      const pipeline = harvestPipeline();
      const summary = await pipeline.importSubstantiation(pipeline.diskSubstantiationFiles, params.forms.map(pathOf), params.into.map(pathOf), {
        service: workspace.serviceFor(params.into[0] ?? params.forms[0] ?? ''),
        force: params.force,
        dryRun: params.dryRun,
        limits: { maxRows: params.maxRows, maxUnpackedMB: params.maxUnpackedMB },
        raiseWith: 'settings',
        forceWith: l10n.t('Overwrite'),
      });
      return { ...summary, changed: summary.changed.map(uriOf), message: describeAnswers(summary) };
    }),
  );
}
