// Loaded by Windows Node (under Wine) before tsx: esbuild's Windows binary needs
// bcryptprimitives.dll, which Wine 8 lacks, so tsx is given esbuild-wasm of the same version
// (unpacked by setup.mjs), for `require` and `import` alike.
import Module, { register } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { wasmFolder } from './setup.mjs';

const wasmMain = join(wasmFolder, 'lib', 'main.js');
// esbuild-wasm runs its service as `node bin/esbuild`, found on PATH: this Node.
process.env.PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'esbuild' ? wasmMain : request, ...rest);
};
register('./esbuild-wasm-hooks.mjs', import.meta.url, { data: pathToFileURL(wasmMain).href });
