import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { HARVEST_CHANGED_NOTIFICATION, HARVEST_SUMMARY_REQUEST, type HarvestSummary } from '../../../server/src/protocol';

/**
 * The harvest summary, from the language server (the core computes it from the server's index),
 * and a word each time it changed. The view and the dashboard share it and only render it.
 */
export class HarvestSource implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the server says the harvest's files or their problems changed. */
  readonly onDidChange = this.changed.event;
  private listening: Promise<void> | undefined;
  private notification: vscode.Disposable | undefined;

  constructor(private readonly start: () => Promise<BaseLanguageClient>) {}

  /** Starts the server if need be (the view can be opened before any fragment file). */
  async summary(): Promise<HarvestSummary> {
    const client = await this.start();
    this.listening ??= Promise.resolve().then(() => {
      this.notification = client.onNotification(HARVEST_CHANGED_NOTIFICATION, () => this.changed.fire());
    });
    await this.listening;
    return client.sendRequest<HarvestSummary>(HARVEST_SUMMARY_REQUEST);
  }

  dispose(): void {
    this.notification?.dispose();
    this.changed.dispose();
  }
}
