import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { substantiationFields } from '../../server/src/core/schema/default-substantiation';
import { applyEdits } from '../../server/src/core/text/text';
import { analyze, readExample, service } from './helpers';

/** The six optional fields of substantiation (FORMAT.md §9), which a fragment lacks until it is substantiated. */
const SUBSTANTIATION_KEYS = substantiationFields.map((field) => field.key);

const example = readExample();
const exampleLines = example.split('\n');

/** The Markdown text of a hover or a completion item's documentation. */
function markdown(content: unknown): string {
  assert.ok(content && typeof content === 'object' && 'value' in content, 'Markdown content');
  return String(content.value);
}

/** The example with an empty line inserted after line `after` (1-based). */
function withEmptyLineAfter(after: number): string {
  return [...exampleLines.slice(0, after), '', ...exampleLines.slice(after)].join('\n');
}

describe('completion from the schema', () => {
  it('on an empty line offers exactly the keys the fragment lacks, as whole field lines', () => {
    const items = service.completions(analyze(withEmptyLineAfter(3)), { line: 3, character: 0 });
    // The example lacks Country, and the optional fields of substantiation (FORMAT.md §9).
    assert.deepEqual(
      items.map((item) => item.label),
      ['Country', ...SUBSTANTIATION_KEYS],
    );
    assert.match(items[0]?.textEdit && 'newText' in items[0].textEdit ? items[0].textEdit.newText : '', /^\*\*Country\*\*: \$\{1\|Burundi,DR Congo,/);
  });

  it('offers the missing keys in canonical order', () => {
    const text = example.replace('**Year**: 2024\n', '').replace('**Scale**: Organisation\n', '');
    const lines = text.split('\n');
    const withEmpty = [...lines.slice(0, 2), '', ...lines.slice(2)].join('\n');
    const items = service.completions(analyze(withEmpty), { line: 2, character: 0 });
    assert.deepEqual(
      [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => item.label),
      ['Country', 'Year', 'Scale', ...SUBSTANTIATION_KEYS],
    );
  });

  it('after `**Rating significance**: ` offers low, medium, high', () => {
    const text = example.replace('**Rating significance**: medium', '**Rating significance**: ');
    const items = service.completions(analyze(text), { line: 8, character: '**Rating significance**: '.length });
    assert.deepEqual(
      items.map((item) => item.label),
      ['low', 'medium', 'high'],
    );
    assert.equal(markdown(items[2]?.documentation), 'A major or lasting change.');
  });

  it('replaces the value already typed', () => {
    const analysis = analyze(example);
    const items = service.completions(analysis, { line: 14, character: '**The change was unintended**: N'.length });
    const yes = items.find((item) => item.label === 'YES');
    assert.ok(yes?.textEdit && 'range' in yes.textEdit);
    assert.equal(applyEdits(example, [yes.textEdit]).split('\n')[14], '**The change was unintended**: YES');
  });

  it('in a list offers the entries not used yet, for the entry being typed', () => {
    const text = example.replace(/\*\*TypeOfChangeCluster\*\*: .*/, '**TypeOfChangeCluster**: Capacity change, ');
    const items = service.completions(analyze(text), { line: 22, character: '**TypeOfChangeCluster**: Capacity change, '.length });
    assert.deepEqual(
      items.map((item) => item.label),
      ['Mobilizing citizens and organizations', 'Policy and practice change', 'Protection and safety'],
    );
  });

  it('offers years from the current one back', () => {
    const text = example.replace('**Year**: 2024', '**Year**: ');
    const items = service.completions(analyze(text), { line: 4, character: '**Year**: '.length });
    assert.deepEqual(
      items.slice(0, 3).map((item) => item.label),
      ['2026', '2025', '2024'],
    );
  });
});

describe('hover', () => {
  it('explains every key of the example', () => {
    const analysis = analyze(example);
    for (const field of analysis.file.fragments[0]?.fields ?? []) {
      const shown = service.hover(analysis, field.keyRange.start);
      assert.ok(shown, `hover on ${field.key}`);
      assert.ok(markdown(shown.contents).length > 40, field.key);
    }
  });

  it('says who changed what, when and where for the description, with type and requirement', () => {
    const shown = service.hover(analyze(example), { line: 5, character: 5 });
    const text = markdown(shown?.contents);
    assert.match(text, /Who changed what, when and where/);
    assert.match(text, /Type: `text` · required/);
  });

  it('lists the allowed values of a closed field and explains a value', () => {
    const analysis = analyze(example);
    assert.match(markdown(service.hover(analysis, { line: 13, character: 4 })?.contents), /Allowed values: `small`, `medium`, `great`/);
    assert.equal(
      markdown(service.hover(analysis, { line: 13, character: 26 })?.contents),
      '`great`: The change would hardly have happened without the programme.',
    );
  });

  it('points a misspelt key to the field it nearly names', () => {
    assert.match(markdown(service.hover(analyze(example), { line: 3, character: 4 })?.contents), /Did you mean \*\*Country\*\*\?/);
  });
});

describe('outline and folding', () => {
  it('shows the example as one fragment, named by its FragmentID, with 23 fields', () => {
    const symbols = service.documentSymbols(analyze(example));
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]?.name, 'SCC-<redacted>/CIV021');
    assert.equal(symbols[0]?.children?.length, 23);
    assert.equal(symbols[0]?.children?.[4]?.name, 'Year');
    assert.equal(symbols[0]?.children?.[4]?.detail, '2024');
  });

  it('folds each fragment and each multi-line value', () => {
    const text = `${example.replace('**Outcome description**: On', '**Outcome description**:\nOn')}---\n**FragmentID**: SCC-X/CIV2\n**Year**: 2024\n`;
    assert.deepEqual(
      service.foldingRanges(analyze(text)).map((range) => [range.startLine, range.endLine]),
      [
        [0, 23],
        [5, 6],
        [25, 26],
      ],
    );
  });
});

describe('formatting', () => {
  it('changes only the two `**Key **:` lines of the example, and is idempotent', () => {
    const edits = service.formattingEdits(analyze(example));
    assert.deepEqual(
      edits.map((edit) => edit.range.start.line + 1),
      [8, 18],
    );
    const formatted = applyEdits(example, edits);
    assert.equal(formatted.split('\n')[7]?.startsWith('**Additional information (use if needed)**: After the training'), true);
    assert.equal(formatted.split('\n')[17]?.endsWith('threats and violations'), true);
    assert.deepEqual(service.formattingEdits(analyze(formatted)), []);
  });

  it('normalises the space after the colon and trailing white space, never a value’s words', () => {
    const text = '**FragmentID**:SCC-X/CIV1  \n**  Outcome   status **:    Outcome\n**Year**:\ncontinued   \n';
    const formatted = applyEdits(text, service.formattingEdits(analyze(text)));
    assert.equal(formatted, '**FragmentID**: SCC-X/CIV1\n**Outcome   status**: Outcome\n**Year**: \ncontinued\n');
    assert.equal(formatted.replace(/\s+/g, ''), text.replace(/\s+/g, ''));
  });
});
