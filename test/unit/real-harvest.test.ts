import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../server/src/core/schema/config';
import { createFragmentService } from '../../server/src/core/service';
import { shareableMessages } from '../../server/src/core/story/confidential-text';
import { analyze, applyPreferredFix, readExample, service, summary } from './helpers';

const example = readExample();

/** The example with its Country value (under the generator's own `coutnry` key) replaced. */
const withCountry = (value: string) => example.replace('**coutnry**: DR Congo', `**coutnry**: ${value}`);

describe('a value under a misspelt key is checked as the field it nearly names (FORMAT.md §3)', () => {
  for (const [written, meant] of [
    ['Ugnada', 'Uganda'],
    ['Keyna', 'Kenya'],
    ['DR Cong', 'DR Congo'],
    ['Somalie', 'Somalia'],
  ] as const) {
    it(`**coutnry**: ${written} gives unknown-field on the key and invalid-value on the value, "${meant}" preferred`, () => {
      const analysis = analyze(withCountry(written));
      const onCountryLine = analysis.diagnostics.filter((diagnostic) => diagnostic.range.start.line === 3);
      assert.deepEqual(onCountryLine.map(summary), ['4 unknown-field', '4 invalid-value']);
      const invalid = onCountryLine[1];
      assert.ok(invalid);
      assert.equal(invalid.message, `"${written}" is not a listed value of "Country". Did you mean "${meant}"?`);
      assert.equal(applyPreferredFix(analysis, invalid).split('\n')[3], `**coutnry**: ${meant}`);
      const fixed = service.fixAll(analysis.text, 'file:///test.fragment');
      assert.equal(fixed.split('\n')[3], `**Country**: ${meant}`, 'one fix-all renames the key and fixes the value');
      assert.equal(service.fixAll(fixed, 'file:///test.fragment'), fixed, 'and a second one changes nothing');
    });
  }

  it('counts the field as present: no missing-field for Country, and the preview shows the country', () => {
    const analysis = analyze(example);
    assert.ok(!analysis.diagnostics.some((diagnostic) => diagnostic.code === 'missing-field'));
    const [fragment] = service.storyModel(analysis).fragments;
    assert.equal(fragment?.badges.find((badge) => badge.field === 'Country')?.value, 'DR Congo');
  });

  it('is not read as the field when the fragment also has the key written properly (no duplicate-field)', () => {
    const text = example.replace('**Year**: 2024', '**Year**: 2024\n**Country**: Kenya').replace('**coutnry**: DR Congo', '**coutnry**: Ugnada');
    const analysis = analyze(text);
    const codes = analysis.diagnostics.map(summary);
    assert.ok(codes.includes('4 unknown-field'));
    assert.ok(!codes.some((code) => code.endsWith('duplicate-field') || code.endsWith('invalid-value')), codes.join(', '));
    const unknown = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'unknown-field');
    assert.equal((unknown?.data as { preferred?: string } | undefined)?.preferred, undefined, 'renaming would duplicate Country: not preferred');
  });

  it('a second misspelling of the same field stays unknown', () => {
    const text = example.replace('**Year**: 2024', '**Year**: 2024\n**Coutry**: Ugnada');
    const codes = analyze(text).diagnostics.map(summary);
    assert.deepEqual(
      codes.filter((code) => code.endsWith('unknown-field')),
      ['4 unknown-field', '6 unknown-field'],
    );
  });
});

