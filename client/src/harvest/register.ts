import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { HarvestDashboard } from './dashboard';
import { HarvestSource } from './harvest-source';
import { HarvestTree, harvestFilters } from './harvest-tree';
import { openFragment } from './open-fragment';

/** The Harvest view (in its own container and in the Explorer), the dashboard, and their commands. */
export function registerHarvest(
  context: vscode.ExtensionContext,
  start: () => Promise<BaseLanguageClient>,
): { tree: HarvestTree; dashboard: HarvestDashboard; source: HarvestSource } {
  const source = new HarvestSource(start);
  const tree = new HarvestTree(source, context.workspaceState);
  const dashboard = new HarvestDashboard(context.extensionUri, source);
  for (const id of ['outcomeFragments.harvest', 'outcomeFragments.harvestExplorer']) {
    tree.attach(vscode.window.createTreeView(id, { treeDataProvider: tree, showCollapseAll: true }));
  }
  context.subscriptions.push(
    source,
    tree,
    dashboard,
    vscode.commands.registerCommand('outcomeFragments.openHarvestDashboard', () => dashboard.show()),
    vscode.commands.registerCommand('outcomeFragments.harvest.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('outcomeFragments.harvest.open', (uri: string, line: number) => openFragment(uri, line)),
    vscode.commands.registerCommand('outcomeFragments.harvest.groupBy', async () => {
      if (tree.dimensions().length === 0) await tree.refresh();
      const picked = await vscode.window.showQuickPick(
        tree.dimensions().map((dimension) => ({ label: dimension.label, name: dimension.name, picked: dimension.name === tree.dimension })),
        { title: vscode.l10n.t('Group the harvest by'), placeHolder: vscode.l10n.t('A field of the fragments') },
      );
      if (picked) await tree.groupBy(picked.name);
    }),
    vscode.commands.registerCommand('outcomeFragments.harvest.filter', async () => {
      const picked = await vscode.window.showQuickPick(
        harvestFilters().map((entry) => ({ label: entry.label, detail: entry.detail, filter: entry.filter, picked: tree.filters.includes(entry.filter) })),
        { title: vscode.l10n.t('Show only the outcomes that…'), canPickMany: true, placeHolder: vscode.l10n.t('Pick none to show every outcome') },
      );
      if (picked) await tree.filter(picked.map((entry) => entry.filter));
    }),
  );
  return { tree, dashboard, source };
}
