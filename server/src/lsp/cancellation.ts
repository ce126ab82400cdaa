import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { CancelledError } from '../core/service';

/** Runs a request unless the client has cancelled it, and answers a cancellation the way LSP asks. */
export function whenNotCancelled<T>(token: CancellationToken, run: () => T): T | ResponseError<void> {
  const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  if (token.isCancellationRequested) return cancelled();
  try {
    return run();
  } catch (error) {
    if (error instanceof CancelledError) return cancelled();
    throw error;
  }
}
