import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/browser';
import { activateExtension, deactivate, type OutcomeFragmentsApi } from '../extension';
import { readFoldersForServer } from './folder-reader';
import { serveHarvestFiles } from './harvest-host';

/** The web extension host's Worker and Blob (the project compiles without the DOM library). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

/**
 * The extension in VS Code for the Web (vscode.dev, github.dev, a code-server's web worker host):
 * the language server runs in a web worker (dist/browser/server.js). Open documents of any scheme
 * are checked; the client reads the folders for the server, which cannot (./folder-reader.ts).
 */
export function activate(context: vscode.ExtensionContext): Promise<OutcomeFragmentsApi> {
  return activateExtension(context, {
    documentSelector: [{ language: 'fragment' }],
    serverReadsFiles: false,
    async createClient(extension, clientOptions) {
      const { worker, url } = await startWorker(extension);
      const client = new LanguageClient('outcomeFragments', 'Outcome Fragments', clientOptions, worker);
      extension.subscriptions.push(readFoldersForServer(client));
      serveHarvestFiles(client, extension.extensionUri);
      // The worker has read its script once it answers (or the client gave up on it): the blob's URL can go.
      const revoke = client.onDidChangeState(({ newState }) => {
        if (newState === State.Starting) return;
        URL.revokeObjectURL(url);
        revoke.dispose();
      });
      return client;
    },
  });
}

/**
 * `new Worker(uri)` of the bundle throws when the extension is served from another origin (a
 * `vscode-remote://` extension in code-server's web worker host), so the worker starts from a
 * blob of the bundle's bytes, read through `workspace.fs`, which works wherever the extension is.
 */
async function startWorker(context: vscode.ExtensionContext) {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js'));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  return { worker: new Worker(url, { name: 'Outcome Fragments language server' }), url };
}

export { deactivate };
