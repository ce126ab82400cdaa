// The Get Started walkthrough's pictures, taken in the real VS Code (server + headless Chromium)
// on a copy of the example, once in English and once with French as the display language:
// media/walkthrough/{en,fr}/<step>.png, the files package.nls*.json name for each step, and
// docs/screenshot-walkthrough.png (the walkthrough itself, found by its title among VS Code's).
// Run: npm run build && node scripts/real-vscode/walkthrough-screenshots.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { log, repoRoot } from './project.mjs';
import { provision } from './provision.mjs';
import { checkPrerequisites, openWorkbench } from './workbench.mjs';

const EXAMPLE_FILE = '000_88eaf67a59f4c304.txt';
const UI_TIMEOUT_MS = 60_000;
/** Small enough to read where the walkthrough shows it (about half the window), large enough to show a whole editor. */
const VIEWPORT = { width: 1100, height: 680 };

const readJson = (...path) => JSON.parse(readFileSync(join(repoRoot, ...path), 'utf8'));

/** What the extension's strings are in one display language: its manifest's, and its messages'. */
function strings(locale) {
  const manifest = { ...readJson('package.nls.json'), ...(locale ? readJson(`package.nls.${locale}.json`) : {}) };
  const messages = locale ? readJson('l10n', `bundle.l10n.${locale}.json`) : {};
  return { manifest, message: (english) => messages[english] ?? english };
}

/**
 * They ship in the .vsix: pngquant (Debian's package), where it is installed, makes each a third
 * of its size at no visible cost to the text.
 */
function compress(path) {
  const quantized = spawnSync('pngquant', ['--quality', '70-90', '--speed', '1', '--strip', '--force', '--output', path, path]);
  return quantized.status === 0 ? ' (pngquant)' : ' (not compressed: apt-get install pngquant)';
}

async function shootLocale(runtime, locale) {
  const { manifest, message } = strings(locale);
  const session = await openWorkbench({ runtime, openFile: EXAMPLE_FILE, viewport: VIEWPORT, ...(locale ? { locale } : {}) });
  const shoot = async (step) => {
    const path = join(repoRoot, manifest[`walkthrough.${step}.image`]);
    mkdirSync(dirname(path), { recursive: true });
    await session.page.screenshot({ path });
    log(`wrote ${path}${compress(path)}`);
  };
  try {
    const { page } = session;
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    const runCommand = async (title) => {
      await page.keyboard.press('F1');
      await page.keyboard.type(title);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    };
    const waitForDialog = (title) => page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();

    // The squiggle appears once the extension has activated and the server has answered.
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
    await shoot('openExample');

    // The cursor on the misspelt key (a few characters in), and the quick fixes there.
    await page.locator('.monaco-editor .view-line', { hasText: 'coutnry' }).click({ position: { x: 40, y: 8 } });
    // After the light bulb: a change of the problems while the menu is asked for (the server's
    // second look, once the workspace is indexed) makes VS Code ask again without the menu.
    await page.locator('.monaco-editor .codicon[class*="lightbulb"], .monaco-editor .codicon[class*="light-bulb"]').first().waitFor();
    const menu = page.locator('.action-widget .monaco-list-row').first();
    for (let attempt = 1; !(await menu.isVisible()); attempt++) {
      await page.keyboard.press('Control+.');
      await menu.waitFor({ timeout: attempt < 3 ? 5_000 : UI_TIMEOUT_MS }).catch((error) => {
        if (attempt >= 3) throw error;
      });
    }
    await shoot('fixProblem');
    await page.keyboard.press('Escape');

    await page.locator(`.editor-actions .action-label[aria-label*="${manifest['command.openPreviewToSide.title']}"]`).first().click();
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('.banner.confidential').waitFor();
    await page.keyboard.press('Control+B'); // room for the story
    await shoot('previewStory');
    await page.keyboard.press('Control+B');
    await runCommand('View: Close All Editors');

    await runCommand(manifest['command.importHarvest.title']);
    await waitForDialog(message('Import Harvest from Spreadsheet'));
    await shoot('importWorkbook');
    await page.keyboard.press('Escape');

    await runCommand(manifest['command.openHarvestDashboard.title']);
    await webview.locator('[data-total="outcomes"]').waitFor();
    await webview.locator('canvas').first().waitFor();
    await shoot('openDashboard');
    await runCommand('View: Close All Editors');

    await runCommand(manifest['command.prepareSubstantiation.title']);
    await waitForDialog(message('Prepare Substantiation: the outcomes to choose from'));
    await shoot('prepareSubstantiation');
    await page.keyboard.press('Escape');

    // The walkthrough is listed among VS Code's, under its title in this display language; the
    // whole window for it, so that its picture shows beside the steps.
    await page.keyboard.press('Control+B');
    await runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: manifest['walkthrough.title'] }).first().waitFor();
    await page.keyboard.type(manifest['walkthrough.title']);
    await page.keyboard.press('Enter');
    await page.locator('.gettingStartedContainer', { hasText: manifest['walkthrough.openExample.title'] }).waitFor();
    await page.locator('.gettingStartedContainer .getting-started-media img').first().waitFor();
    if (!locale) {
      await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-walkthrough.png') });
      log('wrote docs/screenshot-walkthrough.png');
    }
  } catch (error) {
    const picture = join(tmpdir(), `walkthrough-failure-${locale ?? 'en'}.png`);
    await session.page.screenshot({ path: picture }).catch(() => {});
    throw new Error(`${error.message} (the window then: ${picture})`);
  } finally {
    await session.close();
  }
}

async function main() {
  checkPrerequisites();
  const runtime = await provision();
  for (const locale of [undefined, 'fr']) await shootLocale(runtime, locale);
}

main().catch((error) => {
  console.error(`[real-vscode] ${error.message}`);
  process.exit(1);
});
