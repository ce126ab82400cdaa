import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SCHEMA_STATUS_REQUEST, type SchemaStatusParams, type SchemaStatusResult } from '../../server/src/protocol';
import type { HarvestSource } from './harvest/harvest-source';

/** What the two items show, for the integration tests (VS Code does not let an extension read them back). */
export interface LanguageStatusReport {
  readonly schema: { readonly text: string; readonly detail: string; readonly opens?: string };
  readonly harvest: { readonly text: string; readonly detail: string };
}

const SELECTOR: vscode.DocumentSelector = { language: 'fragment' };

/**
 * The language status of a fragment file (the `{}` beside the language in the status bar): the
 * schema it is checked with (the SCC default, or the `.fragmentrc.json` that makes it, which a
 * click opens), and the harvest's outcomes with problems (a click shows the Harvest view).
 */
export class LanguageStatus implements vscode.Disposable {
  private readonly schema = vscode.languages.createLanguageStatusItem('outcomeFragments.schema', SELECTOR);
  private readonly harvest = vscode.languages.createLanguageStatusItem('outcomeFragments.harvestProblems', SELECTOR);
  private readonly updated = new vscode.EventEmitter<LanguageStatusReport>();
  /** Fires each time the items show something new. */
  readonly onDidUpdate = this.updated.event;
  private readonly subscriptions: vscode.Disposable[];
  private asked = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly start: () => Promise<BaseLanguageClient>,
    private readonly source: HarvestSource,
  ) {
    this.schema.name = vscode.l10n.t('Outcome Fragments schema');
    this.harvest.name = vscode.l10n.t('Outcome Fragments harvest');
    this.harvest.command = { command: 'outcomeFragments.harvest.focus', title: vscode.l10n.t('Show the Harvest') };
    this.schema.text = this.harvest.text = '$(loading~spin)';
    this.subscriptions = [
      this.schema,
      this.harvest,
      this.updated,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      source.onDidChange(() => this.updateSoon()),
      // A configuration saved changes the schema in force.
      vscode.workspace.onDidSaveTextDocument((document) => (document.uri.path.endsWith('/.fragmentrc.json') ? void this.update() : undefined)),
    ];
    void this.update();
  }

  /**
   * While someone types, the harvest changes every 300 ms or so: the count is asked for at most
   * every 2 s, so that a keystroke does not cost a summary of the whole harvest each time.
   */
  private updateSoon(): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      void this.update();
    }, 2000);
  }

  /** Asks the server for the active fragment file's schema and the harvest's summary; a later answer wins over an earlier one. */
  async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== 'fragment') return;
    const asked = ++this.asked;
    try {
      const client = await this.start();
      const [status, summary] = await Promise.all([
        client.sendRequest<SchemaStatusResult>(SCHEMA_STATUS_REQUEST, { uri: document.uri.toString() } satisfies SchemaStatusParams),
        this.source.summary(),
      ]);
      if (asked !== this.asked) return;
      this.showSchema(status);
      const { outcomes, withProblems } = summary.totals;
      this.harvest.text = withProblems === 1 ? vscode.l10n.t('1 outcome with problems') : vscode.l10n.t('{0} outcomes with problems', withProblems);
      this.harvest.detail = outcomes === 1 ? vscode.l10n.t('of 1 in the harvest') : vscode.l10n.t('of {0} in the harvest', outcomes);
      this.harvest.severity = withProblems > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      this.updated.fire(this.report());
    } catch {
      // The server stopped or restarts: the next change asks again.
    }
  }

  private showSchema(status: SchemaStatusResult): void {
    if (status.config === undefined) {
      this.schema.text = vscode.l10n.t('{0} schema', status.schema);
      this.schema.detail = vscode.l10n.t('the default; no .fragmentrc.json applies here');
      this.schema.command = undefined;
      this.schema.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const uri = vscode.Uri.parse(status.config);
    this.schema.text = vscode.workspace.asRelativePath(uri);
    this.schema.detail =
      status.configProblems > 0
        ? vscode.l10n.t('{0} schema; the configuration has problems (see the Problems panel)', status.schema)
        : vscode.l10n.t('{0} schema', status.schema);
    this.schema.severity = status.configProblems > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.schema.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
  }

  report(): LanguageStatusReport {
    const opens = this.schema.command?.arguments?.[0];
    return {
      schema: { text: this.schema.text, detail: this.schema.detail ?? '', ...(opens instanceof vscode.Uri ? { opens: opens.toString() } : {}) },
      harvest: { text: this.harvest.text, detail: this.harvest.detail ?? '' },
    };
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
