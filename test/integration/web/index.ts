// Entry point of the suite that runs in the web worker extension host (the window whose user
// settings make the extension a web one: scripts/real-vscode/run-server.mjs). Bundled for the
// browser by scripts/real-vscode/build-suite.mjs.
import { runAll } from './runner';
import './web.test';
import './harvest-io.test';
import './substantiation.test';
import './report.test';
import './folders.test';

export function run(): Promise<void> {
  return runAll('In the web worker extension host (VS Code for the Web)');
}
