import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { renderPreviewBody, renderPreviewDocument } from '../../client/src/preview/render';
import { createFragmentService } from '../../server/src/core/service';

const repositoryRoot = join(__dirname, '..', '..');
/** The same Chromium, started the same way, as the real-VS Code launchers. */
const chromiumSettings: { path: string; args: string[] } = JSON.parse(readFileSync(join(repositoryRoot, 'scripts', 'real-vscode', 'chromium.json'), 'utf8'));
const chromiumPath = process.env.CHROMIUM_PATH ?? chromiumSettings.path;
/** An address nothing listens on: any request to it is a leak, whether or not it is answered. */
const ELSEWHERE = 'http://127.0.0.2:9';

/** Script, event-handler and CSS-injection payloads, one in every field of a fragment. */
const payloads = [
  '<script>window.__pwned = "script"</script>',
  `<img src=${ELSEWHERE}/img onerror="window.__pwned = 'onerror'">`,
  `<style>body { background: url(${ELSEWHERE}/style) }</style>`,
  `" style="background:url(${ELSEWHERE}/attribute)" onmouseover="window.__pwned = 'attribute'`,
  `</p><iframe src="${ELSEWHERE}/frame"></iframe><svg onload="window.__pwned = 'svg'">`,
  `<a href="javascript:window.__pwned = 'link'">x</a>`,
];

function hostileFragment(): string {
  const valid = readFileSync(join(repositoryRoot, 'test', 'fixtures', 'valid.fragment'), 'utf8');
  let index = 0;
  return valid
    .split('\n')
    .map((line) => line.replace(/^(\*\*[^*]+\*\*: ).*$/, (_, key: string) => `${key}${payloads[index++ % payloads.length]}`))
    .join('\n');
}

