import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { OpenDocumentsWorkspace } from './open-documents-workspace';

// The language server in a web worker (dist/browser/server.js): the same wiring over messages
// posted to and from the page that started it.
type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = globalThis as unknown as WorkerScope;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
startServer(connection, new OpenDocumentsWorkspace());
connection.listen();
