// `npm start`: build, then open example/ in VS Code with this extension in development mode.
// With a `code` CLI on PATH that is the desktop editor; otherwise the offline VS Code server
// (see run-server.mjs) is started and you open the printed URL in a browser.
// Env: PORT (default 8080), HOST (default 127.0.0.1).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { cacheDir, exampleDir, log, repoRoot, run } from './project.mjs';
import { provision } from './provision.mjs';
import { startServer, unattendedSettings } from './vscode-server.mjs';

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

async function main() {
  await run('npm', ['run', 'build'], { cwd: repoRoot });

  const code = findOnPath('code');
  if (code) {
    await run(code, [`--extensionDevelopmentPath=${repoRoot}`, exampleDir]);
    return;
  }

  log('no `code` on PATH: starting the offline VS Code server instead');
  const server = await startServer({
    ...(await provision()),
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    // Kept between starts, so settings and layout changed in the browser persist.
    dataDir: join(cacheDir, 'start-profile'),
    settings: unattendedSettings,
  });
  const url = server.workbenchUrl({ folder: exampleDir, extensionDevelopmentPath: repoRoot });
  log(`open this URL in a browser (Ctrl+C stops the server):\n\n  ${url}\n`);
  log('after changing the code: rebuild (npm run build), then run "Developer: Reload Window" in the browser');

  let stopping = false;
  const stop = () => {
    stopping = true;
    server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const how = await server.exited;
  if (!stopping) throw new Error(`the VS Code server stopped unexpectedly (${how})`);
}

main().catch((error) => {
  console.error(`[real-vscode] ${error.message}`);
  process.exit(1);
});
