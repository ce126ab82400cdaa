import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { useTranslationsFrom } from '../core/l10n/display-language';
import { startServer } from '../lsp/server';
import { FragmentWorkspace } from '../workspace/fragment-workspace';
import { DiskFileSystem } from './disk-file-system';
import { registerReportRequests } from './report-requests';
import { stdioConnection } from './stdio-connection';
import { registerSubstantiationRequests } from './substantiation-requests';
import { readTranslations } from './translations';
import { registerHarvestRequests } from './workbook-requests';

// The language server as a Node process (dist/language-server.js, which dist/server.js loads).
// The connection picks its transport from the command line: --stdio, --node-ipc or --socket=N.
// Over stdio, the server writes the JSON of large results it made already as it is (stdio-connection.ts).
useTranslationsFrom(readTranslations);
const stdio = process.argv.includes('--stdio');
const connection = stdio ? stdioConnection() : createConnection(ProposedFeatures.all);
// Windows and macOS disks ignore case: one file, whatever the case of its URI.
const workspace = new FragmentWorkspace(new DiskFileSystem(), { ignoreCase: process.platform === 'win32' || process.platform === 'darwin' });
startServer(connection, workspace, { encodedJson: stdio });
// Workbooks in and out need the disk: Node only.
registerHarvestRequests(connection, workspace);
registerSubstantiationRequests(connection, workspace);
registerReportRequests(connection, workspace);
connection.listen();
