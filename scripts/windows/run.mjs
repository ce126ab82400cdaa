// The Windows suite (npm run test:windows): Windows Node under Wine, on this Linux machine.
//  1. the CLI's tests (test/protocol/cli*.test.ts), run by Windows Node's own test runner: the
//     tests spawn `process.execPath dist/cli.js`, so the CLI runs under Windows Node too;
//  2. test/windows/*.test.ts, run by this Node: the language server under Windows Node, over a
//     socket, spoken to as VS Code on Windows speaks.
// Windows Node's stdout and stderr are files, never a Linux pipe (it fails with EBADF on one).
// Ends with "N passed, N failed"; exits 1 on any failure, and when a part ran no test.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cacheFolder, repositoryRoot, setup, windowsNode, wineEnvironment } from './setup.mjs';

const logs = join(cacheFolder, 'logs');
const testsIn = (folder, matches) =>
  readdirSync(join(repositoryRoot, folder))
    .filter((name) => name.endsWith('.test.ts') && matches(name))
    .sort()
    .map((name) => join(folder, name));

/** The counts at the end of a TAP report (`# pass 3`…), or undefined when it has none. */
function tapSummary(tap) {
  const count = (name) => {
    const match = new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap);
    return match ? Number(match[1]) : undefined;
  };
  const tests = count('tests');
  if (tests === undefined) return undefined;
  return {
    tests,
    pass: count('pass') ?? 0,
    fail: count('fail') ?? 0,
    cancelled: count('cancelled') ?? 0,
    skipped: count('skipped') ?? 0,
    todo: count('todo') ?? 0,
  };
}

/** Runs one part; its spec report is printed, its TAP report counted. */
function part(name, { command, args, files, env, windows }) {
  const spec = join(logs, `${name}.spec.txt`);
  const tap = join(logs, `${name}.tap`);
  const output = join(logs, `${name}.output.txt`);
  // Windows Node takes its paths as Windows paths; relative ones need no translation.
  const reporters = [
    '--test-reporter=spec',
    `--test-reporter-destination=${relative(repositoryRoot, spec)}`,
    '--test-reporter=tap',
    `--test-reporter-destination=${relative(repositoryRoot, tap)}`,
  ];
  const started = performance.now();
  const fd = openSync(output, 'w');
  const result = spawnSync(command, [...args, ...reporters, ...files], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const read = (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  process.stdout.write(`\n## ${name}${windows ? ' (Windows Node under Wine)' : ''}: ${files.join(' ')}\n`);
  process.stdout.write(read(spec));
  const other = read(output).trim();
  if (other !== '') process.stdout.write(`${other}\n`);
  const summary = tapSummary(read(tap));
  const problems = [];
  if (result.error) problems.push(`could not start ${command}: ${result.error.message}`);
  if (summary === undefined) problems.push(`no TAP summary in ${tap}: the test runner did not finish`);
  else {
    if (summary.tests === 0) problems.push('it ran no test');
    if (summary.cancelled > 0) problems.push(`${summary.cancelled} cancelled`);
    if (summary.skipped + summary.todo > 0) problems.push(`${summary.skipped + summary.todo} skipped or todo: a test that cannot run must fail`);
  }
  if (result.status !== 0 && (summary?.fail ?? 0) === 0) problems.push(`the test runner exited with ${result.status ?? result.signal}`);
  const passed = summary?.pass ?? 0;
  let failed = summary === undefined ? 0 : summary.fail + summary.cancelled + summary.skipped + summary.todo;
  // A part that did not finish, or ran nothing, fails as one test.
  if (problems.length > 0 && failed === 0) failed = 1;
  process.stdout.write(`${name}: ${passed} passed, ${failed} failed in ${seconds} s${problems.length > 0 ? ` (${problems.join('; ')})` : ''}\n`);
  return { passed, failed };
}

function main() {
  const started = performance.now();
  setup();
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const parts = [
    part('cli', {
      command: 'wine',
      args: [windowsNode, '--import', './scripts/windows/esbuild-wasm.mjs', '--import', 'tsx', '--test', '--test-timeout=300000'],
      files: testsIn('test/protocol', (name) => name.startsWith('cli')),
      env: wineEnvironment(),
      windows: true,
    }),
    part('server', {
      command: process.execPath,
      args: ['--import', 'tsx', '--test', '--test-timeout=120000'],
      files: testsIn('test/windows', () => true),
      env: process.env,
      windows: false,
    }),
  ];
  const passed = parts.reduce((sum, { passed }) => sum + passed, 0);
  const failed = parts.reduce((sum, { failed }) => sum + failed, 0);
  process.stdout.write(`\nWindows suite in ${((performance.now() - started) / 1000).toFixed(1)} s; reports in ${relative(repositoryRoot, logs)}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  if (failed > 0 || passed === 0) process.exitCode = 1;
}

main();
