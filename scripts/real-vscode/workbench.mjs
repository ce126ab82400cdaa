// One real-VS Code session for the offline launchers: VS Code server + headless Chromium
// showing the workbench on a throwaway copy of example/, with our extension loaded in
// development mode and, optionally, the integration suite running in its extension host.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { copyExampleWorkspace, makeRunDir, repoRoot } from './project.mjs';
import { freePort, startServer, unattendedSettings } from './vscode-server.mjs';

const chromiumSettings = JSON.parse(readFileSync(new URL('./chromium.json', import.meta.url), 'utf8'));
const chromiumPath = process.env.CHROMIUM_PATH ?? chromiumSettings.path;
const chromiumArgs = chromiumSettings.args;

/** Fails before any slow step (provisioning) when the session could not work anyway. */
export function checkPrerequisites() {
  if (!existsSync(join(repoRoot, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run `npm run build` first');
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
}

/**
 * @param {{ runtime: { nodeBin: string, serverMain: string }, extensionTestsPath?: string,
 *           openFile?: string, viewport?: { width: number, height: number }, verbose?: boolean,
 *           onConsoleText?: (text: string) => void }} options
 *   openFile is relative to the workspace copy.
 * @returns the page, the workspace copy, `exitCode` (what the suite reports through
 *   codeAutomationExit; rejects if the page crashes) and close().
 */
export async function openWorkbench({ runtime, extensionTestsPath, openFile, viewport, onConsoleText, verbose = Boolean(process.env.REAL_VSCODE_VERBOSE) }) {
  const runDir = makeRunDir();
  const workspace = copyExampleWorkspace(runDir);
  const removeRunDir = () => rmSync(runDir, { recursive: true, force: true });
  process.once('exit', removeRunDir); // also when a timeout ends the process
  let server;
  let browser;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    process.removeListener('exit', removeRunDir);
    removeRunDir();
  };
  try {
    server = await startServer({
      ...runtime,
      port: await freePort(),
      dataDir: join(runDir, 'profile'),
      settings: unattendedSettings,
      env: { EXTENSIONS_GALLERY: '{}' }, // no marketplace: nothing to fetch offline, no failed-request noise
      verbose,
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const page = await browser.newPage(viewport ? { viewport } : {});
    page.on('console', consolePrinter(verbose, onConsoleText));
    page.on('pageerror', (error) => console.log(`[workbench] page error: ${error.message}`));

    let reportExit;
    const exitCode = new Promise((resolve, reject) => {
      reportExit = resolve;
      page.on('crash', () => reject(new Error('the workbench page crashed')));
      server.exited.then((how) => reject(new Error(`the VS Code server stopped during the run (${how})`)));
    });
    exitCode.catch(() => {}); // callers that only take screenshots never await it
    // The workbench calls this when the suite ends (with --enable-smoke-test-driver), as @vscode/test-web uses it.
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    const url = server.workbenchUrl({
      folder: workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      openFile: openFile && join(workspace, openFile),
    });
    await page.goto(url);
    return { page, workspace, exitCode, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Prints browser console messages in order, formatted (the mocha report arrives this way). */
function consolePrinter(verbose, onConsoleText = () => {}) {
  let previous = Promise.resolve();
  return (message) => {
    const values = Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
    previous = previous
      .then(() => values)
      .then(
        (args) => formatConsoleArgs(args.length > 0 ? args : [message.text()]),
        () => message.text(), // the page went away mid-message
      )
      .then((text) => {
        onConsoleText(text);
        console.log(verbose ? `[browser ${message.type()}] ${text}` : text);
      });
  };
}

/**
 * The workbench logs as console.log('%c INFO', 'color: …', format, ...args): drop the
 * CSS arguments and apply the printf-style format that follows, as Node's console would.
 */
function formatConsoleArgs([first, ...rest]) {
  if (typeof first !== 'string') return format(first, ...rest);
  const styles = first.match(/%c/g)?.length ?? 0;
  let head = first.replace(/%c/g, '');
  const tail = rest.slice(styles);
  if (!/%[sdifjoO]/.test(head) && typeof tail[0] === 'string') head = `${head} ${tail.shift()}`;
  return format(head, ...tail);
}
