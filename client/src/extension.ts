import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import {
  FIX_ALL_EDITS_REQUEST,
  type FixAllEditsParams,
  FRAGMENT_FIRST_LINE,
  STORY_MODEL_REQUEST,
  type StoryModelParams,
  type StoryModelResult,
  WORKSPACE_FILES_REQUEST,
} from '../../server/src/protocol';
import { sendFolderEvents } from './folder-events';
import type { DashboardRenderReport } from './harvest/dashboard';
import type { HarvestTree } from './harvest/harvest-tree';
import { registerHarvest } from './harvest/register';
import { registerHarvestCommands } from './harvest-io';
import { LanguageStatus } from './language-status';
import { storyToCopy } from './preview/copy';
import { fragmentIndexAt } from './preview/render';
import { type PreviewHighlightReport, type PreviewRenderReport, StoryPreview } from './preview/story-preview';
import { keepDiagnosticsOfCancelledPulls } from './pulled-diagnostics';
import { showStartPreview } from './start-preview';
import { registerWalkthrough } from './walkthrough';

const LANGUAGE_ID = 'fragment';

let client: BaseLanguageClient | undefined;

/**
 * How the language server runs: a Node process (client/src/node/main.ts) or a web worker
 * (client/src/browser/main.ts). The rest of the extension is the same in both.
 */
export interface ClientRuntime {
  /** The documents the server checks: files on disk in Node; any scheme in the browser (vscode-vfs, vscode-remote…). */
  readonly documentSelector: DocumentSelector;
  /**
   * Whether the server reads the workspace's files itself (Node); the web worker cannot, so the
   * browser client reads them for it (client/src/browser/folder-reader.ts), and workbooks, which
   * the server reads and writes, are not offered there.
   */
  readonly serverReadsFiles: boolean;
  createClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions): Promise<BaseLanguageClient>;
}
let runtime: ClientRuntime;

/** What the extension offers other extensions and its integration tests. */
export interface OutcomeFragmentsApi {
  /** Fires each time the preview has shown a new render, with what it shows. */
  readonly onDidRenderPreview: vscode.Event<PreviewRenderReport>;
  /** Fires each time the preview has highlighted the sections of the cursor's line. */
  readonly onDidHighlightPreview: vscode.Event<PreviewHighlightReport>;
  /** Fires each time the Harvest Dashboard has shown a new render, with what it shows. */
  readonly onDidRenderDashboard: vscode.Event<DashboardRenderReport>;
  /** The Harvest view's tree, as VS Code asks it. */
  readonly harvestTree: HarvestTree;
  /** The language status items of fragment files: what they show, and when that changes. */
  readonly languageStatus: Pick<LanguageStatus, 'report' | 'onDidUpdate'>;
}

