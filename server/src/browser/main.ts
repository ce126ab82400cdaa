import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { FragmentWorkspace } from '../workspace/fragment-workspace';
import { ClientFolders } from './client-folders';
import { registerBrowserReportRequests } from './report-requests';
import { registerBrowserSubstantiationRequests } from './substantiation-requests';
import { registerBrowserHarvestRequests } from './workbook-requests';

// The language server in a web worker (dist/browser/server.js): the same wiring over messages
// posted to and from the page that started it; the folders come from the client.
type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = globalThis as unknown as WorkerScope;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const workspace = new FragmentWorkspace(new ClientFolders(connection));
startServer(connection, workspace);
registerBrowserHarvestRequests(connection, workspace);
registerBrowserSubstantiationRequests(connection, workspace);
registerBrowserReportRequests(connection, workspace);
connection.listen();
