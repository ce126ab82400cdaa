// The module hooks of esbuild-wasm.mjs: `esbuild` resolves to esbuild-wasm.
let wasmMain = '';
export function initialize(data) {
  wasmMain = data;
}
export function resolve(specifier, context, next) {
  return specifier === 'esbuild' ? { url: wasmMain, shortCircuit: true } : next(specifier, context);
}
