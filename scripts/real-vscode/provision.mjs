// One-time provisioning of the offline "real VS Code": Node 24 (from npm, since
// code-server refuses other majors) and code-server, whose bundled VS Code server
// we run. Both live in the git-ignored cache and are reused while their marker
// file says they are complete; a half-finished install has no marker and is redone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { cacheDir, isMain, log, run, seconds } from './project.mjs';

const NODE_MAJOR = '24';
const CODE_SERVER_VERSION = '4.139.1';
const MARKER = '.provisioned';

/**
 * Ensures Node 24 and code-server are in the cache.
 * @returns {Promise<{ nodeBin: string, serverMain: string }>}
 */
export async function provision() {
  const node = await ensureNode();
  const serverMain = await ensureCodeServer(node);
  return { nodeBin: node.bin, serverMain };
}

async function ensureNode() {
  const packageName = `node-${process.platform}-${process.arch}`;
  const dir = join(cacheDir, `node${NODE_MAJOR}`);
  const packageDir = join(dir, 'node_modules', packageName);
  const bin = join(packageDir, 'bin', 'node');
  const spec = `${packageName}@${NODE_MAJOR}`;
  await installOnce(dir, spec, () => nodeMajorOf(bin) === NODE_MAJOR, {}, 'about 190 MB');
  return { bin, packageDir };
}

async function ensureCodeServer(node) {
  const dir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const serverMain = join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  // Node 24 first on PATH so npm and code-server's postinstall run on it, and its own
  // headers for native modules, because node-gyp cannot download headers offline.
  // Run from `npm test`, the environment holds the outer npm's settings (npm_config_user_agent
  // names Node 20, which code-server's postinstall checks): the nested npm must not inherit them.
  const env = {
    ...withoutNpmSettings(process.env),
    PATH: `${join(node.packageDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: node.packageDir,
  };
  // server-main.js ships in the tarball; VS Code's node_modules only exist if the postinstall ran.
  const vscodeModules = join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  const isComplete = () => existsSync(serverMain) && existsSync(vscodeModules);
  await installOnce(dir, `code-server@${CODE_SERVER_VERSION}`, isComplete, env, 'about 600 MB, 2 to 5 minutes', checkBuildPrerequisites);
  return serverMain;
}

/**
 * VS Code's native modules compile during code-server's postinstall (their prebuilt
 * binaries come from GitHub, unreachable offline); fail in a second, not after minutes.
 */
function checkBuildPrerequisites() {
  if (process.platform !== 'linux') return;
  if (!existsSync('/usr/include/gssapi/gssapi.h')) {
    throw new Error('the kerberos module of VS Code needs the GSS-API headers: apt-get install -y libkrb5-dev');
  }
}

/** Installs one npm package into its own cache folder unless a complete install is there. */
async function installOnce(dir, spec, isValid, env, size, checkPrerequisites = () => {}) {
  const marker = join(dir, MARKER);
  if (readIfExists(marker) === spec && isValid()) return;

  checkPrerequisites();
  log(`provisioning ${spec} into ${dir} (one time, ${size})`);
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  await run('npm', ['install', spec, '--no-audit', '--no-fund'], { cwd: dir, env: { ...withoutNpmSettings(process.env), ...env } });
  if (!isValid()) throw new Error(`provisioning ${spec} finished but the result is unusable; see the npm output above`);
  writeFileSync(marker, spec);
  log(`provisioned ${spec} in ${seconds(started)}`);
}

/** The environment without the variables an npm script inherits from the npm that runs it. */
function withoutNpmSettings(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD'));
}

function nodeMajorOf(bin) {
  if (!existsSync(bin)) return undefined;
  try {
    return execFileSync(bin, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function readIfExists(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

if (isMain(import.meta.url)) {
  provision().then(
    (result) => log(`ready: ${JSON.stringify(result)}`),
    (error) => {
      console.error(`[real-vscode] provisioning failed: ${error.message}`);
      process.exit(1);
    },
  );
}
