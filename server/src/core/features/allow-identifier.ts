import * as l10n from '@vscode/l10n';
import type { CodeAction, Command, CreateFile, TextDocumentEdit } from 'vscode-languageserver-types';
import type { PossibleIdentifierData } from '../rules/possible-identifier';
import type { FragmentDiagnostic } from '../rules/rule';
import { configPipeline } from '../schema/config-pipeline-loader';
import { lineEdits, QUICK_FIX_KIND } from './code-actions';
import type { DismissalTarget } from './dismiss';

/**
 * "Allow … in this harvest" for each `possible-identifier` among `diagnostics` (those a request is
 * about: code-actions.ts `diagnosticsAt`): an edit of the
 * configuration file (created when absent) that records the text in `anonymisation.allow`.
 * `target` is asked only when there is such a finding.
 */
export function allowActions(diagnostics: readonly FragmentDiagnostic[], target: () => DismissalTarget | undefined): CodeAction[] {
  const findings = diagnostics.filter(
    (diagnostic): diagnostic is FragmentDiagnostic<PossibleIdentifierData> =>
      diagnostic.code === 'possible-identifier' && typeof (diagnostic.data as PossibleIdentifierData | undefined)?.text === 'string',
  );
  const file = findings.length > 0 ? target() : undefined;
  if (!file) return [];
  const seen = new Set<string>();
  return findings.flatMap((diagnostic) => {
    const text = (diagnostic.data as PossibleIdentifierData).text;
    if (seen.has(text)) return [];
    seen.add(text);
    const after = configPipeline().withAllowed(file.text, text);
    if (after === undefined || after === file.text) return [];
    const changes: Array<CreateFile | TextDocumentEdit> = [];
    if (file.text === undefined) changes.push({ kind: 'create', uri: file.uri, options: { ignoreIfExists: true } });
    changes.push({ textDocument: { uri: file.uri, version: null }, edits: lineEdits(file.text ?? '', after) });
    const action: CodeAction = {
      title: l10n.t('Allow "{0}" in this harvest', text),
      kind: QUICK_FIX_KIND,
      diagnostics: [diagnostic],
      edit: { documentChanges: changes },
    };
    if (file.saveCommand) action.command = { title: l10n.t('Save the configuration'), command: file.saveCommand, arguments: [file.uri] } satisfies Command;
    return [action];
  });
}
