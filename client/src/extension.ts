import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

const LANGUAGE_ID = 'fragment';
/** Fragment files generated from the harvest spreadsheet are `.txt` files that start with their FragmentID. */
const FRAGMENT_FIRST_LINE = /^\uFEFF?\*\*FragmentID\*\*:/;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Activation on plain text only looks at first lines; the server starts with the first fragment.
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(async (document) => {
      await adoptFragmentText(document);
      if (document.languageId === LANGUAGE_ID) await startClient(context);
    }),
  );
  await Promise.all(vscode.workspace.textDocuments.map(adoptFragmentText));
  if (vscode.workspace.textDocuments.some((document) => document.languageId === LANGUAGE_ID)) await startClient(context);
}

let starting: Promise<void> | undefined;

function startClient(context: vscode.ExtensionContext): Promise<void> {
  starting ??= (async () => {
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
      ],
    };
    client = new LanguageClient('outcomeFragments', 'Outcome Fragments', serverOptions, clientOptions);
    await client.start();
  })();
  return starting;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Opens a plain-text file that starts with a FragmentID line as a fragment. */
async function adoptFragmentText(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'plaintext' || document.lineCount === 0) return;
  if (!FRAGMENT_FIRST_LINE.test(document.lineAt(0).text)) return;
  await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}
