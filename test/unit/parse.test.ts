import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { SchemaIndex } from '../../server/src/core/schema/schema-index';
import { parseFragmentFile } from '../../server/src/core/text/parse';
import { listEntries } from '../../server/src/core/values/values';
import { analyze, readExample, readFixture, summary } from './helpers';

const index = new SchemaIndex(defaultSchema);
const parse = (text: string) => parseFragmentFile(text, index);

describe('parsing fragment files (FORMAT.md §2)', () => {
  it('reads the example as one fragment of 23 fields, keys trimmed', () => {
    const file = parse(readExample());
    assert.equal(file.fragments.length, 1);
    const fields = file.fragments[0]?.fields ?? [];
    assert.equal(fields.length, 23);
    assert.equal(fields[7]?.key, 'Additional information (use if needed)');
    assert.equal(fields[17]?.key, 'Link to Outcomes in Results Framework');
    assert.equal(fields[17]?.schemaField?.key, 'Link to Outcomes in Results Framework');
  });

  it('gives exact key and value ranges', () => {
    const field = parse(readExample()).fragments[0]?.fields[3];
    assert.equal(field?.key, 'coutnry');
    assert.deepEqual(field?.keyRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } });
    assert.deepEqual(field?.valueRange, { start: { line: 3, character: 13 }, end: { line: 3, character: 21 } });
  });

  it('places an empty value after the colon and its space', () => {
    const evidence = parse(readExample()).fragments[0]?.fields[15];
    assert.equal(evidence?.value, '');
    assert.deepEqual(evidence?.valueRange.start, { line: 15, character: 47 });
  });

  it('appends continuation lines to the value above, trimming surrounding blank lines', () => {
    const file = parse('**FragmentID**: A/CIV1\n**Outcome description**: First.\n\nSecond paragraph.\n\n**Year**: 2024\n');
    const description = file.fragments[0]?.fields[1];
    assert.equal(description?.value, 'First.\n\nSecond paragraph.');
    assert.equal(description?.endLine, 3);
    assert.deepEqual(description?.valueRange.end, { line: 3, character: 17 });
  });

  it('starts a fragment at each FragmentID line and after a `---` separator', () => {
    const file = parse('**FragmentID**: A\n**Year**: 2024\n---\n**FragmentID**: B\n**FragmentID**: C\n');
    assert.deepEqual(
      file.fragments.map((fragment) => fragment.fields.map((field) => field.value)),
      [['A', '2024'], ['B'], ['C']],
    );
  });

  it('keeps a `---` out of every value', () => {
    const file = parse('**FragmentID**: A\n**Outcome description**: text\n---\n**FragmentID**: B\n');
    assert.equal(file.fragments[0]?.fields[1]?.value, 'text');
  });

  it('reports text before the first field and after a separator as outside any field', () => {
    const file = parse('Notes\nmore notes\n\n**FragmentID**: A\n---\nstray\n**FragmentID**: B\n');
    assert.deepEqual(
      file.outsideText.map((range) => [range.start.line, range.end.line]),
      [
        [0, 1],
        [5, 5],
      ],
    );
  });

  it('counts positions in UTF-16 code units, as LSP does', () => {
    // 😀 is two UTF-16 code units.
    const file = parse('**FragmentID**: A\n**MCQType of change**: 😀 New structure, Capacity chnage\n');
    const list = file.fragments[0]?.fields[1];
    assert.ok(list);
    const entries = listEntries(list);
    assert.deepEqual(
      entries.map((entry) => [entry.text, entry.range.start.character, entry.range.end.character]),
      [
        ['😀 New structure', 23, 39],
        ['Capacity chnage', 41, 56],
      ],
    );
  });

  it('reads CRLF, a lone CR and a BOM', () => {
    const file = parse('\uFEFF**FragmentID**: A\r\n**Year**: 2024\r**Scale**: Group');
    const fields = file.fragments[0]?.fields ?? [];
    assert.deepEqual(
      fields.map((field) => [field.key, field.value, field.keyRange.start.character]),
      [
        ['FragmentID', 'A', 3],
        ['Year', '2024', 2],
        ['Scale', 'Group', 2],
      ],
    );
    assert.equal(file.eol, '\r\n');
  });

  it('reads a broken field line as the field it names, so one slip gives one diagnostic', () => {
    const text = readFixture('valid.fragment').replace('**Year**: 2024', 'Year: 2024');
    assert.deepEqual(analyze(text).diagnostics.map(summary), ['5 malformed-field-line']);
    const broken = parse(text).fragments[0]?.fields[4];
    assert.equal(broken?.schemaField?.key, 'Year');
    assert.equal(broken?.malformed?.rewritten, '**Year**: 2024');
  });

  it('leaves a colon line whose key names no field in the value above', () => {
    const file = parse('**FragmentID**: A\n**Outcome description**: Said:\nNote: it rained.\n');
    assert.equal(file.fragments[0]?.fields[1]?.value, 'Said:\nNote: it rained.');
  });

  it('rewrites a broken line with a near-miss key to the field it nearly names', () => {
    const text = readFixture('valid.fragment').replace('**Scale**: Organisation', 'Scael: Organisation');
    const diagnostics = analyze(text).diagnostics;
    assert.deepEqual(diagnostics.map(summary), ['11 malformed-field-line']);
    assert.equal(parse(text).fragments[0]?.fields[10]?.malformed?.rewritten, '**Scale**: Organisation');
  });

  it('never throws on odd input', () => {
    for (const text of [
      '',
      '\n\n',
      '****: x',
      '**',
      '** **: x',
      '---',
      '*'.repeat(10_000),
      '**a**:\n'.repeat(1000),
      '\uFEFF',
      '\r\r\n\n',
      '\u0000**FragmentID**: \uD800',
    ]) {
      const result = analyze(text);
      assert.ok(Array.isArray(result.diagnostics));
    }
  });
});
