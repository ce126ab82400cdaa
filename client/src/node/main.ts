import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateExtension, deactivate, type OutcomeFragmentsApi } from '../extension';

/** The extension in VS Code on the desktop or a remote: the language server is a Node process (dist/server.js). */
export function activate(context: vscode.ExtensionContext): Promise<OutcomeFragmentsApi> {
  return activateExtension(context, {
    documentSelector: [
      { scheme: 'file', language: 'fragment' },
      { scheme: 'untitled', language: 'fragment' },
      // A virtual workspace on the desktop (GitHub Repositories): its open documents are checked too.
      { scheme: 'vscode-vfs', language: 'fragment' },
    ],
    serverReadsFiles: true,
    async createClient(extension, clientOptions) {
      const serverModule = extension.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { env: SERVER_ENVIRONMENT } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { env: SERVER_ENVIRONMENT, execArgv: ['--nolazy', '--inspect=6009'] } },
      };
      return new LanguageClient('outcomeFragments', 'Outcome Fragments', serverOptions, clientOptions);
    },
  });
}

/**
 * What the server's environment changes of the extension host's. Node reads the certificates
 * named by NODE_EXTRA_CA_CERTS as it starts, before any code runs (80 ms of every start on a
 * 2-core machine), and the server never opens a connection: it is not handed them.
 */
const SERVER_ENVIRONMENT = { NODE_EXTRA_CA_CERTS: undefined };

export { deactivate };
