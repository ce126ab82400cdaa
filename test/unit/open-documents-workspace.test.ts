import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OpenDocumentsWorkspace } from '../../server/src/browser/open-documents-workspace';
import type { ServerWorkspace } from '../../server/src/server-workspace';
import { readExample } from './helpers';

/** The web worker server's workspace: the open documents only, with duplicate-id across them. */
describe('OpenDocumentsWorkspace (the language server in a web worker)', () => {
  const first = 'vscode-vfs://github/team/harvest/a.txt';
  const second = 'vscode-vfs://github/team/harvest/b.txt';

  /** Checks a document as the server does when it is opened or changed. */
  function open(workspace: ServerWorkspace, uri: string, text: string) {
    const analysis = workspace.serviceFor(uri).analyze(text, uri, { idLocationsElsewhere: workspace.idLocationsElsewhere(uri), remember: false });
    const changed = workspace.indexIds(uri, analysis.ids);
    workspace.recordAnalysis(uri, analysis);
    return { analysis, changed };
  }

  it('reports duplicate-id between two open documents, and drops it when one closes', () => {
    const workspace = new OpenDocumentsWorkspace();
    workspace.setSettings({}, 5_000_000);
    open(workspace, first, readExample());
    const { analysis, changed } = open(workspace, second, readExample());
    assert.ok(analysis.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-id'));
    assert.ok(changed.size > 0, 'the second file brings an ID the first must re-check');
    assert.deepEqual(workspace.filesWithIds(changed, second), [first]);
    assert.deepEqual(
      workspace.fragmentFiles().map((file) => file.uri),
      [first, second],
    );
    assert.deepEqual(workspace.harvestSummary().files, [first, second]);

    const gone = workspace.indexFromDisk(second); // closed: nothing on disk stands in for it
    assert.deepEqual(workspace.filesWithIds(gone, second), [first]);
    assert.equal(
      open(workspace, first, readExample()).analysis.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-id'),
      false,
    );
  });

  it('reads no file and offers no configuration to write', () => {
    const workspace = new OpenDocumentsWorkspace();
    assert.equal(workspace.readText(), undefined);
    assert.equal(workspace.dismissalTargetFor(), undefined);
    assert.deepEqual(workspace.configProblems(), []);
    assert.equal(workspace.isConfigFile(), false);
  });
});
