import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

/**
 * vscode-languageclient 9 takes a pull it cancelled itself (a newer pull of the same document
 * replaces it: after an edit, or when the server asks to pull again) for an answer of "no
 * diagnostics", shows that, then pulls again: every problem of the file vanishes for a moment
 * (microsoft/vscode-languageserver-node#1471 and #1799, fixed in 10). Reported as cancelled
 * instead, the problems shown stay until the newer pull's answer replaces them.
 */
export const keepDiagnosticsOfCancelledPulls: Middleware = {
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    return report;
  },
};
