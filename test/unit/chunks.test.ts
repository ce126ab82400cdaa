import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fragmentText } from '../../scripts/bench/corpus';
import { fixesOf } from '../../server/src/core/features/code-actions';
import { rules } from '../../server/src/core/rules';
import type { FragmentDiagnostic } from '../../server/src/core/rules/rule';
import { splitIntoChunks } from '../../server/src/core/text/chunks';
import { parseFragmentFile } from '../../server/src/core/text/parse';
import { applyEdits } from '../../server/src/core/text/text';
import { readExample, readFixture, service } from './helpers';

/** The reference: every rule on the whole parse, as if the file were not cut into chunks. */
function wholeFileDiagnostics(text: string): FragmentDiagnostic[] {
  const file = parseFragmentFile(text, service.index);
  const context = { uri: 'file:///test.fragment', file, index: service.index, currentYear: 2026, valueFindings: new Map() };
  return rules
    .flatMap((rule) => rule.check(context))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const comparable = (diagnostics: readonly FragmentDiagnostic[]) => diagnostics.map((diagnostic) => JSON.stringify(diagnostic)).sort();

const example = readExample();
const harvestFile = (count: number, separator: string) =>
  Array.from({ length: count }, (_, index) => fragmentText(example, index).text.replace(/\r\n/g, '\n').trimEnd()).join(separator);

describe('checking a file chunk by chunk gives what checking it whole gives', () => {
  const files: Record<string, string> = {
    'two fragments': readFixture('two-fragments.fragment'),
    'the same ID twice': readFixture('duplicate-id.fragment'),
    'CRLF and a BOM': readFixture('crlf-bom.fragment'),
    'text before the first field': readFixture('text-outside-field.fragment'),
    'text after a separator': `${readFixture('valid.fragment')}---\nstray note\n${readFixture('valid.fragment').replace('CIV021', 'CIV022')}`,
    'fragments without separators': harvestFile(30, '\n'),
    'fragments with separators': harvestFile(30, '\n---\n'),
    'a lowercase ID key and an alias-free malformed ID line': `${readFixture('valid.fragment')}**fragmentid**: X/CIV9\n**Year**: 2024\nFragmentID: Y/CIV8\n**Year**: 2023\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    it(name, () => {
      assert.deepEqual(comparable(service.analyze(text, 'file:///test.fragment').diagnostics), comparable(wholeFileDiagnostics(text)));
    });
  }

  it("gives the whole text's parse, whether the text is one chunk (its chunk's parse, kept when asked) or several", () => {
    const oneChunk = readFixture('valid.fragment');
    for (const text of [oneChunk, harvestFile(3, '\n---\n'), '']) {
      for (const keepParse of [true, false]) {
        assert.deepEqual(service.analyze(text, 'file:///parse.fragment', { keepParse }).file, parseFragmentFile(text, service.index));
      }
    }
    // A remembered chunk is not parsed again, so nothing is kept: the analysis parses the text when asked.
    const other = oneChunk.replace('CIV021', 'CIV099');
    service.analyze(other, 'file:///parse.fragment');
    assert.deepEqual(service.analyze(other, 'file:///parse.fragment', { keepParse: true }).file, parseFragmentFile(other, service.index));
  });

  it('cuts at ID lines and separators only', () => {
    const text = harvestFile(3, '\n---\n');
    assert.deepEqual(
      splitIntoChunks(text, service.index).map((chunk) => [chunk.line, chunk.text.split('\n')[0]?.slice(0, 16)]),
      [
        [0, '**FragmentID**: '],
        [23, '---'],
        [24, '**FragmentID**: '],
        [47, '---'],
        [48, '**FragmentID**: '],
      ],
    );
  });

  it('offers fixes that apply where the fragment stands in the file, not in its chunk', () => {
    const valid = readFixture('valid.fragment');
    const third = valid.replace('CIV021', 'CIV023').replace('digitized its data', 'digitised its data');
    const text = `${valid}---\n${valid.replace('CIV021', 'CIV022')}---\n${third}`;
    const analysis = service.analyze(text, 'file:///test.fragment');
    assert.deepEqual(
      analysis.diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`),
      ['68 stale-merged-story'],
    );
    const stale = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'stale-merged-story').at(-1);
    assert.ok(stale && stale.range.start.line > 23, 'a stale story in a later fragment');
    const fix = fixesOf(stale, analysis.context).find((candidate) => candidate.isPreferred);
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(
      !service
        .analyze(fixed, 'file:///test.fragment')
        .diagnostics.some((diagnostic) => diagnostic.code === 'stale-merged-story' && diagnostic.range.start.line === stale.range.start.line),
    );
    assert.deepEqual(service.fixAll(service.fixAll(text, 'x'), 'x'), service.fixAll(text, 'x'));
  });
});
