import * as l10n from '@vscode/l10n';
import type { CodeAction, Command, CreateFile, TextDocumentEdit } from 'vscode-languageserver-types';
import { qualityCodes } from '../rules/quality';
import type { QualityData } from '../rules/quality/quality-rule';
import type { FragmentDiagnostic } from '../rules/rule';
import { configPipeline } from '../schema/config-pipeline-loader';
import { lineEdits, QUICK_FIX_KIND } from './code-actions';

/** The configuration file a dismissal is recorded in: where it is, and its text (undefined when it does not exist yet). */
export interface DismissalTarget {
  readonly uri: string;
  readonly text: string | undefined;
  /** A command of the editor that saves the file after the edit (so that the change applies at once), when it has one. */
  readonly saveCommand?: string;
}

/**
 * The configuration's text with `code` recorded under `fragmentId` in `ignore` (see
 * config-edit.ts, loaded with the configuration pipeline on first use: jsonc-parser is in it).
 */
export function withDismissal(text: string | undefined, fragmentId: string, code: string): string | undefined {
  return configPipeline().withDismissal(text, fragmentId, code);
}

/** The "Dismiss for this fragment" action of a quality hint: an edit of the configuration file, created when absent. */
export function dismissAction(diagnostic: FragmentDiagnostic, fragmentId: string, target: DismissalTarget): CodeAction | undefined {
  const after = withDismissal(target.text, fragmentId, diagnostic.code);
  if (after === undefined || after === target.text) return undefined;
  const edits = lineEdits(target.text ?? '', after);
  const changes: Array<CreateFile | TextDocumentEdit> = [];
  if (target.text === undefined) changes.push({ kind: 'create', uri: target.uri, options: { ignoreIfExists: true } });
  changes.push({ textDocument: { uri: target.uri, version: null }, edits });
  const action: CodeAction = {
    title: l10n.t('Dismiss for this fragment ({0})', diagnostic.code),
    kind: QUICK_FIX_KIND,
    diagnostics: [diagnostic],
    edit: { documentChanges: changes },
  };
  if (target.saveCommand) action.command = { title: l10n.t('Save the configuration'), command: target.saveCommand, arguments: [target.uri] } satisfies Command;
  return action;
}

/** The dismiss actions of the quality hints among `diagnostics` (those a request is about); `target` is asked only when there is one. */
export function dismissActions(diagnostics: readonly FragmentDiagnostic[], target: () => DismissalTarget | undefined): CodeAction[] {
  const hints = diagnostics.filter((diagnostic) => qualityCodes.has(diagnostic.code) && (diagnostic.data as QualityData | undefined)?.fragmentId !== undefined);
  const file = hints.length > 0 ? target() : undefined;
  if (!file) return [];
  return hints.flatMap((diagnostic) => dismissAction(diagnostic, (diagnostic.data as QualityData).fragmentId as string, file) ?? []);
}
