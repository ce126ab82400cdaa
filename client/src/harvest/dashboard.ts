import * as vscode from 'vscode';
import type { HarvestSummary } from '../../../server/src/protocol';
import { type DashboardModel, dashboardModel, markdownTable, selectionOf } from './dashboard-model';
import { dashboardTitle, renderDashboardBody, renderDashboardDocument, renderSelection } from './dashboard-render';
import type { HarvestSource } from './harvest-source';
import { openFragment } from './open-fragment';

/** What the webview reports after each render: what a reader sees, for tests and diagnosis. */
export interface DashboardRenderReport {
  readonly totals: Readonly<Record<string, number>>;
  /** Each table's rows as `[label, count]`; the matrix as its counts. */
  readonly tables: Readonly<Record<string, ReadonlyArray<readonly [string, number]> | number[][]>>;
  /** How many charts were drawn. */
  readonly charts: number;
  readonly text: string;
}

type MessageFromWebview =
  | ({ type: 'rendered' } & DashboardRenderReport)
  | { type: 'ready' }
  | { type: 'select'; table: string; row: number; column?: number }
  | { type: 'open'; fragment: number }
  | { type: 'copy'; table: string }
  | { type: 'selection-shown'; items: number };

const VIEW_TYPE = 'outcomeFragments.harvestDashboard';

/**
 * The Harvest Dashboard: one panel, rendered from the server's summary (through `dashboard-model`
 * and `dashboard-render`); this class only wires them to VS Code. The webview gets the model's
 * HTML; fragment indexes come back from it and are turned into files here.
 */
export class HarvestDashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private summary: HarvestSummary | undefined;
  private model: DashboardModel | undefined;
  private readonly rendered = new vscode.EventEmitter<DashboardRenderReport>();
  private readonly subscriptions: vscode.Disposable[] = [this.rendered];
  /** Fires when the webview has shown a new render. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: HarvestSource,
  ) {
    this.subscriptions.push(source.onDidChange(() => void this.update(false)));
  }

  /** Opens the dashboard (or reveals it) and shows the harvest as it is now. */
  async show(): Promise<void> {
    if (this.panel) this.panel.reveal();
    else this.panel = this.createPanel();
    await this.update(true);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'media')];
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      dashboardTitle(),
      vscode.ViewColumn.Active,
      // Nothing but our media may be loaded; links never run commands.
      { enableScripts: true, enableCommandUris: false, localResourceRoots: roots, retainContextWhenHidden: false },
    );
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.summary = undefined;
      this.model = undefined;
    });
    panel.webview.onDidReceiveMessage((message: MessageFromWebview) => this.onMessage(message));
    return panel;
  }

  private async update(newPage: boolean): Promise<void> {
    if (!this.panel) return;
    const summary = await this.source.summary();
    if (!this.panel) return;
    this.summary = summary;
    this.model = dashboardModel(summary);
    if (newPage) this.setPage();
    else this.post();
  }

  /** A whole new page with a fresh nonce. */
  private setPage(): void {
    if (!this.panel || !this.model) return;
    const { webview } = this.panel;
    webview.html = renderDashboardDocument({
      body: renderDashboardBody(this.model),
      nonce: nonce(),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'dashboard.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'media', 'dashboard.js')).toString(),
      language: vscode.env.language,
    });
  }

  /** A new body for the page shown: no reload, the scroll position stays. */
  private post(): void {
    if (!this.panel || !this.model) return;
    void this.panel.webview.postMessage({ type: 'update', html: renderDashboardBody(this.model) });
  }

  private onMessage(message: MessageFromWebview): void {
    const model = this.model;
    switch (message.type) {
      case 'ready':
        // A page hidden and shown again starts from its first HTML: bring it up to date.
        this.post();
        break;
      case 'rendered': {
        const { type: _type, ...report } = message;
        this.rendered.fire(report);
        break;
      }
      case 'select': {
        const selection =
          model && selectionOf(model, String(message.table), Number(message.row), message.column === undefined ? undefined : Number(message.column));
        if (!model || !selection) return;
        // One outcome: open it at once; several: list them.
        const [only] = selection.fragments;
        if (selection.fragments.length === 1 && only !== undefined) void this.open(only);
        else void this.panel?.webview.postMessage({ type: 'selection', html: renderSelection(model, selection.title, selection.fragments) });
        break;
      }
      case 'open':
        void this.open(Number(message.fragment));
        break;
      case 'copy': {
        const table = model && markdownTable(model, String(message.table));
        if (table === undefined) return;
        void vscode.env.clipboard.writeText(`${table}\n`).then(() => this.panel?.webview.postMessage({ type: 'copied', table: message.table }));
        break;
      }
      case 'selection-shown':
        break;
    }
  }

  private async open(index: number): Promise<void> {
    const fragment = Number.isInteger(index) ? this.summary?.fragments[index] : undefined;
    const uri = fragment && this.summary?.files[fragment.file];
    // Beside the dashboard, which stays in view.
    if (fragment && uri) await openFragment(uri, fragment.line, vscode.ViewColumn.Beside);
  }
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
