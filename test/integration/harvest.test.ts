// The Harvest view and the Harvest Dashboard in a real VS Code, on the example workspace.
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { OutcomeFragmentsApi } from '../../client/src/extension';
import type { DashboardRenderReport } from '../../client/src/harvest/dashboard';
import type { HarvestNode } from '../../client/src/harvest/harvest-tree';
import { EXAMPLE_ID, exampleUri, nextReport, until } from './helpers';

async function api(): Promise<OutcomeFragmentsApi> {
  const extension = vscode.extensions.getExtension<OutcomeFragmentsApi>('outcome-fragments.outcome-fragments');
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

/** What the view shows: each group's label and description, and its fragments'. */
async function shown(harvest: OutcomeFragmentsApi): Promise<Array<{ group: string; description: string; fragments: string[] }>> {
  const tree = harvest.harvestTree;
  const describe = (node: HarvestNode) => {
    const item = tree.getTreeItem(node);
    return { label: String(item.label), description: String(item.description) };
  };
  return Promise.all(
    (await tree.getChildren()).map(async (group) => ({
      group: describe(group).label,
      description: describe(group).description,
      fragments: (await tree.getChildren(group)).map((fragment) => `${describe(fragment).label}: ${describe(fragment).description}`),
    })),
  );
}

type Shown = Awaited<ReturnType<typeof shown>>;

/**
 * What the view shows once it shows `expected`, or after 45 s what it shows then: the suites
 * before this one delete what they wrote (harvest-io's imported folder), and the server may learn
 * of it a moment after the view was first asked. Checked again at each refresh of the view.
 */
async function shownOnceSettled(harvest: OutcomeFragmentsApi, expected: Shown): Promise<Shown> {
  let refreshes = 0;
  let wake = () => {};
  const subscription = harvest.harvestTree.onDidRefresh(() => {
    refreshes++;
    wake();
  });
  const deadline = Date.now() + 45_000;
  try {
    for (;;) {
      const before = refreshes;
      const now = await shown(harvest);
      if (isDeepStrictEqual(now, expected) || Date.now() >= deadline) return now;
      if (refreshes !== before) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    subscription.dispose();
  }
}

/** Resolves with the first dashboard render that satisfies `matches`. */
function nextRender(harvest: OutcomeFragmentsApi, matches: (report: DashboardRenderReport) => boolean, what: string): Promise<DashboardRenderReport> {
  return nextReport(harvest.onDidRenderDashboard, matches, what);
}

const CIV = 'CIV: Less suppression of civic space';
const PHR = 'PHR: Conflict transformation, peace and human rights';
const added = () => vscode.Uri.joinPath(exampleUri(), '..', 'harvest-test-added.fragment');

suite('Harvest view and dashboard', () => {
  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(added(), { useTrash: false }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the view lists the example’s fragments grouped by objective, with their problem counts, the confidential ones marked', async () => {
    const harvest = await api();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('outcomeFragments.harvest.focus'), 'the view has its own container');
    assert.ok(commands.includes('outcomeFragments.harvestExplorer.focus'), 'and a place in the Explorer');
    await vscode.commands.executeCommand('outcomeFragments.harvest.focus');
    await harvest.harvestTree.groupBy('objective');
    await harvest.harvestTree.filter([]);
    const example: Shown = [
      {
        group: CIV,
        description: '2 outcomes · 2 problems',
        fragments: [
          `${EXAMPLE_ID}: confidential · 2 problems · 000_88eaf67a59f4c304.txt`,
          'SCC-<redacted>/CIV023: confidential · no problems · secha-digitisation-checked.fragment',
        ],
      },
      { group: PHR, description: '1 outcome · 2 problems', fragments: ['SCC-<redacted>/PHR007: confidential · 2 problems · south-sudan-mediators.fragment'] },
    ];
    assert.deepEqual(await shownOnceSettled(harvest, example), example);

    await harvest.harvestTree.filter(['has-problems']);
    assert.deepEqual(
      (await shown(harvest)).map((group) => [group.group, group.fragments.length]),
      [
        [CIV, 1],
        [PHR, 1],
      ],
    );
    await harvest.harvestTree.groupBy('country');
    await harvest.harvestTree.filter([]);
    assert.deepEqual(
      (await shown(harvest)).map((group) => [group.group, group.description]),
      [
        ['DR Congo', '2 outcomes · 2 problems'],
        ['South Sudan', '1 outcome · 2 problems'],
      ],
    );
    await harvest.harvestTree.groupBy('objective');

    // Clicking a fragment opens it at its first line.
    const [first] = await harvest.harvestTree.getChildren();
    assert.ok(first);
    const [fragment] = await harvest.harvestTree.getChildren(first);
    assert.ok(fragment);
    const command = harvest.harvestTree.getTreeItem(fragment).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), exampleUri().toString());
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 0);
  });

  test('the dashboard shows the example’s totals and tables, no word of its confidential outcomes, and follows a new file', async () => {
    const harvest = await api();
    const rendered = nextRender(harvest, (report) => report.totals.outcomes === 3 && report.charts > 0, 'the dashboard to show the example');
    await vscode.commands.executeCommand('outcomeFragments.openHarvestDashboard');
    const report = await rendered;
    assert.deepEqual(report.totals, { outcomes: 3, withEvidence: 2, withProblems: 2, confidential: 3, withIdentifiers: 0 });
    assert.deepEqual(report.tables.objective, [
      [CIV, 2],
      [PHR, 1],
    ]);
    assert.deepEqual(report.tables.year, [
      ['2023', 1],
      ['2024', 2],
    ]);
    assert.deepEqual(report.tables.problems, [
      ['empty-field', 2],
      ['value-format', 1],
      ['invalid-value', 1],
      ['stale-merged-story', 1],
      ['unknown-field', 1],
    ]);
    assert.equal(report.charts, 9); // the dimensions (substantiation among them), evidence and problems
    assert.doesNotMatch(report.text, /CIV021|CIV023|PHR007|SECHA/, 'every outcome of the example is confidential');

    // A public outcome saved into the workspace: the dashboard and the view follow.
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(exampleUri()));
    const followed = nextRender(harvest, (next) => next.totals.outcomes === 4, 'the dashboard to count the new file');
    let inView = 0;
    const counting = harvest.harvestTree.onDidRefresh((summary) => {
      inView = summary.fragments.length;
    });
    const viewFollowed = until(
      () => (inView === 4 ? true : undefined),
      [harvest.harvestTree.onDidRefresh],
      'the view to count the new file',
      () => `${inView} outcomes`,
    );
    await vscode.workspace.fs.writeFile(
      added(),
      new TextEncoder().encode(
        text.replace(EXAMPLE_ID, 'SCC-<redacted>/GEN501').replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0'),
      ),
    );
    const after = await followed;
    assert.equal(after.totals.confidential, 3);
    assert.deepEqual(after.tables.objective, [
      [CIV, 3],
      [PHR, 1],
    ]);
    await viewFollowed.finally(() => counting.dispose());
    const [civ] = await shown(harvest);
    assert.equal(civ?.fragments.length, 3);
    assert.match(civ?.fragments.join('\n') ?? '', /^SCC-<redacted>\/GEN501: 3 problems · harvest-test-added\.fragment$/m);
  });
});
