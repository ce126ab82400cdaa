// dist/server.js, what editors start: loads the language server (dist/language-server.js) with a
// V8 code cache of it, so that a start after the first neither compiles the bundle again nor
// the functions the previous start ran (compiling them was a third of a start's work). Node's
// own compile cache (module.enableCompileCache, Node 22.1+) keeps only what is compiled before
// the code runs, and Node 20 has none; this one works on both. Without a usable cache folder
// the server loads as a plain `require` would. Node's cache, where there is one, still serves
// the bundles the server loads on first use (dist/config.js, dist/harvest.js).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What the code cache is kept for, once the server has answered `initialize` and checked its first files. */
const WRITE_AFTER_MS = 2_000;

const bundlePath = join(__dirname, 'language-server.js');

const nodeCompileCache = nodeModule as { enableCompileCache?: () => unknown; flushCompileCache?: () => void };
try {
  nodeCompileCache.enableCompileCache?.();
} catch {
  // No cache for the bundles loaded later (an unwritable folder): they compile as they load.
}
// Node writes its cache as it exits, and editors often end a server by killing it: written once started, too.
setTimeout(() => {
  try {
    nodeCompileCache.flushCompileCache?.();
  } catch {
    // Not written: the bundles loaded later compile again next time.
  }
}, 5_000).unref();

let compiled: ReturnType<typeof compileWithCodeCache> | undefined;
try {
  compiled = compileWithCodeCache();
} catch {
  // No cache (an unreadable bundle is reported by the require below): the server starts as it would without one.
}
if (compiled) runBundle(compiled);
else require('./language-server.js');

function compileWithCodeCache() {
  const source = readFileSync(bundlePath, 'utf8');
  const cachePath = codeCachePath();
  let cachedData: Buffer | undefined;
  try {
    if (cachePath) cachedData = readFileSync(cachePath);
  } catch {
    // None yet: this start writes it.
  }
  // The module wrapper on a line of its own, so that the bundle's lines and columns are as in the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: bundlePath,
    lineOffset: -1,
    ...(cachedData ? { cachedData } : {}),
  });
  return { script, cachePath, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Runs the bundle as Node runs a CommonJS module, then keeps its code cache if it had none. */
function runBundle({ script, cachePath, cacheUsed }: { script: Script; cachePath: string | undefined; cacheUsed: boolean }): void {
  const bundleModule = { exports: {}, filename: bundlePath, id: bundlePath, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(bundleModule.exports, bundleModule.exports, nodeModule.createRequire(bundlePath), bundleModule, bundlePath, dirname(bundlePath));
  bundleModule.loaded = true;
  if (!cachePath || cacheUsed) return;
  // Written once, with what the server compiled by then; editors often end a server by killing it, so not only at exit.
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    const temporary = `${cachePath}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cachePath);
    } catch {
      // Not written (a full disk): the next start compiles again.
      rmSync(temporary, { force: true });
    }
    removeStaleCaches(dirname(cachePath));
  };
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
}

/**
 * The cache file of this bundle as it is on disk, for this Node and CPU, in a folder of the
 * user's own that no one else can write to (a planted cache would be code run as the user):
 * undefined when there is no such folder.
 */
function codeCachePath(): string | undefined {
  const folder = join(tmpdir(), `outcome-fragments-code-cache-${process.getuid?.() ?? 'user'}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = statSync(folder);
  if (process.getuid && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return undefined;
  const bundle = statSync(bundlePath);
  return join(folder, `${hash(`${process.version}|${process.arch}|${bundlePath}|${bundle.size}|${bundle.mtimeMs}`)}.cache`);
}

/** A new bundle (an update) writes a new cache: those no start has written for a month go. */
function removeStaleCaches(folder: string): void {
  const monthAgo = Date.now() - 30 * 24 * 60 * 60 * 1000;
  try {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).mtimeMs < monthAgo) rmSync(path, { force: true });
    }
  } catch {
    // Left for the next update to remove.
  }
}

/** Two 32-bit FNV-1a hashes of a short key (no `crypto`, which costs milliseconds to load), as 16 hex digits. */
function hash(key: string): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x811c9dc5) >>> 0;
  }
  return first.toString(16).padStart(8, '0') + second.toString(16).padStart(8, '0');
}
