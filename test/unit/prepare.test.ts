import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { temporaryFolder } from '../temporary-folders';

// An ES module (the scripts are .mjs), loaded as such from this CommonJS test.
let npmInvocation: typeof import('../../scripts/npm-command.mjs', { with: { 'resolution-mode': 'import' }}).npmInvocation;
before(async () => {
  ({ npmInvocation } = await import('../../scripts/npm-command.mjs'));
});

const nodeOnWindows = 'C:\\Program Files\\nodejs\\node.exe';
const npmCliOnWindows = 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js';

describe('prepare (npm ci, npm install --global .): no shell, so a path with a space works', () => {
  it('spawns nothing through a shell (cmd.exe splits C:\\Program Files at its space)', () => {
    const script = readFileSync(join(__dirname, '..', '..', 'scripts', 'prepare.mjs'), 'utf8');
    assert.doesNotMatch(script, /shell\s*:/);
    assert.match(script, /npmInvocation\(/);
  });

  it('runs npm as node with the npm_execpath npm gives its scripts, when that is a .js or .cjs file', () => {
    const env = { npm_execpath: 'C:\\Users\\Ana María\\AppData\\Roaming\\npm\\node_modules\\npm\\bin\\npm-cli.js' };
    assert.deepEqual(npmInvocation({ execPath: nodeOnWindows, env, platform: 'win32', exists: () => false }, ['ci', '--ignore-scripts']), {
      command: nodeOnWindows,
      args: [env.npm_execpath, 'ci', '--ignore-scripts'],
    });
    assert.deepEqual(
      npmInvocation({ execPath: '/usr/bin/node', env: { npm_execpath: '/opt/npm/bin/npm-cli.cjs' }, platform: 'linux', exists: () => false }, ['ci']),
      {
        command: '/usr/bin/node',
        args: ['/opt/npm/bin/npm-cli.cjs', 'ci'],
      },
    );
  });

  it('otherwise finds npm-cli.js beside node: node_modules\\npm next to node.exe, ../lib/node_modules/npm elsewhere', () => {
    const seen: string[] = [];
    const onWindows = npmInvocation(
      {
        execPath: nodeOnWindows,
        env: { npm_execpath: 'C:\\Program Files\\nodejs\\npm.cmd' },
        platform: 'win32',
        exists: (path) => {
          seen.push(path);
          return path === npmCliOnWindows;
        },
      },
      ['ci'],
    );
    assert.deepEqual(onWindows, { command: nodeOnWindows, args: [npmCliOnWindows, 'ci'] });
    assert.equal(seen[0], npmCliOnWindows, 'the Windows path is made with win32 separators, on any platform');
    const onLinux = npmInvocation(
      { execPath: '/usr/local/bin/node', env: {}, platform: 'linux', exists: (path) => path === '/usr/local/lib/node_modules/npm/bin/npm-cli.js' },
      ['ci'],
    );
    assert.deepEqual(onLinux, { command: '/usr/local/bin/node', args: ['/usr/local/lib/node_modules/npm/bin/npm-cli.js', 'ci'] });
  });

  it('without an npm-cli.js: plain `npm` on Linux and macOS (no shell needed), nothing on Windows (npm.cmd needs cmd.exe)', () => {
    assert.deepEqual(npmInvocation({ execPath: '/usr/bin/node', env: {}, platform: 'darwin', exists: () => false }, ['ci']), { command: 'npm', args: ['ci'] });
    assert.equal(npmInvocation({ execPath: nodeOnWindows, env: {}, platform: 'win32', exists: () => false }, ['ci']), undefined);
  });

  it('runs npm for real from a node in a folder whose name has a space', (t) => {
    // This machine's npm, found the way prepare finds it, linked beside a node in "node js/bin".
    const real = npmInvocation({ execPath: process.execPath, env: {}, platform: process.platform, exists: existsSync }, ['--version']);
    const npmCli = real?.args[0];
    if (!npmCli?.endsWith('npm-cli.js')) {
      assert.fail(`no npm-cli.js beside ${process.execPath} to run the test with`);
      return;
    }
    const prefix = join(temporaryFolder('fragments-prepare-'), 'node js');
    mkdirSync(join(prefix, 'bin'), { recursive: true });
    mkdirSync(join(prefix, 'lib', 'node_modules'), { recursive: true });
    symlinkSync(process.execPath, join(prefix, 'bin', 'node'));
    symlinkSync(dirname(dirname(npmCli)), join(prefix, 'lib', 'node_modules', 'npm'));
    const spaced = npmInvocation({ execPath: join(prefix, 'bin', 'node'), env: {}, platform: process.platform, exists: existsSync }, ['--version']);
    assert.deepEqual(spaced?.args[0], join(prefix, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
    const result = spawnSync(spaced?.command as string, spaced?.args ?? [], { encoding: 'utf8' });
    t.diagnostic(`npm ${result.stdout.trim()} run as ${JSON.stringify([spaced?.command, ...(spaced?.args ?? [])])}`);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\d+\.\d+\.\d+/);
  });
});
