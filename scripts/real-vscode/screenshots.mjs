// README pictures, taken in the real VS Code (server + headless Chromium) on a copy of the
// example: docs/screenshot-diagnostics.png (squiggles + Problems panel),
// docs/screenshot-quickfix.png (the quick fix menu on the misspelt `coutnry` key),
// docs/screenshot-completion.png (highlighting and key completion on a new line) and
// docs/screenshot-preview.png (the merged-story preview to the side).
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
    await page.keyboard.press('Escape');

    // A new line under the harvesting period, and completion there: the key the fragment lacks.
    await page.locator('.monaco-editor .view-line', { hasText: 'OH-harvesting period' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row').first().waitFor();
    await shoot(page, 'screenshot-completion.png');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');

    await page.keyboard.press('Control+J'); // hide the panel: room for the story
    // Outcome Fragments: Open Preview to the Side, from the editor's title bar.
    await page.locator('.editor-actions .action-label[aria-label*="Open Preview to the Side"]').first().click();
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('.banner.confidential').waitFor();
    await webview.locator('mark.placeholder').first().waitFor();
    await shoot(page, 'screenshot-preview.png');
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
