/**
 * What reads and edits a `.fragmentrc.json` (zod validates it, jsonc-parser reads and edits its
 * JSON with comments), needed only once there is one: loaded on first use by
 * config-pipeline-loader.ts. In the Node bundles it is a file of its own (dist/config.js, see
 * scripts/build.mjs), so that the server starts without it; the web worker's bundle holds it.
 */
import * as l10n from '@vscode/l10n';

export { applyConfig, loadConfig } from './config';
export { withAllowed, withDismissal } from './config-edit';

/** A bundle of its own has its own @vscode/l10n: it speaks the language of the program that loads it. */
export function useMessages(contents: l10n.l10nJsonFormat): void {
  l10n.config({ contents });
}

export type ConfigPipeline = typeof import('./config-pipeline');
