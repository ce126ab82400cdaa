// `npm start`: build, then open the example fragment in VS Code with this extension in
// development mode, its problems listed and its merged-story preview to the side. With a
// `code` CLI on PATH that is the desktop editor; otherwise the offline VS Code server (see
// run-server.mjs) is started and you open the printed URL in a browser.
// Env: PORT (default 8080, or a free port when 8080 is taken; a PORT you set must be free),
// HOST (default 127.0.0.1). Ctrl+C at any moment stops everything this script started.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { cacheDir, exampleDir, log, repoRoot, run, seconds, stopRunningCommands } from './project.mjs';
import { provision } from './provision.mjs';
import { freePort, portIsFree, startServer, unattendedSettings } from './vscode-server.mjs';

const EXAMPLE_FILE = join(exampleDir, '000_88eaf67a59f4c304.txt');
const DEFAULT_PORT = 8080;
// Read by the extension in development mode only (client/src/start-preview.ts).
const startPreviewEnv = { OUTCOME_FRAGMENTS_START_PREVIEW: EXAMPLE_FILE };

/** Stops what is running now; replaced as the script goes from one step to the next. */
let stopCurrent = async () => stopRunningCommands();
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal === 'SIGINT' ? 'Ctrl+C' : signal}: stopping`);
    // process.exit also runs the exit hooks, which kill a server that is still starting.
    stopCurrent().finally(() => process.exit(130));
  });
}

function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The port to serve on, decided before anything slow: a taken PORT fails now, with its cause. */
async function choosePort(host) {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
    if (!(await portIsFree(port, host))) {
      throw new Error(
        `port ${port} of ${host} is already in use by another program: stop it, choose another (PORT=${port + 1} npm start), or leave PORT unset to take a free port`,
      );
    }
    return port;
  }
  if (await portIsFree(DEFAULT_PORT, host)) return DEFAULT_PORT;
  const port = await freePort();
  log(`port ${DEFAULT_PORT} is in use by another program: using port ${port}`);
  return port;
}

async function main() {
  const started = performance.now();
  const code = findOnPath('code');
  const host = process.env.HOST ?? '127.0.0.1';
  const port = code ? undefined : await choosePort(host);

  await run('npm', ['run', 'build'], { cwd: repoRoot });

  if (code) {
    await run(code, [`--extensionDevelopmentPath=${repoRoot}`, exampleDir, EXAMPLE_FILE], { env: { ...process.env, ...startPreviewEnv } });
    return;
  }

  log('no `code` on PATH: starting the offline VS Code server instead');
  const runtime = await provision();
  const server = await startServer({
    ...runtime,
    host,
    port,
    // Kept between starts, so settings and layout changed in the browser persist.
    dataDir: join(cacheDir, 'start-profile'),
    settings: unattendedSettings,
    env: startPreviewEnv,
  });
  stopCurrent = () => server.stop();
  const url = server.workbenchUrl({ folder: exampleDir, extensionDevelopmentPath: repoRoot, openFile: EXAMPLE_FILE });
  log(`ready in ${seconds(started)}: open this URL in a browser (Ctrl+C stops the server):\n\n  ${url}\n`);
  log('after changing the code: rebuild (npm run build), then run "Developer: Reload Window" in the browser');

  const how = await server.exited;
  if (!stopping) throw new Error(`the VS Code server stopped unexpectedly (${how})`);
}

main().catch((error) => {
  if (stopping) return; // Ctrl+C ended a step; the signal handler exits
  console.error(`[real-vscode] ${error.message}`);
  process.exit(1);
});
