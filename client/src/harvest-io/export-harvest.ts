import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EXPORT_HARVEST_REQUEST, type ExportHarvestParams, type ExportHarvestResult } from '../../../server/src/protocol';
import { errorMessage, pickOne, pickSources, requestWithProgress, savedOrAccepted } from './pickers';

type Layout = ExportHarvestParams['layout'];

/** What a caller (another extension, a test) may decide instead of the user; each one left out is asked. */
export interface ExportHarvestOptions {
  readonly layout?: Layout;
  readonly output?: vscode.Uri;
  readonly includeConfidential?: boolean;
  /** Include outcomes that still hold a possible identifying detail; when not said, they are left out and the summary offers them. */
  readonly includeUnanonymised?: boolean;
}

export interface ExportHarvestOutcome {
  readonly result?: ExportHarvestResult;
  readonly error?: string;
}

/**
 * "Export Harvest…": the folders (from the Explorer, else the workspace), the layout, whether
 * confidential outcomes go too (not unless the user says so), the file; then the export with a
 * progress notification and Cancel. The server writes the file atomically.
 */
export async function exportHarvest(
  client: () => Promise<BaseLanguageClient>,
  resource?: vscode.Uri,
  selected?: readonly vscode.Uri[],
  options: ExportHarvestOptions = {},
): Promise<ExportHarvestOutcome | undefined> {
  const sources =
    selected && selected.length > 0
      ? [...selected]
      : resource
        ? [resource]
        : await pickSources(vscode.l10n.t('Export Harvest: the folder of fragments'), vscode.l10n.t('The workspace folder whose fragments to export'));
  if (!sources || sources.length === 0) return undefined;
  const layout = await pickOne<Layout>(
    [
      {
        label: vscode.l10n.t('Master workbook'),
        detail: vscode.l10n.t('One row per outcome, the columns of the master dataset: imports back to the same files'),
        value: 'master',
      },
      { label: 'Causal Map', detail: vscode.l10n.t('The sheets statements, sources and questions of Causal Map’s importer'), value: 'causal-map' },
    ],
    options.layout,
    vscode.l10n.t('Export Harvest: layout'),
  );
  if (!layout) return undefined;
  const includeConfidential = await pickOne<boolean>(
    [
      {
        label: vscode.l10n.t('Leave confidential outcomes out'),
        detail: vscode.l10n.t('Outcomes flagged 1, or with an empty or invalid flag, stay out of the file (recommended)'),
        value: false,
      },
      {
        label: vscode.l10n.t('Include confidential outcomes'),
        detail: vscode.l10n.t('The file will hold outcomes that must not be shared outside the evaluation team'),
        value: true,
      },
    ],
    options.includeConfidential,
    vscode.l10n.t('Export Harvest: confidential outcomes'),
  );
  if (includeConfidential === undefined) return undefined;
  const output = options.output ?? (await pickOutput(sources[0] as vscode.Uri, layout));
  if (!output) return undefined;
  if (!(await savedOrAccepted())) return undefined;

  const running = await client();
  const run = async (includeUnanonymised: boolean): Promise<ExportHarvestOutcome> => {
    try {
      const result = await requestWithProgress<ExportHarvestResult>(
        running,
        vscode.l10n.t('Exporting the harvest'),
        EXPORT_HARVEST_REQUEST,
        (progressToken) => {
          const params: ExportHarvestParams = {
            paths: sources.map((uri) => uri.toString()),
            output: output.toString(),
            layout,
            includeConfidential,
            includeUnanonymised,
            progressToken,
          };
          return params;
        },
      );
      return { result };
    } catch (error) {
      const message = errorMessage(error);
      if (message === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled: no file was written.'));
        return { error: 'cancelled' };
      }
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export the harvest: {0}', message));
      return { error: message };
    }
  };
  const outcome = await run(options.includeUnanonymised === true);
  if (outcome.result) {
    // Fail-safe first: outcomes that may still name someone were left out; the user may include them, knowingly.
    const offer = options.includeUnanonymised === undefined && outcome.result.unanonymisedLeftOut > 0;
    void showSummary(outcome.result, offer ? () => includeUnanonymisedToo(outcome.result as ExportHarvestResult, () => run(true)) : undefined);
  }
  return outcome;
}

