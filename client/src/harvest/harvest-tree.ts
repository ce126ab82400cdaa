import * as vscode from 'vscode';
import { URI, Utils } from 'vscode-uri';
import { type HarvestSummary, NO_VALUE, type SummaryFragment } from '../../../server/src/protocol';
import type { HarvestSource } from './harvest-source';

export type HarvestFilter = 'has-problems' | 'no-evidence' | 'confidential' | 'possible-identifiers';

/** The filters, named in the display language (a function: translated when asked, not when loaded). */
export function harvestFilters(): ReadonlyArray<{ readonly filter: HarvestFilter; readonly label: string; readonly detail: string }> {
  return [
    { filter: 'has-problems', label: vscode.l10n.t('Has problems'), detail: vscode.l10n.t('errors or warnings') },
    { filter: 'no-evidence', label: vscode.l10n.t('No evidence'), detail: vscode.l10n.t('the evidence is empty or missing') },
    { filter: 'confidential', label: vscode.l10n.t('Confidential'), detail: vscode.l10n.t('marked confidential, or its flag is empty or invalid') },
    {
      filter: 'possible-identifiers',
      label: vscode.l10n.t('Possible identifiers'),
      detail: vscode.l10n.t('a name, place, telephone number or e-mail address may be left in the text'),
    },
  ];
}

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
    // The labels are the schema's words: the default schema's are translated, a configuration's stay as written.
    return (this.summary?.dimensions ?? []).map(({ name, label }) => ({ name, label: vscode.l10n.t(label) }));
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
      const item = new vscode.TreeItem(node.value === NO_VALUE ? vscode.l10n.t('(none)') : node.value, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${this.dimension}:${node.value}`;
      item.description = `${outcomes(node.fragments.length)} · ${problemsText(problems)}`;
      item.iconPath = new vscode.ThemeIcon(problems > 0 ? 'folder-active' : 'folder');
      item.contextValue = 'harvestGroup';
      return item;
    }
    const fragment = summary?.fragments[node.index];
    if (!fragment) return new vscode.TreeItem('');
    const problems = problemCount(fragment);
    const uri = summary?.files[fragment.file] ?? '';
    const file = uri === '' ? '' : Utils.basename(URI.parse(uri));
    const item = new vscode.TreeItem(fragment.id === '' ? vscode.l10n.t('(no FragmentID)') : fragment.id, vscode.TreeItemCollapsibleState.None);
    item.description = [fragment.confidential ? vscode.l10n.t('confidential') : '', problemsText(problems), file].filter(Boolean).join(' · ');
    item.iconPath = fragment.confidential
      ? new vscode.ThemeIcon('lock')
      : fragment.problems.errors > 0
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : fragment.problems.warnings > 0
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('pass');
    item.tooltip = [
      fragment.confidential
        ? vscode.l10n.t('{0} (confidential)', fragment.id || vscode.l10n.t('(no FragmentID)'))
        : fragment.id || vscode.l10n.t('(no FragmentID)'),
      `${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}:${fragment.line + 1}`,
      [
        plural(fragment.problems.errors, vscode.l10n.t('1 error'), vscode.l10n.t('{0} errors', fragment.problems.errors)),
        plural(fragment.problems.warnings, vscode.l10n.t('1 warning'), vscode.l10n.t('{0} warnings', fragment.problems.warnings)),
        plural(fragment.problems.other, vscode.l10n.t('1 suggestion'), vscode.l10n.t('{0} suggestions', fragment.problems.other)),
      ].join(', '),
      fragment.evidence === 'present' ? vscode.l10n.t('Evidence given') : vscode.l10n.t('No evidence'),
    ].join('\n');
    item.command = { command: 'outcomeFragments.harvest.open', title: vscode.l10n.t('Open Fragment'), arguments: [uri, fragment.line] };
    item.contextValue = fragment.confidential ? 'harvestFragment.confidential' : 'harvestFragment';
    return item;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private shown(fragment: SummaryFragment | undefined): boolean {
    if (!fragment) return false;
    return this.filters.every((filter) => {
      switch (filter) {
        case 'has-problems':
          return problemCount(fragment) > 0;
        case 'no-evidence':
          return fragment.evidence !== 'present';
        case 'possible-identifiers':
          return fragment.identifiers > 0;
        default:
          return fragment.confidential;
      }
    });
  }

  /** The views' description (the grouping) and message (the filters, and how many outcomes they leave). */
  private describe(): void {
    const dimension = this.summary?.dimensions.find((candidate) => candidate.name === this.dimension);
    const filters = this.filters;
    const shown = this.summary?.fragments.filter((fragment) => this.shown(fragment)).length ?? 0;
    for (const view of this.views) {
      view.description = dimension ? vscode.l10n.t('by {0}', vscode.l10n.t(dimension.label).toLowerCase()) : '';
      view.message =
        filters.length === 0 || !this.summary
          ? ''
          : vscode.l10n.t(
              '{0}: {1} of {2}',
              harvestFilters()
                .filter((entry) => filters.includes(entry.filter))
                .map((entry) => entry.label.toLowerCase())
                .join(', '),
              shown,
              outcomes(this.summary.fragments.length),
            );
    }
  }
}

function problemCount(fragment: SummaryFragment | undefined): number {
  return fragment ? fragment.problems.errors + fragment.problems.warnings : 0;
}

/** One of two translated forms: the translations say the whole phrase, the count in its place. */
function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

function outcomes(count: number): string {
  return plural(count, vscode.l10n.t('1 outcome'), vscode.l10n.t('{0} outcomes', count));
}

function problemsText(count: number): string {
  return count === 0 ? vscode.l10n.t('no problems') : plural(count, vscode.l10n.t('1 problem'), vscode.l10n.t('{0} problems', count));
}
