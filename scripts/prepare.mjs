// npm's `prepare`: builds dist/ on every install from a clone (`npm ci`, `npm install`, and
// `npm install --global .`, which installs `fragment-lint`). A global install from a folder
// links the folder and runs this script without installing the folder's devDependencies, so
// when the bundler is missing they are installed here first, from the lockfile.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmInvocation } from './npm-command.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function hasBundler() {
  try {
    createRequire(join(repoRoot, 'package.json')).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

// No shell, ever: node is run as process.execPath and npm as node with npm's own CLI script
// (npm-command.mjs), so a space in a path (`C:\Program Files\nodejs`) needs no quoting by cmd.exe.
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`prepare: \`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(1);
  }
}

if (!hasBundler()) {
  console.log('prepare: installing the build tools of this clone first (npm ci), to build fragment-lint');
  // The outer npm's settings (global, prefix, omit=dev) reach this script as npm_config_*
  // variables: the install into the clone must not inherit them. --ignore-scripts: this script
  // is that install's `prepare`, which must not run again.
  const ownSettings = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const npm = npmInvocation({ execPath: process.execPath, env: process.env, platform: process.platform, exists: existsSync }, [
    'ci',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
  ]);
  if (!npm) {
    console.error(`prepare: npm's npm-cli.js was not found beside ${process.execPath}: run \`npm ci\` in ${repoRoot} first, then install again`);
    process.exit(1);
  }
  run(npm.command, npm.args, ownSettings);
}
// A package made by `npm pack` or `npm publish` gets the minified build, without source maps.
const forPackage = ['pack', 'publish'].includes(process.env.npm_command ?? '');
run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), ...(forPackage ? ['--production'] : [])]);