describe('a value that says nothing counts as empty (FORMAT.md §2)', () => {
  for (const placeholder of ['N/A', 'n/a', '-', 'TBD', 'néant', 'À compléter', '...']) {
    it(`"${placeholder}" as the evidence gives empty-field saying it is a placeholder`, () => {
      const text = example.replace('**Evidence supporting the outcome statement**: ', `**Evidence supporting the outcome statement**: ${placeholder}`);
      const analysis = analyze(text);
      const empty = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'empty-field');
      assert.equal(empty.length, 1);
      assert.equal(empty[0]?.message, `Required field "Evidence supporting the outcome statement" holds only "${placeholder}": a placeholder, not an answer.`);
      assert.equal(service.storyModel(analysis).fragments[0]?.evidence.state, 'empty', 'the preview warns of it too');
    });
  }

  it('is only a placeholder alone: "N/A so far, see the report" is an answer', () => {
    const text = example.replace(
      '**Evidence supporting the outcome statement**: ',
      '**Evidence supporting the outcome statement**: N/A so far, see the report',
    );
    assert.ok(!analyze(text).diagnostics.some((diagnostic) => diagnostic.code === 'empty-field'));
  });

  it('gives no second diagnostic for the form of a patterned field', () => {
    const codes = analyze(example.replace('**OH-harvesting period**: harvest 3', '**OH-harvesting period**: TBD')).diagnostics.map(summary);
    assert.deepEqual(
      codes.filter((code) => code.startsWith('3 ')),
      ['3 empty-field'],
    );
  });

  it('is not applied to optional or listed fields, and the list is configurable', () => {
    const optional = example.replace('**Contribution of other actors and factors**: No', '**Contribution of other actors and factors**: N/A');
    assert.ok(!analyze(optional).diagnostics.some((diagnostic) => diagnostic.code === 'empty-field' && diagnostic.range.start.line === 12));
    const config = loadConfig('{ "nonAnswers": ["pending"] }');
    assert.deepEqual(config.problems, []);
    const configured = createFragmentService({ schema: config.schema, currentYear: () => 2026 });
    const pending = example.replace('**Evidence supporting the outcome statement**: ', '**Evidence supporting the outcome statement**: Pending');
    assert.equal(configured.analyze(pending, 'file:///a.fragment').diagnostics.filter((diagnostic) => diagnostic.code === 'empty-field').length, 1);
  });
});

describe('reports on confidential fragments say what is wrong in words (FORMAT.md §5)', () => {
  /** The shareable messages of a text: what fragment-lint prints. The example's flag is 1.0: confidential. */
  const shared = (text: string) => {
    const analysis = analyze(text);
    const messages = shareableMessages(analysis.diagnostics, analysis.fragments, service.schema);
    return analysis.diagnostics.map((diagnostic, index) => `${diagnostic.code}: ${messages[index]}`);
  };

  it('quotes no value, never "<redacted>" is written "<redacted>"', () => {
    const text = withCountry('Ugnada')
      .replace('**Year**: 2024', '**Year**: 2024.0')
      .replace('**Rating significance**: medium', '**Rating significance**: Medium')
      .replace('**Rating contribution**: great', '**Rating contribution**: grate')
      .replace('**OH-harvesting period**: harvest 3', '**OH-harvesting period**: round three');
    const messages = shared(text);
    for (const expected of [
      'invalid-value: The value of "OH-harvesting period" does not have the expected form: harvest N (N a whole number), e.g. "harvest 3".',
      'invalid-value: A value of "Country" is not listed, but is close to "Uganda". The fix changes it to "Uganda".',
      'value-format: "Year" is written as a decimal; the fix writes the whole number.',
      'value-format: A value of "Rating significance" is written in another case or spacing; the fix writes "medium".',
      'invalid-value: The value of "Rating contribution" is not one of the allowed values (small, medium, great). The fix changes it to "great".',
    ])
      assert.ok(messages.includes(expected), `${expected}\nin:\n${messages.join('\n')}`);
    for (const message of messages) {
      assert.doesNotMatch(message, /Ugnada|2024\.0|Medium|grate|round three/);
      assert.doesNotMatch(message, /"<redacted>" is written "<redacted>"/);
    }
  });

  it('shows the values of a fragment that may be shared', () => {
    const text = withCountry('Ugnada').replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0');
    assert.ok(shared(text).includes('invalid-value: "Ugnada" is not a listed value of "Country". Did you mean "Uganda"?'));
  });
});
