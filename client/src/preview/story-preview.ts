import * as vscode from 'vscode';
import type { StoryModel } from '../../../server/src/protocol';
import { fragmentIndexAt, renderPreviewBody, renderPreviewDocument } from './render';

/** What the webview reports after each render: what a reader sees, for tests and diagnosis. */
export interface PreviewRenderReport {
  readonly title: string;
  readonly confidentialBanner: boolean;
  readonly evidenceWarning: boolean;
  readonly sections: number;
  readonly redactionMarks: number;
  readonly placeholderMarks: number;
  readonly text: string;
}

/** What the webview reports after highlighting the sections of the cursor's line: their first lines. */
export interface PreviewHighlightReport {
  readonly line: number;
  readonly lines: readonly number[];
}

type MessageFromWebview =
  | ({ type: 'rendered' } & PreviewRenderReport)
  | ({ type: 'highlighted' } & PreviewHighlightReport)
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  | { type: 'show-problems' };

/** Typing updates the preview after this pause: well within half a second, without a render per keystroke. */
const UPDATE_DELAY_MS = 120;
const VIEW_TYPE = 'outcomeFragments.preview';

/**
 * The live preview of the merged story. One panel follows the active fragment editor; the model
 * comes from the language server, the HTML from `render.ts`; this class only wires them to VS Code.
 */
export class StoryPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private model: StoryModel | undefined;
  private cursorLine = 0;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly rendered = new vscode.EventEmitter<PreviewRenderReport>();
  private readonly highlighted = new vscode.EventEmitter<PreviewHighlightReport>();
  private readonly subscriptions: vscode.Disposable[] = [this.rendered, this.highlighted];
  /** Fires when the webview has shown a new render. */
  readonly onDidRender = this.rendered.event;
  /** Fires when the webview has highlighted the sections of the cursor's line. */
  readonly onDidHighlight = this.highlighted.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly requestModel: (uri: string) => Promise<StoryModel | null>,
    private readonly isFragment: (document: vscode.TextDocument) => boolean,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && this.isFragment(editor.document) && editor.document !== this.document) this.follow(editor.document, editor);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.moveCursor(event.selections[0]?.active.line ?? 0);
      }),
    );
  }

  /** Opens the preview of `document` (or reveals it), beside the editor or in its place. */
  show(document: vscode.TextDocument, toSide: boolean): void {
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (this.panel) this.panel.reveal(column, toSide);
    else this.panel = this.createPanel(column, toSide);
    this.follow(document, vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : undefined);
  }

  dispose(): void {
    clearTimeout(this.updateTimer);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private createPanel(column: vscode.ViewColumn, preserveFocus: boolean): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Fragment Preview'),
      { viewColumn: column, preserveFocus },
      // Nothing but our media folder may be loaded; links never run commands.
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] },
    );
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.document = undefined;
      this.model = undefined;
    });
    panel.webview.onDidReceiveMessage((message: MessageFromWebview) => this.onMessage(message));
    return panel;
  }

  private follow(document: vscode.TextDocument, editor: vscode.TextEditor | undefined): void {
    this.document = document;
    this.cursorLine = editor?.selection.active.line ?? 0;
    if (this.panel) this.panel.title = vscode.l10n.t('Preview {0}', document.uri.path.split('/').pop() ?? '');
    this.model = undefined;
    void this.update(true);
  }

  private scheduleUpdate(): void {
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => void this.update(false), UPDATE_DELAY_MS);
  }

  private moveCursor(line: number): void {
    const before = this.model ? fragmentIndexAt(this.model, this.cursorLine) : 0;
    this.cursorLine = line;
    if (this.model && fragmentIndexAt(this.model, line) !== before) this.post();
    else void this.panel?.webview.postMessage({ type: 'highlight', line });
  }

  /** Asks the server for the model of the followed document and shows it. */
  private async update(newPage: boolean): Promise<void> {
    const document = this.document;
    if (!document || !this.panel) return;
    const model = await this.requestModel(document.uri.toString());
    if (document !== this.document || !this.panel || !model) return;
    this.model = model;
    if (newPage) this.setPage();
    else this.post();
  }

  /** A whole new page, with a fresh nonce: on opening and when following another document. */
  private setPage(): void {
    if (!this.panel || !this.model) return;
    const { webview } = this.panel;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    webview.html = renderPreviewDocument({
      body: renderPreviewBody(this.model, fragmentIndexAt(this.model, this.cursorLine)),
      nonce: nonce(),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      language: vscode.env.language,
    });
  }

  /** A new body for the page already shown: no reload, so no flicker and the scroll position stays. */
  private post(): void {
    if (!this.panel || !this.model) return;
    void this.panel.webview.postMessage({
      type: 'update',
      html: renderPreviewBody(this.model, fragmentIndexAt(this.model, this.cursorLine)),
      cursorLine: this.cursorLine,
    });
  }

  private onMessage(message: MessageFromWebview): void {
    switch (message.type) {
      case 'ready':
        // A page that was hidden and is shown again starts from its first HTML: bring it up to date.
        this.post();
        break;
      case 'rendered': {
        const { type: _type, ...report } = message;
        this.rendered.fire(report);
        break;
      }
      case 'highlighted':
        this.highlighted.fire({ line: message.line, lines: message.lines });
        break;
      case 'reveal':
        void this.reveal(message.line);
        break;
      case 'show-problems':
        void vscode.commands.executeCommand('workbench.actions.view.problems');
        break;
    }
  }

  /** Shows a line of the followed document in its editor, cursor at its start. */
  private async reveal(line: number): Promise<void> {
    if (!this.document || !Number.isInteger(line) || line < 0) return;
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
