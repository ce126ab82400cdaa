import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateExtension, deactivate, type OutcomeFragmentsApi } from '../extension';

/** The web extension host's Worker and Blob (the project compiles without the DOM library). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

/**
 * The extension in VS Code for the Web (vscode.dev, github.dev, a code-server's web worker host):
 * the language server runs in a web worker (dist/browser/server.js). Open documents of any scheme
 * are checked; the server knows the open documents only (see server/src/browser/).
 */
export function activate(context: vscode.ExtensionContext): Promise<OutcomeFragmentsApi> {
  return activateExtension(context, {
    documentSelector: [{ language: 'fragment' }],
    async createClient(extension, clientOptions) {
      return new LanguageClient('outcomeFragments', 'Outcome Fragments', clientOptions, await startWorker(extension));
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
  return new Worker(url, { name: 'Outcome Fragments language server' });
}

export { deactivate };
