import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { type ExportHarvestOptions, exportHarvest } from './export-harvest';
import { type ImportHarvestOptions, importHarvest } from './import-harvest';

/**
 * The harvest's way in and out of workbooks. The conversion runs in the language server, on the
 * pipeline of `fragments import` and `fragments export`: one implementation, the folder's schema.
 * From the Explorer a command gets the clicked resource (and the selection); a last argument of
 * options lets another extension, or a test, decide what the pickers would ask.
 */
export function registerHarvestCommands(client: () => Promise<BaseLanguageClient>, available = true): vscode.Disposable {
  if (!available) {
    // In the browser: the server cannot read or write the files a workbook needs. Say so, plainly.
    const unavailable = () =>
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Importing and exporting workbooks needs VS Code on the desktop or the fragments command line; it is not available in the browser.'),
      );
    return vscode.Disposable.from(
      vscode.commands.registerCommand('outcomeFragments.importHarvest', unavailable),
      vscode.commands.registerCommand('outcomeFragments.exportHarvest', unavailable),
    );
  }
  return vscode.Disposable.from(
    vscode.commands.registerCommand('outcomeFragments.importHarvest', (resource?: vscode.Uri, _selected?: vscode.Uri[], options?: ImportHarvestOptions) =>
      importHarvest(client, resource instanceof vscode.Uri ? resource : undefined, options),
    ),
    vscode.commands.registerCommand('outcomeFragments.exportHarvest', (resource?: vscode.Uri, selected?: vscode.Uri[], options?: ExportHarvestOptions) =>
      exportHarvest(client, resource instanceof vscode.Uri ? resource : undefined, Array.isArray(selected) ? selected : undefined, options),
    ),
  );
}
