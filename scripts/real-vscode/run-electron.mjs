// The same integration suite through @vscode/test-electron, for machines that can download
// VS Code (it caches it in .vscode-test/). Offline it fails at the download: use run-server.mjs.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from './build-suite.mjs';
import { copyExampleWorkspace, makeRunDir, repoRoot, suiteEntry } from './project.mjs';
import { seedSettings, unattendedSettings } from './vscode-server.mjs';

async function main() {
  await buildSuite();
  const runDir = makeRunDir();
  const userDataDir = join(runDir, 'profile');
  seedSettings(userDataDir, unattendedSettings);
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      launchArgs: [
        copyExampleWorkspace(runDir),
        `--user-data-dir=${userDataDir}`,
        '--disable-extensions', // only ours, as in the server run
        '--disable-workspace-trust',
        '--skip-welcome',
      ],
    });
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[real-vscode] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
