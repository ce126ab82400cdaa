import type { CancellationToken, ResponseError } from 'vscode-languageserver';
import type { Analysis } from '../core/service';
import { STORY_MODEL_REQUEST, type StoryModelParams, type StoryModelResult } from '../protocol';
import { whenNotCancelled } from './cancellation';
import type { ServerContext } from './context';

/** The requests on an open document, each answered from its analysis by the core. */
export function registerDocumentRequests(context: ServerContext): void {
  const { connection, workspace } = context;

  /** Registers a request on an open document's analysis; unknown documents get `empty`. */
  function onDocument<P extends { textDocument: { uri: string } }, R>(
    register: (handler: (params: P, token: CancellationToken) => R | ResponseError<void>) => void,
    answer: (analysis: Analysis, params: P, token: CancellationToken) => R,
    empty: R,
  ): void {
    register((params, token) =>
      whenNotCancelled(token, () => {
        const document = context.openDocument(params.textDocument.uri);
        return document ? answer(context.analysisOf(document), params, token) : empty;
      }),
    );
  }

  const service = (analysis: Analysis) => workspace.serviceFor(analysis.context.uri);

  /** Where a dismissed quality hint is recorded: the folder's `.fragmentrc.json`, if the client can write it there. */
  function dismissalTarget(uri: string) {
    const target = workspace.dismissalTargetFor(uri);
    if (!target || (target.text === undefined && !context.client.createsFiles)) return undefined;
    const { saveCommand } = context.client;
    return saveCommand ? { ...target, saveCommand } : target;
  }

  onDocument(
    connection.onCodeAction,
    (analysis, params, token) =>
      service(analysis).codeActions(
        analysis,
        params.range,
        params.context.only,
        token,
        () => dismissalTarget(analysis.context.uri),
        params.context.diagnostics,
      ),
    [],
  );
  onDocument(connection.onCompletion, (analysis, params) => service(analysis).completions(analysis, params.position), []);
  onDocument(connection.onHover, (analysis, params) => service(analysis).hover(analysis, params.position) ?? null, null);
  onDocument(connection.onDocumentSymbol, (analysis) => service(analysis).documentSymbols(analysis), []);
  onDocument(connection.onFoldingRanges, (analysis) => service(analysis).foldingRanges(analysis), []);
  onDocument(connection.onDocumentFormatting, (analysis) => service(analysis).formattingEdits(analysis), []);
  onDocument(
    (handler: (params: StoryModelParams, token: CancellationToken) => StoryModelResult | ResponseError<void>) =>
      connection.onRequest(STORY_MODEL_REQUEST, handler),
    (analysis) => service(analysis).storyModel(analysis),
    null,
  );
}
