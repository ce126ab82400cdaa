import * as vscode from 'vscode';
import type { HarvestSummary, SummaryFragment } from '../../../server/src/protocol';
import type { HarvestSource } from './harvest-source';

export type HarvestFilter = 'has-problems' | 'no-evidence' | 'confidential';

export const FILTERS: ReadonlyArray<{ readonly filter: HarvestFilter; readonly label: string; readonly detail: string }> = [
  { filter: 'has-problems', label: 'Has problems', detail: 'errors or warnings' },
  { filter: 'no-evidence', label: 'No evidence', detail: 'the evidence is empty or missing' },
  { filter: 'confidential', label: 'Confidential', detail: 'marked confidential, or its flag is empty or invalid' },
];

export type HarvestNode =
  | { readonly kind: 'group'; readonly value: string; readonly fragments: readonly number[] }
  | { readonly kind: 'fragment'; readonly index: number };

const DIMENSION_KEY = 'outcomeFragments.harvest.groupBy';
const FILTERS_KEY = 'outcomeFragments.harvest.filters';

/**
 * The Harvest view: the server's summary as a tree, grouped by the dimension the user picked,
 * filtered as asked. It renders only; the groups and problem counts are the core's.
 */
export class HarvestTree implements vscode.TreeDataProvider<HarvestNode>, vscode.Disposable {
  private summary: HarvestSummary | undefined;
  private loading: Promise<HarvestSummary> | undefined;
  private readonly changed = new vscode.EventEmitter<HarvestNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<HarvestSummary>();
  /** Fires when a new summary is shown. */
  readonly onDidRefresh = this.refreshed.event;
  private readonly views: vscode.TreeView<HarvestNode>[] = [];
  private stale = false;
  private readonly subscriptions: vscode.Disposable[] = [this.changed, this.refreshed];

  constructor(
    private readonly source: HarvestSource,
    private readonly state: vscode.Memento,
  ) {
    // A change is fetched at once while the view is shown, else when it is next shown: a hidden view costs nothing.
    this.subscriptions.push(
      source.onDidChange(() => {
        if (this.views.some((view) => view.visible)) void this.refresh();
        else this.stale = true;
      }),
    );
  }

  /** Shows the tree in a view; the same tree can be in several (its own container, the Explorer). */
  attach(view: vscode.TreeView<HarvestNode>): void {
    this.views.push(view);
    this.subscriptions.push(
      view,
      view.onDidChangeVisibility(({ visible }) => {
        if (visible && this.stale) void this.refresh();
      }),
    );
    this.describe();
  }

  get dimension(): string {
    return this.state.get<string>(DIMENSION_KEY) ?? 'objective';
  }

  get filters(): readonly HarvestFilter[] {
    return this.state.get<HarvestFilter[]>(FILTERS_KEY) ?? [];
  }

  /** The dimensions the tree can be grouped by (once a summary is known). */
  dimensions(): ReadonlyArray<{ name: string; label: string }> {
    return this.summary?.dimensions ?? [];
  }

  async groupBy(dimension: string): Promise<void> {
    await this.state.update(DIMENSION_KEY, dimension);
    this.describe();
    this.changed.fire(undefined);
  }

  async filter(filters: readonly HarvestFilter[]): Promise<void> {
    await this.state.update(FILTERS_KEY, [...filters]);
    this.describe();
    this.changed.fire(undefined);
  }

  /** Asks the server for the summary again and shows it. */
  async refresh(): Promise<HarvestSummary> {
    this.stale = false;
    this.loading = this.source.summary();
    const summary = await this.loading;
    this.summary = summary;
    this.describe();
    this.changed.fire(undefined);
    this.refreshed.fire(summary);
    return summary;
  }

  async getChildren(node?: HarvestNode): Promise<HarvestNode[]> {
    const summary = this.summary ?? (await (this.loading ?? this.refresh()));
    if (node?.kind === 'fragment') return [];
    if (node) return node.fragments.filter((index) => this.shown(summary.fragments[index])).map((index) => ({ kind: 'fragment', index }));
    const dimension = summary.dimensions.find((candidate) => candidate.name === this.dimension) ?? summary.dimensions[0];
    if (!dimension) return [];
    return dimension.groups
      .map((group) => ({ kind: 'group' as const, value: group.value, fragments: group.fragments.filter((index) => this.shown(summary.fragments[index])) }))
      .filter((group) => group.fragments.length > 0);
  }

  getTreeItem(node: HarvestNode): vscode.TreeItem {
    const summary = this.summary;
    if (node.kind === 'group') {
      const problems = node.fragments.reduce((sum, index) => sum + problemCount(summary?.fragments[index]), 0);
      const item = new vscode.TreeItem(node.value, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${this.dimension}:${node.value}`;
      item.description = `${plural(node.fragments.length, 'outcome')} · ${problems === 0 ? 'no problems' : plural(problems, 'problem')}`;
      item.iconPath = new vscode.ThemeIcon(problems > 0 ? 'folder-active' : 'folder');
      item.contextValue = 'harvestGroup';
      return item;
    }
    const fragment = summary?.fragments[node.index];
    if (!fragment) return new vscode.TreeItem('');
    const problems = problemCount(fragment);
    const uri = summary?.files[fragment.file] ?? '';
    const file = decodeURIComponent(uri.split('/').pop() ?? '');
    const item = new vscode.TreeItem(fragment.id === '' ? '(no FragmentID)' : fragment.id, vscode.TreeItemCollapsibleState.None);
    item.description = [fragment.confidential ? 'confidential' : '', problems === 0 ? 'no problems' : plural(problems, 'problem'), file]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = fragment.confidential
      ? new vscode.ThemeIcon('lock')
      : fragment.problems.errors > 0
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : fragment.problems.warnings > 0
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('pass');
    item.tooltip = [
      `${fragment.id || '(no FragmentID)'}${fragment.confidential ? ' (confidential)' : ''}`,
      `${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}:${fragment.line + 1}`,
      `${plural(fragment.problems.errors, 'error')}, ${plural(fragment.problems.warnings, 'warning')}, ${plural(fragment.problems.other, 'suggestion')}`,
      fragment.evidence === 'present' ? 'Evidence given' : 'No evidence',
    ].join('\n');
    item.command = { command: 'outcomeFragments.harvest.open', title: 'Open Fragment', arguments: [uri, fragment.line] };
    item.contextValue = fragment.confidential ? 'harvestFragment.confidential' : 'harvestFragment';
    return item;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private shown(fragment: SummaryFragment | undefined): boolean {
    if (!fragment) return false;
    return this.filters.every((filter) =>
      filter === 'has-problems' ? problemCount(fragment) > 0 : filter === 'no-evidence' ? fragment.evidence !== 'present' : fragment.confidential,
    );
  }

  /** The views' description (the grouping) and message (the filters, and how many outcomes they leave). */
  private describe(): void {
    const dimension = this.summary?.dimensions.find((candidate) => candidate.name === this.dimension);
    const filters = this.filters;
    const shown = this.summary?.fragments.filter((fragment) => this.shown(fragment)).length ?? 0;
    for (const view of this.views) {
      view.description = dimension ? `by ${dimension.label.toLowerCase()}` : '';
      view.message =
        filters.length === 0 || !this.summary
          ? ''
          : `${FILTERS.filter((entry) => filters.includes(entry.filter))
              .map((entry) => entry.label.toLowerCase())
              .join(', ')}: ${shown} of ${plural(this.summary.fragments.length, 'outcome')}`;
    }
  }
}

function problemCount(fragment: SummaryFragment | undefined): number {
  return fragment ? fragment.problems.errors + fragment.problems.warnings : 0;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
