import {
  FIX_ALL_EDITS_REQUEST,
  type FixAllEditsParams,
  HARVEST_CHANGED_NOTIFICATION,
  HARVEST_SUMMARY_REQUEST,
  type HarvestSummaryResult,
  SCHEMA_STATUS_REQUEST,
  type SchemaStatusParams,
  type SchemaStatusResult,
  WORKSPACE_FILES_REQUEST,
} from '../protocol';
import { whenNotCancelled } from './cancellation';
import type { ServerContext } from './context';

/** Our requests on the whole harvest: Fix All in Workspace, the Harvest view's and the dashboard's summary. */
export function registerWorkspaceRequests(context: ServerContext): void {
  const { connection, workspace } = context;

  // "Fix all fragments in workspace": the client asks for the files, then for each file's edits.
  connection.onRequest(WORKSPACE_FILES_REQUEST, () => workspace.fragmentFiles().map((file) => file.uri));
  connection.onRequest(FIX_ALL_EDITS_REQUEST, (params: FixAllEditsParams, token) =>
    whenNotCancelled(token, () => {
      const uri = params.textDocument.uri;
      // An open document's edits are made from its text, unsaved changes and all, however the request spells its URI.
      const text = context.openDocument(uri)?.getText() ?? workspace.readText(uri);
      return text === undefined ? [] : workspace.serviceFor(uri).fixAllEdits(text, uri, token);
    }),
  );

  // The language status: the schema a file is checked with, and the configuration that makes it.
  connection.onRequest(SCHEMA_STATUS_REQUEST, ({ uri }: SchemaStatusParams): SchemaStatusResult => {
    const target = workspace.dismissalTargetFor(uri);
    const config = target?.text === undefined ? undefined : target.uri;
    const problems =
      config === undefined ? 0 : (workspace.configProblems().find((entry) => workspace.keyOf(entry.uri) === workspace.keyOf(config))?.problems.length ?? 0);
    return { schema: workspace.serviceFor(uri).schema.name, ...(config === undefined ? {} : { config }), configProblems: problems };
  });

  // The Harvest view and the dashboard: the summary of the index, and a word when it changed (at most every 300 ms).
  connection.onRequest(HARVEST_SUMMARY_REQUEST, async (): Promise<HarvestSummaryResult> => {
    await context.firstLoad;
    return workspace.harvestSummary();
  });
  let harvestChangeTimer: ReturnType<typeof setTimeout> | undefined;
  workspace.onHarvestChange = () => {
    if (harvestChangeTimer !== undefined) return;
    harvestChangeTimer = setTimeout(() => {
      harvestChangeTimer = undefined;
      void connection.sendNotification(HARVEST_CHANGED_NOTIFICATION);
    }, 300);
  };
}
