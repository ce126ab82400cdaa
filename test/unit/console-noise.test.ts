import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';

type IsConsoleNoise = (text: string, url?: string) => boolean;
const modulePath = join(__dirname, '..', '..', 'scripts', 'real-vscode', 'console-noise.mjs');

/** The integration run leaves out the VS Code server's known noise, and nothing else. */
describe('the integration run’s console filter', async () => {
  const { isConsoleNoise } = (await import(modulePath)) as { isConsoleNoise: IsConsoleNoise };
  const notFound = 'Failed to load resource: the server responded with a status of 404 (Not Found)';

  it('leaves out the 404s of what the server does not ship, and the start-up log', () => {
    assert.equal(isConsoleNoise(notFound, 'http://127.0.0.1:4000/_static/out/browser/serviceWorker.js'), true);
    assert.equal(isConsoleNoise(notFound, 'http://127.0.0.1:4000/stable-53c2f/static/node_modules/vsda/rust/web/vsda_bg.wasm'), true);
    assert.equal(isConsoleNoise(' INFO Creating a socket (renderer-Management-0eaff2c2)...'), true);
    assert.equal(isConsoleNoise(" WARN Creation of workbench contribution 'workbench.contrib.notebook' took 26ms."), true);
    assert.equal(isConsoleNoise('An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing.'), true);
  });

  it('keeps every other 404, error and test report line', () => {
    assert.equal(isConsoleNoise(notFound, 'http://127.0.0.1:4000/vscode-remote-resource?path=/repo/media/preview.css'), false);
    assert.equal(isConsoleNoise(notFound), false, 'a 404 whose address is unknown');
    assert.equal(isConsoleNoise('  ERR Activating extension outcome-fragments.outcome-fragments failed'), false);
    assert.equal(isConsoleNoise(' WARN [outcome-fragments.outcome-fragments]: a real warning'), false);
    assert.equal(isConsoleNoise(' INFO     ✔ reports the misspelt country key and the empty evidence, nothing else (193ms)'), false);
    assert.equal(isConsoleNoise(' INFO integration: 18 passed, 0 failed'), false);
  });
});
