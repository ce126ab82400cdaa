// The example fragment as a writer first sees it: recognised, and its two problems reported.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import { codeOf, exampleUri, freshExampleCopy, openFragment, problems, revertAndClose, summary, waitForDiagnostics } from './helpers';

suite('Diagnostics on the example fragment', () => {
  teardown(revertAndClose);

  test('a .txt file starting with **FragmentID**: opens as a fragment', async () => {
    const editor = await openFragment(exampleUri());
    assert.equal(editor.document.languageId, 'fragment');
  });

  test('reports the misspelt country key and the empty evidence, nothing else', async () => {
    const uri = await freshExampleCopy();
    await openFragment(uri);
    // The first publication from our server; everything after is asserted, not awaited.
    const all = await waitForDiagnostics(uri, (diagnostics) => diagnostics.some((d) => d.source === 'fragment'), 'diagnostics from the fragment server');
    const found = problems(all);
    assert.deepEqual(summary(found), ['unknown-field@3', 'empty-field@15']);

    const unknownField = found.find((diagnostic) => codeOf(diagnostic) === 'unknown-field');
    assert.ok(unknownField?.message.includes('Country'), `message should suggest "Country": ${unknownField?.message}`);
  });
});
