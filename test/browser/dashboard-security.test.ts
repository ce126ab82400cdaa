import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { dashboardModel } from '../../client/src/harvest/dashboard-model';
import { renderDashboardBody, renderDashboardDocument, renderSelection } from '../../client/src/harvest/dashboard-render';
import { fileRecord } from '../../server/src/core/harvest/records';
import { harvestSummary } from '../../server/src/core/harvest/summary';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { substantiationFields } from '../../server/src/core/schema/default-substantiation';
import { createFragmentService } from '../../server/src/core/service';

const repositoryRoot = join(__dirname, '..', '..');
const chromiumSettings: { path: string; args: string[] } = JSON.parse(readFileSync(join(repositoryRoot, 'scripts', 'real-vscode', 'chromium.json'), 'utf8'));
const chromiumPath = process.env.CHROMIUM_PATH ?? chromiumSettings.path;
const bundlePath = join(repositoryRoot, 'dist', 'media', 'dashboard.js');
/** An address nothing listens on: any request to it is a leak. */
const ELSEWHERE = 'http://127.0.0.2:9';

const payloads = [
  '<script>window.__pwned = "script"</script>',
  `<img src=${ELSEWHERE}/img onerror="window.__pwned = 'onerror'">`,
  `<style>body { background: url(${ELSEWHERE}/style) }</style>`,
  `" style="background:url(${ELSEWHERE}/attribute)" onmouseover="window.__pwned = 'attribute'`,
  `</td><iframe src="${ELSEWHERE}/frame"></iframe><svg onload="window.__pwned = 'svg'">`,
  `<a href="javascript:window.__pwned = 'link'">x</a>`,
];
/** Words of a confidential fragment: counted on the dashboard, never shown. */
const SECRET = 'Secretvalley';

/** The example with a payload in every field; public (flag 0) so that its values are shown, or confidential with secret words. */
function hostileFragment(index: number, confidential: boolean): string {
  // The substantiator's answers too (FORMAT.md §9): a form comes back from outside the team.
  const example = `${readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8')}${substantiationFields.map((field) => `**${field.key}**: answer\n`).join('')}`;
  let field = index;
  return example
    .split('\n')
    .map((line) =>
      line.replace(/^(\*\*[^*]+\*\*: ).*$/, (_, key: string) => {
        if (key.startsWith('**Outcome statements is CONFIDENTIAL')) return `${key}${confidential ? '1' : '0'}`;
        if (confidential) return `${key}${SECRET} ${field++} <script>window.__pwned = "secret"</script>`;
        return `${key}${payloads[field++ % payloads.length]}`;
      }),
    )
    .join('\n');
}

function hostileSummary() {
  const service = createFragmentService({ currentYear: () => 2026 });
  const texts = [hostileFragment(0, false), hostileFragment(0, false), hostileFragment(3, false), hostileFragment(1, true)];
  const records = texts.map((text, index) => {
    const uri = `file:///harvest/${index}-${encodeURIComponent(payloads[index] ?? '')}.txt`;
    const analysis = service.analyze(text, uri);
    return fileRecord(uri, analysis.file, analysis.diagnostics, service.schema, 1);
  });
  return harvestSummary(records, defaultSchema);
}

