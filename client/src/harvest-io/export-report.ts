import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EXPORT_REPORT_REQUEST, type ExportReportParams, type ExportReportResult } from '../../../server/src/protocol';
import { errorMessage, pickOne, pickSources, requestWithProgress, savedOrAccepted } from './pickers';

/** What a caller (another extension, a test) may decide instead of the user; each one left out is asked. */
export interface ExportReportOptions {
  readonly output?: vscode.Uri;
  readonly includeConfidential?: boolean;
  /** Quote outcomes that may still name someone; when not said, they are counted, not quoted, and the summary offers them. */
  readonly includeUnanonymised?: boolean;
}

export interface ExportReportOutcome {
  readonly result?: ExportReportResult;
  readonly error?: string;
}

/**
 * "Export Harvest Report…" (FORMAT.md §10): the folders (from the Explorer, else the workspace),
 * whether confidential outcomes are quoted (not unless the user says so), the file (.docx or
 * .md); then the report with a progress notification and Cancel. The server writes it all or nothing.
 */
export async function exportReport(
  client: () => Promise<BaseLanguageClient>,
  resource?: vscode.Uri,
  selected?: readonly vscode.Uri[],
  options: ExportReportOptions = {},
): Promise<ExportReportOutcome | undefined> {
  const sources =
    selected && selected.length > 0
      ? [...selected]
      : resource
        ? [resource]
        : await pickSources(vscode.l10n.t('Export Harvest Report: the folder of fragments'), vscode.l10n.t('The workspace folder whose harvest to report on'));
  if (!sources || sources.length === 0) return undefined;
  const includeConfidential = await pickOne<boolean>(
    [
      {
        label: vscode.l10n.t('Count confidential outcomes, do not quote them'),
        detail: vscode.l10n.t('Outcomes flagged 1, or with an empty or invalid flag, count in the tables but are not quoted (recommended)'),
        value: false,
      },
      {
        label: vscode.l10n.t('Quote confidential outcomes too'),
        detail: vscode.l10n.t('The report will quote outcomes that must not be shared outside the evaluation team, marked Confidential'),
        value: true,
      },
    ],
    options.includeConfidential,
    vscode.l10n.t('Export Harvest Report: confidential outcomes'),
  );
  if (includeConfidential === undefined) return undefined;
  const output = options.output ?? (await pickOutput(sources[0] as vscode.Uri));
  if (!output) return undefined;
  if (!(await savedOrAccepted())) return undefined;

  const running = await client();
  const run = async (includeUnanonymised: boolean): Promise<ExportReportOutcome> => {
    try {
      const result = await requestWithProgress<ExportReportResult>(
        running,
        vscode.l10n.t('Writing the harvest report'),
        EXPORT_REPORT_REQUEST,
        (progressToken) => {
          const params: ExportReportParams = {
            paths: sources.map((uri) => uri.toString()),
            output: output.toString(),
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
        void vscode.window.showInformationMessage(vscode.l10n.t('Report cancelled: no file was written.'));
        return { error: 'cancelled' };
      }
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write the harvest report: {0}', message));
      return { error: message };
    }
  };
  const outcome = await run(options.includeUnanonymised === true);
  if (outcome.result) {
    // Fail-safe first: outcomes that may still name someone are not quoted; the user may quote them, knowingly.
    const offer = options.includeUnanonymised === undefined && outcome.result.unanonymisedLeftOut > 0;
    void showSummary(outcome.result, offer ? () => quoteUnanonymisedToo(outcome.result as ExportReportResult, () => run(true)) : undefined);
  }
  return outcome;
}

/** Asked from the summary: the report again, quoting the outcomes that may still name someone, once the user confirms. */
async function quoteUnanonymisedToo(result: ExportReportResult, again: () => Promise<ExportReportOutcome>): Promise<void> {
  const quote = vscode.l10n.t('Write the Report Quoting Them');
  const answer = await vscode.window.showWarningMessage(
    result.unanonymisedLeftOut === 1
      ? vscode.l10n.t('Quote 1 outcome that may still name someone?')
      : vscode.l10n.t('Quote {0} outcomes that may still name someone?', result.unanonymisedLeftOut),
    {
      modal: true,
      detail: vscode.l10n.t(
        'They still hold possible identifying details (a person’s name, a place below the country, a telephone number or an e-mail address: see the possible-identifier warnings). Anyone who receives the report can read them.',
      ),
    },
    quote,
  );
  if (answer !== quote) return;
  const written = await again();
  if (written.result) void showSummary(written.result, undefined);
}

function pickOutput(source: vscode.Uri): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(source)?.uri ?? vscode.Uri.joinPath(source, '..');
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Harvest Report: the file to write'),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: vscode.Uri.joinPath(folder, 'harvest-report.docx'),
    filters: { [vscode.l10n.t('Word document')]: ['docx'], Markdown: ['md'] },
  });
}

async function showSummary(result: ExportReportResult, quoteThem: (() => Promise<void>) | undefined): Promise<void> {
  const report = vscode.Uri.parse(result.files[0] ?? '');
  const name = report.path.replace(/^.*\//, '');
  const lines = [
    result.outcomes === 1
      ? vscode.l10n.t('Wrote the report of 1 outcome to {0}.', name)
      : vscode.l10n.t('Wrote the report of {0} outcomes to {1}.', result.outcomes, name),
  ];
  if (result.confidentialLeftOut > 0)
    lines.push(
      result.confidentialLeftOut === 1
        ? vscode.l10n.t('1 confidential outcome is counted but not quoted.')
        : vscode.l10n.t('{0} confidential outcomes are counted but not quoted.', result.confidentialLeftOut),
    );
  if (result.unanonymisedLeftOut > 0)
    lines.push(
      result.unanonymisedLeftOut === 1
        ? vscode.l10n.t('1 outcome that may still name someone is counted but not quoted.')
        : vscode.l10n.t('{0} outcomes that may still name someone are counted but not quoted.', result.unanonymisedLeftOut),
    );
  const inBrowser = vscode.env.uiKind === vscode.UIKind.Web;
  const markdown = /\.md$/i.test(name);
  // A Markdown report opens here; a Word document in the system's word processor, on the desktop only.
  const open = markdown || !inBrowser ? vscode.l10n.t('Open') : undefined;
  const reveal = inBrowser ? vscode.l10n.t('Reveal in Explorer') : vscode.l10n.t('Reveal in File Explorer');
  const quoteLabel = vscode.l10n.t('Quote Them Too…');
  const answer = await vscode.window.showInformationMessage(lines.join(' '), ...(open ? [open] : []), reveal, ...(quoteThem ? [quoteLabel] : []));
  if (answer === quoteLabel && quoteThem) await quoteThem();
  else if (answer === open && markdown) await vscode.commands.executeCommand('vscode.open', report);
  else if (answer === open) await vscode.env.openExternal(report);
  else if (answer === reveal) await vscode.commands.executeCommand(inBrowser ? 'revealInExplorer' : 'revealFileInOS', report);
}