export async function activateExtension(context: vscode.ExtensionContext, clientRuntime: ClientRuntime): Promise<OutcomeFragmentsApi> {
  runtime = clientRuntime;
  // The pure modules (the preview's rendering) translate with @vscode/l10n: give it VS Code's bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const isFragment = (document: vscode.TextDocument) => document.languageId === LANGUAGE_ID;
  const storyModel = requestStoryModel(context);
  const preview = new StoryPreview(context.extensionUri, storyModel, isFragment);
  const harvestClient = () => startClient(context);
  const harvest = registerHarvest(context, harvestClient);
  const languageStatus = new LanguageStatus(harvestClient, harvest.source);
  context.subscriptions.push(
    preview,
    languageStatus,
    vscode.commands.registerCommand('outcomeFragments.openPreview', (uri?: vscode.Uri) => openPreview(preview, uri, false)),
    vscode.commands.registerCommand('outcomeFragments.openPreviewToSide', (uri?: vscode.Uri) => openPreview(preview, uri, true)),
    vscode.commands.registerCommand('outcomeFragments.copyMergedStory', () => copyMergedStory(storyModel)),
    vscode.commands.registerCommand('outcomeFragments.fixAllInWorkspace', async () => fixAllInWorkspace(await startClient(context))),
    registerHarvestCommands(harvestClient),
    registerWalkthrough(context),
    vscode.commands.registerCommand(SAVE_CONFIGURATION_COMMAND, saveConfiguration),
    // Activation on plain text only looks at first lines; the server starts with the first fragment.
    vscode.workspace.onDidOpenTextDocument(async (document) => {
      await adoptFragmentText(document);
      if (isFragment(document)) await startClient(context);
    }),
  );
  await Promise.all(vscode.workspace.textDocuments.map(adoptFragmentText));
  if (vscode.workspace.textDocuments.some(isFragment)) await startClient(context);
  void showStartPreview(context);
  return {
    onDidRenderPreview: preview.onDidRender,
    onDidHighlightPreview: preview.onDidHighlight,
    onDidRenderDashboard: harvest.dashboard.onDidRender,
    harvestTree: harvest.tree,
    languageStatus,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

let starting: Promise<BaseLanguageClient> | undefined;

function startClient(context: vscode.ExtensionContext): Promise<BaseLanguageClient> {
  starting ??= (async () => {
    const clientOptions: LanguageClientOptions = {
      documentSelector: runtime.documentSelector,
      // The server indexes fragment files for duplicate-id and reads each folder's .fragmentrc.json.
      // (In the web, the client's folder reader watches them: it sends a file's text before the event.)
      synchronize: runtime.serverReadsFiles ? { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.fragment,*.txt,.fragmentrc.json}') } : {},
      // The server's messages follow VS Code's display language: the extension's bundle for it (none in English).
      // "Dismiss for this fragment" edits .fragmentrc.json, then runs saveCommand to save it: the server reads the file on disk.
      // In the web, the client reads the folders for the server (readsFolders: client/src/browser/folder-reader.ts).
      initializationOptions: { l10nBundle: vscode.l10n.bundle, saveCommand: SAVE_CONFIGURATION_COMMAND, readsFolders: !runtime.serverReadsFiles },
      middleware: keepDiagnosticsOfCancelledPulls,
    };
    client = await runtime.createClient(context, clientOptions);
    await client.start();
    if (runtime.serverReadsFiles) context.subscriptions.push(sendFolderEvents(client));
    return client;
  })();
  return starting;
}

const SAVE_CONFIGURATION_COMMAND = 'outcomeFragments.saveConfiguration';

/** Saves the configuration file a dismissal just edited (the edit leaves it unsaved), so that it applies at once. */
async function saveConfiguration(uri: string): Promise<void> {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === vscode.Uri.parse(uri).toString());
  if (document?.isDirty) await document.save();
}

/** The preview's model comes from the server: the same core as the diagnostics and the CLI. */
function requestStoryModel(context: vscode.ExtensionContext) {
  return async (uri: string): Promise<StoryModelResult> => {
    const running = await startClient(context);
    const params: StoryModelParams = { textDocument: { uri } };
    return running.sendRequest<StoryModelResult>(STORY_MODEL_REQUEST, params);
  };
}

/** Opens a plain-text file that starts with a FragmentID line as a fragment. */
async function adoptFragmentText(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'plaintext' || document.lineCount === 0) return;
  if (!FRAGMENT_FIRST_LINE.test(document.lineAt(0).text)) return;
  await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

async function openPreview(preview: StoryPreview, uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
  // From the walkthrough, whose page is in front: the fragment beside it.
  const inFront = () => vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((editor) => editor.document.languageId === LANGUAGE_ID);
  const document = uri ? await vscode.workspace.openTextDocument(uri) : inFront()?.document;
  if (!document || document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a fragment file to preview its merged story.'));
    return;
  }
  preview.show(document, toSide);
}

/**
 * Applies every preferred fix to every fragment file of the workspace, with progress and a
 * Cancel button; the files changed are saved. Files are fixed in batches so that cancelling
 * stops soon and no single edit grows too large.
 */
async function fixAllInWorkspace(running: BaseLanguageClient): Promise<void> {
  const files = await running.sendRequest<string[]>(WORKSPACE_FILES_REQUEST);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No fragment files in this workspace.'));
    return;
  }
  const fixed = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Fixing fragments'), cancellable: true },
    async (progress, token) => {
      let changed = 0;
      const batchSize = 50;
      for (let start = 0; start < files.length && !token.isCancellationRequested; start += batchSize) {
        const batch = files.slice(start, start + batchSize);
        const edit = new vscode.WorkspaceEdit();
        for (const uri of batch) {
          const params: FixAllEditsParams = { textDocument: { uri } };
          const edits = await running
            .sendRequest<Array<{ range: vscode.Range; newText: string }>>(FIX_ALL_EDITS_REQUEST, params, token)
            .catch((error: unknown) => {
              if (token.isCancellationRequested) return [];
              throw error;
            });
          if (!edits || edits.length === 0) continue;
          edit.set(
            vscode.Uri.parse(uri),
            edits.map((textEdit) => vscode.TextEdit.replace(running.protocol2CodeConverter.asRange(textEdit.range), textEdit.newText)),
          );
        }
        if (edit.size > 0 && !token.isCancellationRequested) {
          await vscode.workspace.applyEdit(edit);
          for (const [uri] of edit.entries()) {
            const document = await vscode.workspace.openTextDocument(uri);
            await document.save();
            changed++;
          }
        }
        progress.report({
          increment: (batch.length / files.length) * 100,
          message: vscode.l10n.t('{0} of {1} files', Math.min(start + batchSize, files.length), files.length),
        });
      }
      return changed;
    },
  );
  void vscode.window.showInformationMessage(vscode.l10n.t('Fixed {0} of {1} fragment files.', fixed, files.length));
}

/** Copies the merged story as it will be read (redactions kept); asks first when the outcome is confidential. */
async function copyMergedStory(storyModel: (uri: string) => Promise<StoryModelResult>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in a fragment to copy its merged story.'));
    return;
  }
  // The model of the text as it is now (the preview's may be a moment behind the typing).
  const model = await storyModel(editor.document.uri.toString());
  const fragment = model?.fragments[fragmentIndexAt(model, editor.selection.active.line)];
  if (!fragment || fragment.story.text === '') {
    void vscode.window.showInformationMessage(vscode.l10n.t('This fragment has no merged story yet: its fields are empty.'));
    return;
  }
  const { text, mustAsk, confidential, identifiers } = storyToCopy(fragment);
  if (mustAsk) {
    const copy = vscode.l10n.t('Copy Anyway');
    const why = [
      confidential ? vscode.l10n.t('Its merged story must not be shared outside the evaluation team.') : '',
      identifiers === 0
        ? ''
        : identifiers === 1
          ? vscode.l10n.t('It still holds a possible identifying detail (see the possible-identifier warning).')
          : vscode.l10n.t('It still holds {0} possible identifying details (see the possible-identifier warnings).', identifiers),
    ].filter(Boolean);
    const answer = await vscode.window.showWarningMessage(
      confidential ? vscode.l10n.t('"{0}" is confidential.', fragment.id) : vscode.l10n.t('"{0}" may still name someone.', fragment.id),
      { modal: true, detail: `${why.join(' ')} ${vscode.l10n.t('Copy it to the clipboard anyway?')}` },
      copy,
    );
    if (answer !== copy) return;
  }
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Merged story copied.'), 3000);
}
