import { DidChangeConfigurationNotification } from 'vscode-languageserver';
import { fragmentIds } from '../core/rules/duplicate-id';
import type { ServerContext } from './context';
import { publishConfigProblems, revalidateAll } from './diagnostics';
import { type Settings, settingsFrom } from './settings';

/**
 * Reads the settings, the folders' configurations and the index once the client is ready, and
 * again whenever a setting changes. Loads run one after the other, and a change that comes during
 * one queues one more (never two): an older reading of the settings or folders must never finish last.
 */
export function registerWorkspaceLoading(context: ServerContext): void {
  const { connection } = context;
  let loads: Promise<void> = Promise.resolve();
  let loadQueued = false;
  function reloadWorkspace(): Promise<void> {
    if (loadQueued) return loads;
    loadQueued = true;
    loads = loads.then(() => {
      loadQueued = false;
      return loadWorkspace(context).catch((error: unknown) => connection.console.error(`Loading the workspace failed: ${(error as Error).message}`));
    });
    return loads;
  }

  connection.onInitialized(async () => {
    if (context.client.hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'outcomeFragments' });
    await reloadWorkspace();
  });
  connection.onDidChangeConfiguration(() => void reloadWorkspace());
}

/** (Re)reads the settings, the folders' configurations and the index, then re-checks everything shown. */
async function loadWorkspace(context: ServerContext): Promise<void> {
  const { workspace, documents } = context;
  // Closed files shown in workspace mode are checked again after: cleared if no longer shown.
  const shownBefore = context.settings.validate === 'workspace' ? workspace.fragmentFiles() : [];
  const folderSettings = await Promise.all(
    context.client.folders.map(async (folder) => ({
      uri: folder.uri,
      settings: { exclude: (await configuration<Record<string, boolean>>(context, 'files.exclude', folder.uri)) ?? {} },
    })),
  );
  const settings = settingsFrom(await configuration<Partial<Settings>>(context, 'outcomeFragments'));
  context.settings = settings;
  workspace.setSettings(settings.severities, settings.maxFileSize, settings.qualityHints === 'on');
  if (context.client.readsFolders && folderSettings.length > 0) await workspace.loadFolders(folderSettings, settings.maxFileSize);
  workspace.setFolders(folderSettings);
  for (const document of documents.all()) {
    const service = workspace.serviceFor(document.uri);
    workspace.indexIds(document.uri, fragmentIds(service.parse(document.getText()), service.index));
  }
  context.workspaceLoaded = true;
  context.markLoaded();
  publishConfigProblems(context);
  for (const file of shownBefore) context.validations.schedule(file.uri);
  revalidateAll(context);
}

async function configuration<T>(context: ServerContext, section: string, scopeUri?: string): Promise<T | undefined> {
  if (!context.client.hasConfiguration) return undefined;
  return (await context.connection.workspace.getConfiguration(scopeUri ? { section, scopeUri } : { section })) as T | undefined;
}
