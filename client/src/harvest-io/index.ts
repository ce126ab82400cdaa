import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { type ExportHarvestOptions, exportHarvest } from './export-harvest';
import { type ExportReportOptions, exportReport } from './export-report';
import { type ImportHarvestOptions, importHarvest } from './import-harvest';
import { type NewFragmentOptions, newOutcomeFragment } from './new-fragment';
import { type ImportSubstantiationOptions, importSubstantiation, type PrepareSubstantiationOptions, prepareSubstantiation } from './substantiation';

/**
 * The harvest's way in and out of workbooks. The conversion runs in the language server, on the
 * pipeline of `fragments import` and `fragments export` (in the browser, on its mappings and
 * adapter in the web worker, the client reading and writing the files): the folder's schema.
 * From the Explorer a command gets the clicked resource (and the selection); a last argument of
 * options lets another extension, or a test, decide what the pickers would ask.
 */
export function registerHarvestCommands(client: () => Promise<BaseLanguageClient>): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('outcomeFragments.importHarvest', (resource?: vscode.Uri, _selected?: vscode.Uri[], options?: ImportHarvestOptions) =>
      importHarvest(client, resource instanceof vscode.Uri ? resource : undefined, options),
    ),
    vscode.commands.registerCommand('outcomeFragments.exportHarvest', (resource?: vscode.Uri, selected?: vscode.Uri[], options?: ExportHarvestOptions) =>
      exportHarvest(client, resource instanceof vscode.Uri ? resource : undefined, Array.isArray(selected) ? selected : undefined, options),
    ),
    vscode.commands.registerCommand('outcomeFragments.newFragment', (resource?: vscode.Uri, _selected?: vscode.Uri[], options?: NewFragmentOptions) =>
      newOutcomeFragment(client, resource instanceof vscode.Uri ? resource : undefined, options),
    ),
    vscode.commands.registerCommand('outcomeFragments.exportReport', (resource?: vscode.Uri, selected?: vscode.Uri[], options?: ExportReportOptions) =>
      exportReport(client, resource instanceof vscode.Uri ? resource : undefined, Array.isArray(selected) ? selected : undefined, options),
    ),
    vscode.commands.registerCommand(
      'outcomeFragments.prepareSubstantiation',
      (resource?: vscode.Uri, selected?: vscode.Uri[], options?: PrepareSubstantiationOptions) =>
        prepareSubstantiation(client, clicked(resource, selected), options),
    ),
    vscode.commands.registerCommand(
      'outcomeFragments.importSubstantiation',
      (resource?: vscode.Uri, selected?: vscode.Uri[], options?: ImportSubstantiationOptions) =>
        importSubstantiation(client, clicked(resource, selected), options),
    ),
  );
}

/** The Explorer's selection when the clicked resource is in it, else the clicked resource alone. */
function clicked(resource: unknown, selected: unknown): vscode.Uri[] {
  if (!(resource instanceof vscode.Uri)) return [];
  const all = Array.isArray(selected) ? selected.filter((entry): entry is vscode.Uri => entry instanceof vscode.Uri) : [];
  return all.some((entry) => entry.toString() === resource.toString()) ? all : [resource];
}
