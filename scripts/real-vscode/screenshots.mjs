// README pictures, taken in the real VS Code (server + headless Chromium) on a copy of the
// example: docs/screenshot-diagnostics.png (squiggles + Problems panel) and
// docs/screenshot-quickfix.png (the quick fix menu on the misspelt `coutnry` key).
import { join } from 'node:path';
import { log, repoRoot } from './project.mjs';
import { provision } from './provision.mjs';
import { checkPrerequisites, openWorkbench } from './workbench.mjs';

const EXAMPLE_FILE = '000_88eaf67a59f4c304.txt';
const UI_TIMEOUT_MS = 60_000;

async function main() {
  checkPrerequisites();
  const session = await openWorkbench({
    runtime: await provision(),
    openFile: EXAMPLE_FILE,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const { page } = session;
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    // The squiggle appears once the extension has activated and the server has answered.
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor();

    await page.keyboard.press('Control+Shift+M'); // View: Problems
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    await shoot(page, 'screenshot-diagnostics.png');

    // Put the cursor on the misspelt key and ask for quick fixes, as a writer would.
    // x: a few characters in, i.e. on the key itself rather than the middle of the line.
    await page.locator('.monaco-editor .view-line', { hasText: 'coutnry' }).click({ position: { x: 40, y: 8 } });
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row').first().waitFor();
    await shoot(page, 'screenshot-quickfix.png');
  } finally {
    await session.close();
  }
}

async function shoot(page, name) {
  const path = join(repoRoot, 'docs', name);
  await page.screenshot({ path });
  log(`wrote ${path}`);
}

main().catch((error) => {
  console.error(`[real-vscode] ${error.message}`);
  process.exit(1);
});
