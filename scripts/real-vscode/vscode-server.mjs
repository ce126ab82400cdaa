// Starts the VS Code server bundled in code-server (run directly with Node 24, because
// the code-server CLI rejects --extensionDevelopmentPath / --extensionTestsPath) and
// builds workbench URLs whose payload loads our extension and, optionally, the test suite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const READY_LINE = 'Extension host agent listening';
const READY_TIMEOUT_MS = 60_000;

/**
 * Settings seeded into the profile. Without the first two the welcome page and the
 * chat view steal focus and UI-driven steps time out; the rest keep an offline,
 * unattended run from waiting on dialogs or the network.
 */
export const unattendedSettings = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the (empty) chat side bar would take a third of the window
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

/**
 * The same, with workspace trust on: the folder opens in Restricted Mode (a fresh profile trusts
 * no folder) and nothing asks about it, as for a user who chose "Don't Trust".
 */
export const restrictedModeSettings = {
  ...unattendedSettings,
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** The extension runs in the web worker extension host (its `browser` entry), as VS Code for the Web runs it. */
export const webExtensionHostSettings = {
  ...unattendedSettings,
  'remote.extensionKind': { 'outcome-fragments.outcome-fragments': ['web'] },
};

/** Writes the profile's User/settings.json unless it already has one (a user's own choices win). */
export function seedSettings(userDataDir, settings) {
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (existsSync(settingsFile)) return;
  mkdirSync(dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * VS Code takes a display language only when a language pack for it is registered in the profile
 * (`--locale` alone is not enough, shared/REAL-VSCODE.md): a stub pack, whose translations of the
 * workbench are empty, makes `vscode.env.language` the locale and loads the extensions'
 * package.nls.{locale}.json and l10n bundles, which is what is under test.
 */
function registerLanguagePack(userDataDir, locale) {
  const translations = join(userDataDir, `stub-${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = {
    [locale]: {
      hash: `stub${locale}1`,
      extensions: [{ extensionIdentifier: { id: `tests.language-pack-${locale}-stub` }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(pack));
}

/** True when nothing listens on `port` of `host` (a listener of our own binds it for a moment). */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error)));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Asks the OS for a port nobody listens on. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The folders of a server's state inside `dataDir`: profile, server data, extensions, HOME, and
 * the temporary folder of the server and all it starts (its sockets, the TypeScript server's
 * folder, our language server's code cache), so that removing `dataDir` leaves nothing behind.
 */
function serverDirs(dataDir) {
  return { ud: join(dataDir, 'ud'), sd: join(dataDir, 'sd'), ext: join(dataDir, 'ext'), home: join(dataDir, 'home'), tmp: join(dataDir, 'tmp') };
}

/** The environment of the server's processes: their home and temporary folder in the run's folder. */
function serverEnvironment(dirs, env = {}) {
  return { ...process.env, ...env, HOME: dirs.home, TMPDIR: dirs.tmp, TMP: dirs.tmp, TEMP: dirs.tmp };
}

/**
 * Installs a .vsix into the extensions of the server that `startServer` will run on `dataDir`,
 * as a user installs it (an extension under development is exempt from Restricted Mode; an
 * installed one is not).
 */
export function installExtension({ nodeBin, serverMain, dataDir, vsix }) {
  const dirs = serverDirs(dataDir);
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const args = [serverMain, '--install-extension', vsix, '--extensions-dir', dirs.ext, '--user-data-dir', dirs.ud, '--server-data-dir', dirs.sd];
  const installed = spawnSync(nodeBin, [...args, '--accept-server-license-terms'], { encoding: 'utf8', env: serverEnvironment(dirs) });
  if (installed.status !== 0) throw new Error(`installing ${vsix} failed: ${installed.stdout}${installed.stderr}`);
}

/**
 * Starts the server and resolves once its extension host agent listens.
 * @param {{ nodeBin: string, serverMain: string, port: number, host?: string,
 *           dataDir: string, settings?: object, env?: object, verbose?: boolean }} options
 *   dataDir holds the profile, server data, extensions and HOME, so runs never share state
 *   unless the caller passes the same folder (as `npm start` does, to keep the user's settings).
 *   settings seed the profile's settings.json when it has none yet.
 *   locale (e.g. `fr`) sets the display language: see `registerLanguagePack`.
 */
export async function startServer({ nodeBin, serverMain, port, host = '127.0.0.1', dataDir, settings, env = {}, verbose = false, locale }) {
  const dirs = serverDirs(dataDir);
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  if (settings) seedSettings(dirs.ud, settings);
  if (locale) registerLanguagePack(dirs.ud, locale);

  const args = [
    serverMain,
    '--host',
    host,
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--enable-smoke-test-driver', // lets the workbench report the suite's exit code via codeAutomationExit
    '--user-data-dir',
    dirs.ud,
    '--server-data-dir',
    dirs.sd,
    '--extensions-dir',
    dirs.ext,
    ...(locale ? ['--locale', locale] : []),
  ];
  // Own process group, so stop() also ends the extension host and our language server.
  const child = spawn(nodeBin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: serverEnvironment(dirs, env) });
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Safety net: never leave a server behind, whatever way this process ends.
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  const recent = [];
  let failure; // a cause the server printed, for which waiting longer is pointless
  const failed = new Promise((resolve) => {
    failure = resolve;
  });
  const ready = new Promise((resolve) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      if (verbose) process.stdout.write(`[server] ${text}`);
      // Keep reading for the server's whole life (a full pipe would block it); remember the tail for errors.
      recent.push(text);
      if (recent.length > 50) recent.shift();
      // Chunks may split the line, so look at the recent tail rather than the chunk alone.
      const tail = recent.join('');
      if (tail.includes(READY_LINE)) resolve();
      if (/EADDRINUSE|address already in use/i.test(tail)) failure(`port ${port} of ${host} is already in use by another program`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup('SIGTERM');
    const forced = setTimeout(() => killGroup('SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
  };

  let timer;
  const outcome = await Promise.race([
    ready.then(() => 'ready'),
    failed,
    exited.then((how) => `the server stopped (${how})`),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(`"${READY_LINE}" did not appear within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await stop();
    throw new Error(`VS Code server failed to start: ${outcome}. Last output:\n${recent.join('')}`);
  }

  /** The URI the browser-side workbench uses for a file on this server. */
  const remoteUri = (absolutePath) => `vscode-remote://${host}:${port}${pathToFileURL(absolutePath).pathname}`;

  /**
   * @param {{ folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string, openFile?: string }} open
   */
  const workbenchUrl = ({ folder, extensionDevelopmentPath, extensionTestsPath, openFile }) => {
    const payload = [['skipWelcome', 'true']];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(extensionDevelopmentPath)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(extensionTestsPath)]);
    if (openFile) payload.push(['openFile', remoteUri(openFile)]);
    const query = `folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return `http://${host}:${port}/?${query}`;
  };

  return { host, port, stop, exited, remoteUri, workbenchUrl };
}