describe('the Harvest Dashboard in a real browser (Chromium), under fragments full of payloads', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin = '';
  const nonce = 'ZGFzaGJvYXJkLXRlc3Qtbm9uY2U';
  const model = dashboardModel(hostileSummary());
  const requests: string[] = [];
  /** What the page posted to "VS Code", and the policy violations it saw. */
  const posted: Array<{ type: string; [key: string]: unknown }> = [];
  const violations: string[] = [];
  const waiters: Array<() => boolean> = [];
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      if (condition()) return resolve();
      waiters.push(() => {
        if (!condition()) return false;
        resolve();
        return true;
      });
    });
  const bound = { timeout: 60_000 };

  before(async () => {
    assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium); .ci/run installs it`);
    assert.ok(existsSync(bundlePath), `${bundlePath} is built by npm run build`);
    server = createServer((request, response) => {
      const files: Record<string, [string, string]> = {
        '/dashboard.css': [join(repositoryRoot, 'media', 'dashboard.css'), 'text/css'],
        '/dashboard.js': [bundlePath, 'text/javascript'],
      };
      const file = files[request.url ?? ''];
      if (file) {
        response.writeHead(200, { 'content-type': file[1] });
        response.end(readFileSync(file[0]));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        renderDashboardDocument({
          body: renderDashboardBody(model),
          nonce,
          cspSource: origin,
          styleUri: `${origin}/dashboard.css`,
          scriptUri: `${origin}/dashboard.js`,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumSettings.args });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('response', (response) => requests.push(response.url()));
    page.on('requestfailed', (request) => {
      if (!/^csp$|BLOCKED_BY_CSP/i.test(request.failure()?.errorText ?? '')) requests.push(request.url());
    });
    page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
    // The page reports to this test through an exposed function: every wait is on those reports.
    await page.exposeFunction('__reportToTest', (kind: string, detail: string) => {
      if (kind === 'violation') violations.push(detail);
      else posted.push(JSON.parse(detail));
      for (const waiter of [...waiters]) if (waiter()) waiters.splice(waiters.indexOf(waiter), 1);
    });
    await page.addInitScript(`
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        const violation = event.violatedDirective + ' ' + event.blockedURI;
        window.__violations.push(violation);
        window.__reportToTest('violation', violation);
      });
      window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__reportToTest('posted', JSON.stringify(message)), getState: () => undefined, setState: () => undefined });
    `);
    const ready = until(() => posted.some((message) => message.type === 'ready'));
    await page.goto(origin);
    await ready;
  }, bound);

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const state = (): Promise<{ pwned?: string; violations: string[]; foreignElements: string[]; handlers: string[]; text: string; canvases: number[] }> =>
    page.evaluate(`(() => {
      const main = document.getElementById('dashboard');
      return {
        pwned: window.__pwned,
        violations: window.__violations,
        foreignElements: [...main.querySelectorAll('script, img, style, iframe, svg, link, object, embed, a')].map((element) => element.tagName),
        handlers: [...main.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on') || name === 'style' && element.tagName !== 'CANVAS')),
        text: main.innerText,
        canvases: [...main.querySelectorAll('canvas')].map((canvas) => canvas.width * canvas.height),
      };
    })()`);

  it('draws every chart and shows every value as text: nothing runs, nothing is fetched, no policy violation', bound, async () => {
    const rendered = posted.find((message) => message.type === 'rendered');
    assert.ok(rendered, 'the page reported its first render');
    assert.equal(rendered.charts, model.tables.filter((table) => table.rows.length > 0).length, 'one chart per table');
    assert.deepEqual(
      model.tables.filter((table) => table.id.startsWith('substantiation-')).map((table) => table.id),
      ['substantiation-description', 'substantiation-significance', 'substantiation-contribution'],
      'the substantiators’ hostile answers are tables too',
    );
    await page.mouse.move(300, 300);
    const seen = await state();
    assert.equal(seen.pwned, undefined, 'no payload ran');
    assert.deepEqual(seen.foreignElements, []);
    assert.deepEqual(seen.handlers, []);
    assert.ok(
      seen.canvases.every((area) => area > 0),
      'every chart has a size',
    );
    for (const payload of payloads.slice(0, 3)) assert.ok(seen.text.includes(payload.trim().slice(0, 20)), `"${payload.slice(0, 20)}…" reads as text`);
    assert.equal(seen.text.includes(SECRET), false, 'no word of the confidential fragment');
    assert.deepEqual(rendered.totals, { outcomes: 4, withEvidence: 4, withProblems: 4, confidential: 1, withIdentifiers: 0 });
    assert.deepEqual(seen.violations, [], 'Chart.js and the escaping leave the policy nothing to block');
    assert.deepEqual(
      requests.filter((url) => !url.startsWith(origin)),
      [],
    );
  });

  it('sends a click on a bar or a table row back as a selection, and lists its fragments (the confidential one by no name)', bound, async () => {
    // The first bar of the first chart (the largest group, drawn across the canvas).
    const canvas = page.locator('canvas[data-table="objective"]');
    const box = await canvas.boundingBox();
    assert.ok(box);
    const clicked = until(() => posted.some((message) => message.type === 'select'));
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.25);
    await clicked;
    assert.deepEqual(
      posted.filter((message) => message.type === 'select'),
      [{ type: 'select', table: 'objective', row: 0 }],
    );
    const rowClicked = until(() => posted.filter((message) => message.type === 'select').length === 2);
    await page.locator('table[data-table="country"] button.row-link').first().click();
    await rowClicked;
    assert.deepEqual(posted.filter((message) => message.type === 'select')[1], { type: 'select', table: 'country', row: 0 });

    // The extension answers with the list; the page shows it.
    const everyOutcome = model.fragments.map((_, index) => index);
    const shown = until(() => posted.some((message) => message.type === 'selection-shown'));
    await page.evaluate(`window.postMessage({ type: 'selection', html: ${JSON.stringify(renderSelection(model, payloads[0] as string, everyOutcome))} }, '*')`);
    await shown;
    const seen = await state();
    assert.equal(seen.pwned, undefined);
    assert.deepEqual(seen.foreignElements, []);
    assert.match(seen.text, /Confidential outcome/);
    assert.equal(seen.text.includes(SECRET), false);
    const opened = until(() => posted.some((message) => message.type === 'open'));
    await page.locator('#selection button.fragment-link').last().click();
    await opened;
    assert.deepEqual(
      posted.find((message) => message.type === 'open'),
      { type: 'open', fragment: 3 },
    );
    assert.deepEqual(violations, []);
  });
});
