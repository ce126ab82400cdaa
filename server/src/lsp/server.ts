import { CodeActionKind, type Connection, type InitializeParams, TextDocumentSyncKind } from 'vscode-languageserver';
import { FIX_ALL_KIND } from '../core/features/code-actions';
import { useDisplayLanguage } from '../core/l10n/display-language';
import type { FragmentWorkspace } from '../workspace/fragment-workspace';
import { registerAuthoringRequests } from './authoring-requests';
import { ServerContext } from './context';
import { publishDiagnostics, registerPulledDiagnostics } from './diagnostics';
import { registerDocumentEvents } from './document-events';
import { registerDocumentRequests } from './document-requests';
import { PulledDiagnostics } from './pull-diagnostics';
import { registerWorkspaceLoading } from './workspace-loading';
import { registerWorkspaceRequests } from './workspace-requests';

/**
 * The language server's wiring, the same in every runtime: one short handler per request over
 * the core, in a file per family (diagnostics, document events, document requests, workspace
 * requests, the workspace's loading). Each runtime's main (server/src/node/main.ts,
 * server/src/browser/main.ts) makes the connection and the workspace, adds its own requests,
 * and starts listening.
 */
export function startServer(connection: Connection, workspace: FragmentWorkspace, options: { encodedJson?: boolean } = {}): void {
  const context = new ServerContext(connection, workspace, options, publishDiagnostics);

  connection.onInitialize((params: InitializeParams) => {
    // VS Code hands over its display language's bundle; other editors say their locale.
    useDisplayLanguage({ locale: params.locale, bundle: (params.initializationOptions as { l10nBundle?: unknown } | undefined)?.l10nBundle });
    const editCapabilities = params.capabilities.workspace?.workspaceEdit;
    const initializationOptions = params.initializationOptions as { saveCommand?: unknown; readsFolders?: unknown } | undefined;
    context.client = {
      saveCommand: typeof initializationOptions?.saveCommand === 'string' ? initializationOptions.saveCommand : undefined,
      createsFiles: editCapabilities?.documentChanges === true && editCapabilities.resourceOperations?.includes('create') === true,
      readsFolders: initializationOptions?.readsFolders === true,
      hasConfiguration: params.capabilities.workspace?.configuration === true,
      folders: params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []),
    };
    context.pulled = PulledDiagnostics.supportedBy(params.capabilities) ? new PulledDiagnostics(connection) : undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        // Completion opens on an empty line by itself; `*` starts a key, `:` and `,` a value or list entry.
        completionProvider: { triggerCharacters: ['*', ':', ',', ' '] },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        ...(context.pulled ? { diagnosticProvider: PulledDiagnostics.capability } : {}),
      },
      serverInfo: { name: 'Outcome Fragments' },
    };
  });

  registerWorkspaceLoading(context);
  registerPulledDiagnostics(context);
  registerDocumentEvents(context);
  registerDocumentRequests(context);
  registerWorkspaceRequests(context);
  registerAuthoringRequests(context);
  context.documents.listen(connection);
}
