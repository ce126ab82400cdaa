// dist/server.js, what editors start: turns Node's compile cache on, then loads the language
// server (dist/language-server.js), so that later starts load its compiled code instead of
// compiling it again. Node 22.1 and later have the cache; on Node 20 this only loads the server.
import * as nodeModule from 'node:module';

const compileCache = nodeModule as { enableCompileCache?: () => unknown; flushCompileCache?: () => void };
try {
  compileCache.enableCompileCache?.();
} catch {
  // No cache (an unwritable folder): the server starts as it would without one.
}
require('./language-server.js');
// Node writes the cache as it exits, and editors often end a server by killing it: write it once started.
setTimeout(() => {
  try {
    compileCache.flushCompileCache?.();
  } catch {
    // Not written: the next start compiles again.
  }
}, 5_000).unref();
