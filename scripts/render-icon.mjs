// Renders media/icon.svg (the source, ours) to media/icon.png, the 128x128 PNG the Extensions
// view shows (VS Code does not accept an SVG icon). Usage: node scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './real-vscode/project.mjs';

const chromiumSettings = JSON.parse(readFileSync(join(repoRoot, 'scripts', 'real-vscode', 'chromium.json'), 'utf8'));
const svg = readFileSync(join(repoRoot, 'media', 'icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? chromiumSettings.path, args: chromiumSettings.args });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(repoRoot, 'media', 'icon.png'), omitBackground: true });
  console.log('wrote media/icon.png');
} finally {
  await browser.close();
}