describe('the preview in a real browser (Chromium), under a fragment full of payloads', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';
  const nonce = 'c2VjdXJpdHktdGVzdC1ub25jZQ';
  let page: Page;
  /** URLs the page fetched, or tried to fetch past the policy. */
  const requests: string[] = [];
  /** What the page reported: messages it posted to "VS Code", and policy violations. */
  const posted: string[] = [];
  const violations: string[] = [];
  const waiters: Array<{ done: () => boolean }> = [];
  /** Resolves once `condition` holds, checked at each report from the page (the test runner's timeout bounds it). */
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      if (condition()) return resolve();
      waiters.push({
        done: () => {
          if (!condition()) return false;
          resolve();
          return true;
        },
      });
    });

  // Every wait here is on the page's reports; the bound turns a page that never reports into a failure.
  const bound = { timeout: 60_000 };

  before(async () => {
    assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium); .ci/run installs it`);
    const model = createFragmentService().storyModel(createFragmentService().analyze(hostileFragment(), 'file:///hostile.fragment'));
    server = createServer((request, response) => {
      const files: Record<string, [string, string]> = {
        '/preview.css': [join(repositoryRoot, 'media', 'preview.css'), 'text/css'],
        '/preview.js': [join(repositoryRoot, 'media', 'preview.js'), 'text/javascript'],
      };
      const file = files[request.url ?? ''];
      if (file) {
        response.writeHead(200, { 'content-type': file[1] });
        response.end(readFileSync(file[0]));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        renderPreviewDocument({
          body: renderPreviewBody(model, 0),
          nonce,
          cspSource: origin,
          styleUri: `${origin}/preview.css`,
          scriptUri: `${origin}/preview.js`,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumSettings.args });
    page = await browser.newPage();
    // Fetched: answered, or failed for any reason but the policy's block (which happens before any connection).
    page.on('response', (response) => requests.push(response.url()));
    page.on('requestfailed', (request) => {
      // Chromium reports a request the policy stopped as failed with "csp".
      if (!/^csp$|BLOCKED_BY_CSP/i.test(request.failure()?.errorText ?? '')) requests.push(request.url());
    });
    page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
    // What VS Code gives a webview, and a record of every Content-Security-Policy violation. The
    // page reports both to this test through exposed functions: waits are on those events (a
    // polling wait would evaluate code in the page, which its own policy forbids).
    await page.exposeFunction('__reportToTest', (kind: string, detail: string) => {
      (kind === 'violation' ? violations : posted).push(detail);
      for (const waiter of [...waiters]) if (waiter.done()) waiters.splice(waiters.indexOf(waiter), 1);
    });
    await page.addInitScript(`
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        const violation = event.violatedDirective + ' ' + event.blockedURI;
        window.__violations.push(violation);
        window.__reportToTest('violation', violation);
      });
      window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__reportToTest('posted', message.type), getState: () => undefined, setState: () => undefined });
    `);
    const ready = until(() => posted.includes('ready'));
    await page.goto(origin);
    await ready;
  }, bound);

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const state = (): Promise<{ pwned?: string; violations: string[]; foreignElements: string[]; handlers: string[]; text: string }> =>
    page.evaluate(`(() => {
      const main = document.getElementById('preview');
      return {
        pwned: window.__pwned,
        violations: window.__violations,
        foreignElements: [...main.querySelectorAll('script, img, style, iframe, svg, link, object, embed')].map((element) => element.tagName),
        handlers: [...main.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on') || name === 'style')),
        text: main.innerText,
      };
    })()`);

  /** Sends the page a render, as the extension does. */
  const sendRender = (html: string) => page.evaluate(`window.postMessage({ type: 'update', html: ${JSON.stringify(html)}, cursorLine: 0 }, '*')`);

  it('shows every payload as text: no script runs, nothing is fetched, no policy is even tested', bound, async () => {
    // The extension sends renders as messages: the script puts them in the page.
    const rendered = until(() => posted.includes('rendered'));
    await sendRender(await page.evaluate(`document.getElementById('preview').innerHTML`));
    await rendered;
    await page.mouse.move(200, 200);
    const seen = await state();
    assert.equal(seen.pwned, undefined, 'no payload ran');
    assert.deepEqual(seen.foreignElements, []);
    assert.deepEqual(seen.handlers, []);
    for (const payload of payloads) assert.ok(seen.text.includes(payload.trim().slice(0, 20)), `"${payload.slice(0, 20)}…" reads as text`);
    assert.deepEqual(seen.violations, [], 'escaping leaves the policy nothing to block');
    assert.deepEqual(
      requests.filter((url) => !url.startsWith(origin)),
      [],
    );
  });

  it('keeps a badge at the cursor readable: its own colours and a focus outline (a light theme, whose line highlight is near white)', bound, async () => {
    await page.evaluate(`(() => {
      const style = document.documentElement.style;
      style.setProperty('--vscode-badge-foreground', '#ffffff');
      style.setProperty('--vscode-badge-background', '#005fb8');
      style.setProperty('--vscode-editor-lineHighlightBackground', '#ffffff');
      style.setProperty('--vscode-focusBorder', '#005fb8');
    })()`);
    const line = await page.evaluate(`Number(document.querySelector('#preview .badge').dataset.line)`);
    const count = posted.filter((type) => type === 'highlighted').length;
    const highlighted = until(() => posted.filter((type) => type === 'highlighted').length > count);
    await page.evaluate(`window.postMessage({ type: 'highlight', line: ${line} }, '*')`);
    await highlighted;
    const badge = await page.evaluate(`(() => {
      const badge = document.querySelector('#preview .badge.at-cursor');
      const style = badge && getComputedStyle(badge);
      return style && { color: style.color, background: style.backgroundColor, outline: style.outlineStyle };
    })()`);
    assert.deepEqual(badge, { color: 'rgb(255, 255, 255)', background: 'rgb(0, 95, 184)', outline: 'solid' });
  });

  it('blocks inline script, handlers, styles and foreign loads even in HTML that was not escaped (the policy, on its own)', bound, async () => {
    const unescaped = payloads.join('\n');
    const blocked = until(() => violations.length > 0);
    await sendRender(unescaped);
    await blocked;
    const seen = await state();
    assert.equal(seen.pwned, undefined, 'no inline handler ran');
    assert.ok(
      seen.violations.some((violation) => violation.startsWith('img-src')),
      seen.violations.join('; '),
    );
    assert.ok(
      seen.violations.some((violation) => violation.startsWith('script-src')),
      seen.violations.join('; '),
    );
    assert.deepEqual(
      requests.filter((url) => url.startsWith(ELSEWHERE)),
      [],
      'nothing reached the other address',
    );
  });
});
