// One real-VS Code session for the offline launchers: VS Code server + headless Chromium
// showing the workbench on a throwaway copy of example/, with our extension loaded in
// development mode and, optionally, the integration suite running in its extension host.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { isConsoleNoise } from './console-noise.mjs';
import { copyExampleWorkspace, makeRunDir, repoRoot } from './project.mjs';
import { freePort, installExtension, startServer, unattendedSettings } from './vscode-server.mjs';

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
 *           settings?: object, onConsoleText?: (text: string) => boolean }} options
 *   openFile is relative to the workspace copy; settings seed the profile (unattendedSettings by
 *   default); onConsoleText returns true for a message it consumed, which is then not printed.
 *   installVsix installs that package first, for a session whose extensionDevelopmentPath is
 *   another folder (the extension is then loaded as a user's installed extension).
 * @returns the page, the workspace copy, `exitCode` (what the suite reports through
 *   codeAutomationExit; rejects if the page crashes) and close().
 */
export async function openWorkbench({
  runtime,
  extensionTestsPath,
  openFile,
  viewport,
  onConsoleText,
  settings = unattendedSettings,
  extensionDevelopmentPath = repoRoot,
  installVsix,
  locale,
  verbose = Boolean(process.env.REAL_VSCODE_VERBOSE),
}) {
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
    if (installVsix) installExtension({ ...runtime, dataDir: join(runDir, 'profile'), vsix: installVsix });
    server = await startServer({
      ...runtime,
      port: await freePort(),
      dataDir: join(runDir, 'profile'),
      settings,
      env: { EXTENSIONS_GALLERY: '{}' }, // no marketplace: nothing to fetch offline, no failed-request noise
      verbose,
      ...(locale ? { locale } : {}),
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const page = await browser.newPage(viewport ? { viewport } : {});
    page.on(
      'console',
      consolePrinter(verbose, (text) => handleSuiteRequest(page, text) || onConsoleText?.(text)),
    );
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
      extensionDevelopmentPath,
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

/**
 * The suite asks the launcher for what only a user's mouse can do, on the console (its one way
 * out of the extension host): `[real-vscode:click-preview] <selector>` clicks that element of the
 * preview's webview, as a user would. Returns true for such a request (it is not printed).
 */
const CLICK_PREVIEW = '[real-vscode:click-preview] ';
function handleSuiteRequest(page, text) {
  const at = text.indexOf(CLICK_PREVIEW);
  if (at < 0) return false;
  const selector = text.slice(at + CLICK_PREVIEW.length).trim();
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  webview
    .locator(selector)
    .first()
    .click({ timeout: 30_000 })
    .catch((error) => console.log(`[real-vscode] could not click ${selector} in the preview: ${error.message}`));
  return true;
}

/** Prints browser console messages in order, formatted (the mocha report arrives this way); known noise is left out unless verbose. */
function consolePrinter(verbose, onConsoleText = () => false) {
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
        if (onConsoleText(text) === true) return;
        const url = message.location()?.url;
        // Chromium leaves out which resource failed to load: name it.
        const shown = url && text.startsWith('Failed to load resource') ? `${text}: ${url}` : text;
        if (verbose) console.log(`[browser ${message.type()}] ${shown}`);
        else if (!isConsoleNoise(text, url)) console.log(shown);
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
