/** What a web worker has that the project's library settings (no DOM) do not declare. */
declare const importScripts: (...urls: string[]) => void;
declare const Blob: new (parts: string[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };

/**
 * Runs a bundle of ours (an IIFE that sets `globalName`) in this worker, from a blob URL of its
 * own, and returns what it set. The worker cannot fetch the extension's files (they may be on
 * another origin, and nothing goes over the network): the client reads them with `workspace.fs`.
 */
export function runBundleScript<T>(text: string, globalName: string): T {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
  try {
    importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  const bundle = (globalThis as Record<string, unknown>)[globalName] as T | undefined;
  if (!bundle) throw new Error(`the bundle ${globalName} did not load`);
  return bundle;
}
