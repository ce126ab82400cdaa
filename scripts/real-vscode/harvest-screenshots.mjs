// README pictures of the whole harvest, taken in the real VS Code (server + headless Chromium) on
// a copy of the example with a generated round of outcomes beside it: docs/screenshot-harvest-view.png
// (the Harvest view, grouped by objective) and docs/screenshot-dashboard.png (the Harvest Dashboard).
// Run: npm run build && node scripts/real-vscode/harvest-screenshots.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleDir, log, repoRoot } from './project.mjs';
import { provision } from './provision.mjs';
import { checkPrerequisites, openWorkbench } from './workbench.mjs';

const EXAMPLE_FILE = '000_88eaf67a59f4c304.txt';
const UI_TIMEOUT_MS = 60_000;
const OBJECTIVES = [
  'CIV: Less suppression of civic space',
  'PHR: Conflict transformation, peace and human rights',
  'GEN: More equal gender roles and norms',
  'EXT: Mitigating external stress factors',
];
const COUNTRIES = ['DR Congo', 'Kenya', 'Uganda', 'South Sudan', 'Mali', 'Iraq', 'Lebanon', 'Burundi'];
const RATINGS = ['low', 'medium', 'high'];
const CONTRIBUTIONS = ['small', 'medium', 'great'];
const CHANGES = ['Capacity change', 'Policy change', 'Practice change', 'Relationship change', 'Agenda setting'];

/** A round of outcomes made from the example, varied the way a real harvest varies (deterministic). */
function generatedRound(folder) {
  const example = readFileSync(join(exampleDir, EXAMPLE_FILE), 'utf8');
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < 36; index++) {
    const pick = (list, step) => list[(index * step + Math.floor(index / list.length)) % list.length];
    const objective = pick(OBJECTIVES, 3);
    const text = example
      .replace('SCC-<redacted>/CIV021', `SCC-<redacted>/${objective.slice(0, 3)}${String(100 + index)}`)
      .replace('CIV: Less suppression of civic space', objective)
      .replace('**coutnry**: DR Congo', index % 5 === 0 ? `**coutnry**: ${pick(COUNTRIES, 5)}` : `**Country**: ${pick(COUNTRIES, 5)}`)
      .replace('**Year**: 2024', `**Year**: ${2019 + (index % 6)}`)
      .replace('**Rating significance**: medium', `**Rating significance**: ${pick(RATINGS, 2)}`)
      .replace('**Rating contribution**: great', `**Rating contribution**: ${pick(CONTRIBUTIONS, 7)}`)
      .replace('**Outcome status**: Outcome', `**Outcome status**: ${index % 4 === 3 ? 'Potential outcome' : 'Outcome'}`)
      .replace('**Outcome statements is CONFIDENTIAL**: 1.0', `**Outcome statements is CONFIDENTIAL**: ${index % 6 === 0 ? '1' : '0'}`)
      .replace(
        '**Evidence supporting the outcome statement**: ',
        `**Evidence supporting the outcome statement**: ${index % 4 === 1 ? '' : 'Activity report; interview with the coordinator.'}`,
      )
      .replace('**MCQType of change**: New structure, Capacity change  Safety and Security', `**MCQType of change**: ${pick(CHANGES, 3)}, ${pick(CHANGES, 2)}`);
    writeFileSync(join(folder, `outcome-${String(index + 1).padStart(2, '0')}.txt`), text);
  }
}

async function main() {
  checkPrerequisites();
  const session = await openWorkbench({ runtime: await provision(), openFile: EXAMPLE_FILE, viewport: { width: 1400, height: 900 } });
  try {
    const { page, workspace } = session;
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    generatedRound(join(workspace, 'round3'));
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor();

    // The Harvest view, in its own container of the activity bar.
    await page.locator('.activitybar .action-item a[aria-label^="Outcome Harvest"]').first().click();
    const rows = page.locator('.pane-body .monaco-list-row');
    await rows.first().waitFor();
    // The four objectives, once the generated round is indexed (more than the example's three outcomes).
    await page
      .locator('.pane-body .monaco-list-row', { hasText: /EXT: .* \d+ outcomes/ })
      .first()
      .waitFor();
    // A wider side bar, so that each fragment's problems and file can be read.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const edge = { x: sidebar.x + sidebar.width + 1, y: sidebar.y + sidebar.height / 2 };
      await page.mouse.move(edge.x, edge.y);
      await page.mouse.down();
      await page.mouse.move(edge.x + 300, edge.y, { steps: 10 });
      await page.mouse.up();
    }
    await rows.first().click(); // open the first objective
    await page.locator('.pane-body .monaco-list-row[aria-level="2"]').first().waitFor();
    await shoot(page, 'screenshot-harvest-view.png');

    // The dashboard, from the command palette, with the whole window for it.
    await page.keyboard.press('Control+B');
    await page.keyboard.press('F1');
    await page.keyboard.type('Open Harvest Dashboard');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Harvest Dashboard' }).first().waitFor();
    await page.keyboard.press('Enter');
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('[data-total="outcomes"]').waitFor();
    await webview.locator('canvas').first().waitFor();
    await webview.locator('table[data-table="country"] button.row-link').first().click();
    await webview.locator('#selection li').first().waitFor();
    await shoot(page, 'screenshot-dashboard.png');
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
