// Offline integration run: the mocha suite in test/integration/ inside a real VS Code
// (code-server's VS Code server + headless Chromium). Exits with the suite's exit code.
// Env: REAL_VSCODE_TIMEOUT (seconds after provisioning, default 300), REAL_VSCODE_VERBOSE=1.
import { buildSuite } from './build-suite.mjs';
import { log, seconds, suiteEntry } from './project.mjs';
import { provision } from './provision.mjs';
import { checkPrerequisites, openWorkbench } from './workbench.mjs';

const timeoutSeconds = Number(process.env.REAL_VSCODE_TIMEOUT ?? 300);

async function main() {
  const started = performance.now();
  checkPrerequisites();
  await buildSuite();
  const runtime = await provision();

  // Provisioning has npm's own timeouts; from here on, a hang must not block CI forever.
  // process.exit runs the exit hooks that kill the server group and Playwright's browser.
  setTimeout(() => {
    console.error(
      `[real-vscode] timed out after ${timeoutSeconds} s: the suite never reported its result (codeAutomationExit); set REAL_VSCODE_VERBOSE=1 to see the workbench and server logs`,
    );
    process.exit(1);
  }, timeoutSeconds * 1000);

  log('starting VS Code server and Chromium');
  // The suite's own tally (test/integration/index.ts), printed again alone on the last line.
  let tally;
  const session = await openWorkbench({
    runtime,
    extensionTestsPath: suiteEntry,
    onConsoleText: (text) => {
      tally = /integration: \d+ passed, \d+ failed/.exec(text)?.[0] ?? tally;
    },
  });
  let code;
  try {
    code = await session.exitCode;
  } finally {
    await session.close();
  }
  log(`${code === 0 ? 'integration suite passed' : `integration suite FAILED (exit code ${code})`} in ${seconds(started)}`);
  if (tally) console.log(tally);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[real-vscode] ${error.message}`);
    process.exit(1);
  },
);