/** Asked from the summary: the export again, with the outcomes that still hold possible identifying details, once the user confirms. */
async function includeUnanonymisedToo(result: ExportHarvestResult, exportAgain: () => Promise<ExportHarvestOutcome>): Promise<void> {
  const include = vscode.l10n.t('Export Including Them');
  const answer = await vscode.window.showWarningMessage(
    result.unanonymisedLeftOut === 1
      ? vscode.l10n.t('Include 1 outcome that may still name someone?')
      : vscode.l10n.t('Include {0} outcomes that may still name someone?', result.unanonymisedLeftOut),
    {
      modal: true,
      detail: vscode.l10n.t(
        'They still hold possible identifying details (a person’s name, a place below the country, a telephone number or an e-mail address: see the possible-identifier warnings). Anyone who receives the file can read them.',
      ),
    },
    include,
  );
  if (answer !== include) return;
  const again = await exportAgain();
  if (again.result) void showSummary(again.result, undefined);
}

function pickOutput(source: vscode.Uri, layout: Layout): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(source)?.uri ?? vscode.Uri.joinPath(source, '..');
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Harvest: the file to write'),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: vscode.Uri.joinPath(folder, layout === 'master' ? 'harvest.xlsx' : 'harvest-causal-map.xlsx'),
    filters: { [vscode.l10n.t('Excel workbook')]: ['xlsx'], [vscode.l10n.t('CSV (UTF-8)')]: ['csv'] },
  });
}

async function showSummary(result: ExportHarvestResult, includeThem: (() => Promise<void>) | undefined): Promise<void> {
  const files = result.files.map((uri) => vscode.Uri.parse(uri).path.replace(/^.*\//, '')).join(', ');
  const leftOut =
    result.confidentialLeftOut > 0
      ? ` ${
          result.confidentialLeftOut === 1
            ? vscode.l10n.t('1 confidential outcome was left out.')
            : vscode.l10n.t('{0} confidential outcomes were left out.', result.confidentialLeftOut)
        }`
      : '';
  const unanonymised =
    result.unanonymisedLeftOut > 0
      ? ` ${
          result.unanonymisedLeftOut === 1
            ? vscode.l10n.t('1 outcome was left out: it still holds possible identifying details.')
            : vscode.l10n.t('{0} outcomes were left out: they still hold possible identifying details.', result.unanonymisedLeftOut)
        }`
      : '';
  const [first, ...more] = result.warnings;
  const warnings =
    first === undefined ? '' : ` ${more.length > 0 ? vscode.l10n.t('Note: {0} (and {1} more).', first, more.length) : vscode.l10n.t('Note: {0}.', first)}`;
  // In the browser there is no operating system's file explorer: the workbench's Explorer shows the file.
  const inBrowser = vscode.env.uiKind === vscode.UIKind.Web;
  const reveal = inBrowser ? vscode.l10n.t('Reveal in Explorer') : vscode.l10n.t('Reveal in File Explorer');
  const includeLabel = vscode.l10n.t('Export Them Too…');
  const answer = await vscode.window.showInformationMessage(
    `${result.fragments === 1 ? vscode.l10n.t('Exported 1 outcome to {0}.', files) : vscode.l10n.t('Exported {0} outcomes to {1}.', result.fragments, files)}${leftOut}${unanonymised}${warnings}`,
    reveal,
    ...(includeThem ? [includeLabel] : []),
  );
  if (answer === includeLabel && includeThem) await includeThem();
  else if (answer === reveal && result.files[0])
    await vscode.commands.executeCommand(inBrowser ? 'revealInExplorer' : 'revealFileInOS', vscode.Uri.parse(result.files[0]));
}
