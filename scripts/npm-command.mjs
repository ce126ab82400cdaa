// How scripts/prepare.mjs runs npm, worked out without a shell: `shell: true` on Windows hands the
// command line to cmd.exe, which breaks on `C:\Program Files\nodejs\node.exe` (any path with a
// space) and on any argument it would read as its own syntax. Node runs npm's own CLI script
// instead, as `node npm-cli.js ci …`, on every platform. Pure: the caller hands in what it knows.
import { posix, win32 } from 'node:path';

/**
 * The program and arguments that run `npm ARGS…`: `execPath` (the running node) with npm's CLI
 * script, which is the `npm_execpath` npm sets for the scripts it runs when that is a .js/.cjs
 * file, else the npm-cli.js installed beside node (`node_modules\npm` next to node.exe on Windows,
 * `../lib/node_modules/npm` on Linux and macOS). Undefined when there is none: on Windows npm is
 * then a .cmd, which only a shell runs, so the caller says what to do instead.
 *
 * @param {{ execPath: string, env: Readonly<Record<string, string | undefined>>, platform: string, exists: (path: string) => boolean }} where
 * @param {readonly string[]} args
 * @returns {{ command: string, args: string[] } | undefined}
 */
export function npmInvocation(where, args) {
  const path = where.platform === 'win32' ? win32 : posix;
  const fromNpm = where.env.npm_execpath;
  if (fromNpm && /\.c?js$/i.test(fromNpm)) return { command: where.execPath, args: [fromNpm, ...args] };
  const nodeFolder = path.dirname(where.execPath);
  const beside = [
    path.join(nodeFolder, 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    path.join(path.dirname(nodeFolder), 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  const script = beside.find((candidate) => where.exists(candidate));
  if (script) return { command: where.execPath, args: [script, ...args] };
  // Linux and macOS run `npm` itself, a script with a #! line, without a shell; Windows cannot.
  return where.platform === 'win32' ? undefined : { command: 'npm', args: [...args] };
}
