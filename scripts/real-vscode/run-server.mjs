// Offline integration run: the mocha suite in test/integration/ inside a real VS Code
// (code-server's VS Code server + headless Chromium), in a trusted folder and then in Restricted
// Mode. Exits 0 when both pass.
// Env: REAL_VSCODE_TIMEOUT (seconds after provisioning, default 300), REAL_VSCODE_VERBOSE=1.
import { buildSuite } from './build-suite.mjs';
import { log, seconds, suiteEntry, untrustedSuiteEntry } from './project.mjs';
import { provision } from './provision.mjs';
import { restrictedModeSettings, unattendedSettings } from './vscode-server.mjs';
import { checkPrerequisites, openWorkbench } from './workbench.mjs';

const timeoutSeconds = Number(process.env.REAL_VSCODE_TIMEOUT ?? 300);

// Ctrl+C: process.exit runs the exit hooks that stop the server group and the browser.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));

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

  // Two windows, one after the other: the suite in a trusted folder, then the tests of
  // test/integration/untrusted/ in a folder VS Code opens in Restricted Mode.
  const sessions = [
    { name: 'trusted folder', extensionTestsPath: suiteEntry, settings: unattendedSettings },
    { name: 'Restricted Mode', extensionTestsPath: untrustedSuiteEntry, settings: restrictedModeSettings },
  ];
  const tallies = [];
  let failed = false;
  for (const { name, extensionTestsPath, settings } of sessions) {
    log(`${name}: starting VS Code server and Chromium`);
    let tally;
    const session = await openWorkbench({
      runtime,
      extensionTestsPath,
      settings,
      onConsoleText: (text) => {
        tally = /integration: (\d+) passed, (\d+) failed/.exec(text) ?? tally;
        return false;
      },
    });
    let code;
    try {
      code = await session.exitCode;
    } finally {
      await session.close();
    }
    if (code !== 0) failed = true;
    log(`${name}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`}`);
    tallies.push(tally ? [Number(tally[1]), Number(tally[2])] : [0, code === 0 ? 0 : 1]);
  }
  log(`${failed ? 'integration suite FAILED' : 'integration suite passed'} in ${seconds(started)}`);
  // The suites' own tallies (test/integration/index.ts), added up, alone on the last line.
  const [passed, failures] = tallies.reduce(([p, f], [tp, tf]) => [p + tp, f + tf], [0, 0]);
  console.log(`integration: ${passed} passed, ${failures} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[real-vscode] ${error.message}`);
    process.exit(1);
  },
);
