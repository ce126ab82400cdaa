// Offline integration run: the mocha suite in test/integration/ inside a real VS Code
// (code-server's VS Code server + headless Chromium), in a trusted folder and then in Restricted
// Mode. Exits 0 when both pass.
// Env: REAL_VSCODE_TIMEOUT (seconds after provisioning, default 300), REAL_VSCODE_VERBOSE=1,
// REAL_VSCODE_WINDOW=<part of a window's name> to run that window only (e.g. web).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildSuite } from './build-suite.mjs';
import { frenchSuiteEntry, log, makeRunDir, repoRoot, seconds, suiteEntry, untrustedSuiteEntry, webSuiteEntry } from './project.mjs';
import { provision } from './provision.mjs';
import { restrictedModeSettings, unattendedSettings, webExtensionHostSettings } from './vscode-server.mjs';
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

  // Windows one after the other: the suite in a trusted folder, the tests of
  // test/integration/untrusted/ in a folder VS Code opens in Restricted Mode, and those of
  // test/integration/french/ with French as the display language.
  // VS Code never restricts an extension under development, so in Restricted Mode the extension
  // is installed from a .vsix of this build, and the suite's development folder is an empty host.
  const restricted = packageForRestrictedMode();
  process.once('exit', () => rmSync(restricted.dir, { recursive: true, force: true }));
  const sessions = [
    { name: 'trusted folder', extensionTestsPath: suiteEntry, settings: unattendedSettings },
    {
      name: 'Restricted Mode',
      extensionTestsPath: untrustedSuiteEntry,
      settings: restrictedModeSettings,
      extensionDevelopmentPath: restricted.host,
      installVsix: restricted.vsix,
    },
    // A third window whose display language is French (test/integration/french/).
    { name: 'French display language', extensionTestsPath: frenchSuiteEntry, settings: unattendedSettings, locale: 'fr' },
    // A fourth in which the extension runs in the web worker extension host, as in VS Code for the
    // Web (its browser entry; the server in a web worker): test/integration/web/.
    { name: 'web worker extension host', extensionTestsPath: webSuiteEntry, settings: webExtensionHostSettings },
  ];
  const tallies = [];
  let failed = false;
  const only = process.env.REAL_VSCODE_WINDOW;
  for (const { name, ...options } of sessions.filter((session) => !only || session.name.includes(only))) {
    log(`${name}: starting VS Code server and Chromium`);
    let tally;
    const session = await openWorkbench({
      runtime,
      ...options,
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

/** A .vsix of the current build (as `npm run package` makes it, without the production build) and an empty extension to host the suite. */
function packageForRestrictedMode() {
  const dir = makeRunDir();
  const page = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'extension-page.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (page.status !== 0) throw new Error(`the Extensions page could not be made: ${page.stderr}`);
  const vsix = join(dir, 'outcome-fragments.vsix');
  const vsce = [createRequire(import.meta.url).resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository'];
  const packaged = spawnSync(process.execPath, [...vsce, '--readme-path', 'out/extension-page.md', '--out', vsix], { cwd: repoRoot, encoding: 'utf8' });
  if (packaged.status !== 0) throw new Error(`vsce package failed: ${packaged.stdout}${packaged.stderr}`);
  const host = join(dir, 'suite-host');
  mkdirSync(host);
  const manifest = { name: 'restricted-mode-suite', publisher: 'outcome-fragments-tests', version: '0.0.0', engines: { vscode: '*' } };
  writeFileSync(join(host, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, vsix, host };
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[real-vscode] ${error.message}`);
    process.exit(1);
  },
);
