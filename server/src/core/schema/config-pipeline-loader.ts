import type * as l10n from '@vscode/l10n';
import type { ConfigPipeline } from './config-pipeline';

let pipeline: ConfigPipeline | undefined;
let messages: l10n.l10nJsonFormat | undefined;

/**
 * The configuration pipeline (config-pipeline.ts), loaded the first time a configuration file is
 * read or a dismissal written. In the Node bundles this `require` is rewritten to dist/config.js
 * (scripts/build.mjs); elsewhere it is the module itself.
 */
export function configPipeline(): ConfigPipeline {
  if (!pipeline) {
    pipeline = require('./config-pipeline') as ConfigPipeline;
    if (messages) pipeline.useMessages(messages);
  }
  return pipeline;
}

/** The display language's messages, for a pipeline bundled apart (which has its own @vscode/l10n). */
export function useConfigMessages(contents: l10n.l10nJsonFormat): void {
  messages = contents;
  pipeline?.useMessages(contents);
}
