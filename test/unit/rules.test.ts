import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixesOf } from '../../server/src/core/features/code-actions';
import { diagnosticCodes } from '../../server/src/core/rules/rule';
import { applyEdits } from '../../server/src/core/text/text';
import {
  analyze,
  applyPreferredFix,
  editStaysOnLines,
  fixturesFolder,
  lineLengths,
  lineOf,
  readExample,
  readFixture,
  SEVERITY,
  service,
  summary,
} from './helpers';

const valid = readFixture('valid.fragment');

/**
 * Each fixture is the valid fragment with one slip. It must give exactly the diagnostic named,
 * on its line; where FORMAT.md names a fix, the preferred fix must give back the valid file
 * (or the line shown) and the diagnostic must be gone.
 */
interface FixtureCase {
  fixture: string;
  expected: string;
  severity: keyof typeof SEVERITY;
  message?: RegExp;
  /** The whole valid fragment comes back, or just this line (1-based) with this text. */
  fixed?: 'valid' | { line: number; text: string | RegExp };
  /** Fixes offered, by title, when more than one. */
  fixTitles?: string[];
}

const cases: FixtureCase[] = [
  {
    fixture: 'unknown-field.fragment',
    expected: '4 unknown-field',
    severity: 'warning',
    message: /^Unknown field "coutnry"\. Did you mean "Country"\?$/,
    fixed: 'valid',
  },
  { fixture: 'non-canonical-key.fragment', expected: '9 non-canonical-key', severity: 'hint', message: /"Rating significance"/, fixed: 'valid' },
  { fixture: 'duplicate-field.fragment', expected: '6 duplicate-field', severity: 'error', message: /"Year" appears twice .*line 5/, fixed: 'valid' },
  { fixture: 'duplicate-field-different.fragment', expected: '6 duplicate-field', severity: 'error' },
  {
    fixture: 'missing-field.fragment',
    expected: '1 missing-field',
    severity: 'error',
    message: /"Scale" is missing/,
    fixed: { line: 11, text: '**Scale**: ' },
  },
  { fixture: 'empty-field.fragment', expected: '16 empty-field', severity: 'warning', message: /"Evidence supporting the outcome statement" is empty/ },
  {
    fixture: 'invalid-value-choice.fragment',
    expected: '9 invalid-value',
    severity: 'error',
    message: /"meduim" .*Allowed: low, medium, high/,
    fixed: 'valid',
    fixTitles: ['Change to "medium"', 'Change to "low"', 'Change to "high"'],
  },
  { fixture: 'invalid-value-vocabulary.fragment', expected: '4 invalid-value', severity: 'warning', message: /Did you mean "DR Congo"\?/, fixed: 'valid' },
  {
    fixture: 'invalid-value-list.fragment',
    expected: '23 invalid-value',
    severity: 'warning',
    message: /"Mobilizing citizens and organizations"/,
    fixed: 'valid',
  },
  { fixture: 'invalid-value-year.fragment', expected: '5 invalid-value', severity: 'error', message: /2031 is in the future/ },
  { fixture: 'invalid-value-pattern.fragment', expected: '3 invalid-value', severity: 'warning', message: /harvest N/ },
  { fixture: 'invalid-value-flag.fragment', expected: '17 invalid-value', severity: 'error', message: /treated as confidential/ },
  { fixture: 'value-format.fragment', expected: '5 value-format', severity: 'hint', fixed: 'valid' },
  { fixture: 'value-format-yesno.fragment', expected: '15 value-format', severity: 'hint', fixed: 'valid' },
  { fixture: 'malformed-field-line.fragment', expected: '5 malformed-field-line', severity: 'warning', message: /"Year"/, fixed: 'valid' },
  { fixture: 'malformed-field-line-stars.fragment', expected: '5 malformed-field-line', severity: 'warning', fixed: 'valid' },
  { fixture: 'malformed-field-line-no-colon.fragment', expected: '5 malformed-field-line', severity: 'warning', fixed: 'valid' },
  { fixture: 'malformed-field-line-single-stars.fragment', expected: '5 malformed-field-line', severity: 'warning', fixed: 'valid' },
  { fixture: 'text-outside-field.fragment', expected: '1 text-outside-field', severity: 'error' },
  {
    fixture: 'stale-merged-story.fragment',
    expected: '20 stale-merged-story',
    severity: 'information',
    fixed: {
      line: 20,
      text: /^\*\*StoryFragment_Merged\*\*: On <redacted>, within the coordination office, Seconde Chance \(SECHA\) digitised its data <redacted> systems/,
    },
  },
  { fixture: 'id-objective-mismatch.fragment', expected: '1 id-objective-mismatch', severity: 'warning', message: /PHR.*CIV/ },
  {
    fixture: 'duplicate-id.fragment',
    expected: '1 duplicate-id, 25 duplicate-id',
    severity: 'error',
    message: /"SCC-<redacted>\/CIV021" is used by another fragment/,
  },
  // FORMAT.md §8: a name left in the description and the merged story; the fix (not preferred) replaces both.
  {
    fixture: 'possible-identifier.fragment',
    expected: '6 possible-identifier, 20 possible-identifier',
    severity: 'warning',
    message: /"Rose Nyota" may be a person’s name/,
    fixTitles: ['Replace "Rose Nyota" with <person> in this fragment'],
  },
  // FORMAT.md §9: a substantiator who partly agrees; the outcome is valid otherwise.
  {
    fixture: 'substantiation-disagrees.fragment',
    expected: '27 substantiation-disagrees',
    severity: 'information',
    message: /only partly agrees with "Significance of the outcome"/,
  },
  // The quality hints of FORMAT.md §7: none has a preferred fix (the writer decides).
  { fixture: 'outcome-is-activity.fragment', expected: '6 outcome-is-activity', severity: 'information', message: /what DefendDefenders did \("organised"\)/ },
  { fixture: 'vague-change.fragment', expected: '6 vague-change', severity: 'hint', message: /"awareness"/ },
  { fixture: 'no-when.fragment', expected: '6 no-when', severity: 'hint', message: /does not say when/ },
  {
    fixture: 'future-change.fragment',
    expected: '6 future-change',
    severity: 'information',
    message: /"plans to".*"Outcome"/,
    fixTitles: ['Set status to Potential outcome'],
  },
  { fixture: 'significance-restates.fragment', expected: '7 significance-restates', severity: 'hint', message: /repeats the description/ },
  { fixture: 'thin-contribution.fragment', expected: '12 thin-contribution', severity: 'hint', message: /points elsewhere \("See above\."\)/ },
  { fixture: 'unsupported-rating.fragment', expected: '9 unsupported-rating', severity: 'hint', message: /"Rating significance" is "high"/ },
];

describe('fixtures: one slip, one diagnostic', () => {
  it('the valid fixture, two fragments, CRLF with a BOM and a multi-paragraph value give none', () => {
    for (const name of ['valid.fragment', 'two-fragments.fragment', 'crlf-bom.fragment', 'multi-paragraph.fragment']) {
      assert.deepEqual(analyze(readFixture(name)).diagnostics.map(summary), [], name);
    }
  });

  it('every diagnostic code of FORMAT.md §5 has a fixture', () => {
    const covered = new Set(cases.flatMap((testCase) => testCase.expected.split(', ').map((entry) => entry.split(' ')[1])));
    assert.deepEqual(
      diagnosticCodes.filter((code) => !covered.has(code)),
      [],
    );
  });

  for (const testCase of cases) {
    it(`${testCase.fixture} gives ${testCase.expected}`, () => {
      const analysis = analyze(readFixture(testCase.fixture));
      assert.equal(analysis.diagnostics.map(summary).join(', '), testCase.expected);
      const [diagnostic] = analysis.diagnostics;
      assert.ok(diagnostic);
      assert.equal(diagnostic.severity, SEVERITY[testCase.severity]);
      assert.equal(diagnostic.source, 'fragment');
      if (testCase.message) assert.match(diagnostic.message, testCase.message);
      if (testCase.fixTitles) {
        assert.deepEqual(
          fixesOf(diagnostic, analysis.context).map((fix) => fix.title),
          testCase.fixTitles,
        );
      }
      if (!testCase.fixed) {
        assert.equal(
          fixesOf(diagnostic, analysis.context).some((fix) => fix.isPreferred),
          false,
          'no preferred fix',
        );
        return;
      }
      const fixed = applyPreferredFix(analysis, diagnostic);
      if (testCase.fixed === 'valid') assert.equal(fixed, valid);
      else if (typeof testCase.fixed.text === 'string') assert.equal(lineOf(fixed, testCase.fixed.line), testCase.fixed.text);
      else assert.match(lineOf(fixed, testCase.fixed.line), testCase.fixed.text);
      assert.ok(!analyze(fixed).diagnostics.some((after) => after.code === diagnostic.code), `${diagnostic.code} is gone`);
    });
  }
});

describe('fixes stay inside their own field', () => {
  const fixtureNames = readdirSync(fixturesFolder).filter((name) => name.endsWith('.fragment'));
  const texts = [...fixtureNames.map((name) => ({ name, text: readFixture(name) })), { name: 'example', text: readExample() }];

  it('no fix changes a line outside the field it is about (insertions add whole lines)', () => {
    for (const { name, text } of texts) {
      const analysis = analyze(text);
      for (const diagnostic of analysis.diagnostics) {
        const field = analysis.file.fragments
          .flatMap((fragment) => fragment.fields)
          .find((candidate) => candidate.line <= diagnostic.range.start.line && diagnostic.range.start.line <= candidate.endLine);
        for (const fix of fixesOf(diagnostic, analysis.context)) {
          for (const edit of fix.edits) {
            const label = `${name}: ${summary(diagnostic)} "${fix.title}"`;
            if (diagnostic.code === 'missing-field') {
              assert.deepEqual(edit.range.start, edit.range.end, `${label} only inserts`);
              continue;
            }
            if (diagnostic.code === 'possible-identifier') {
              // FORMAT.md §8: every occurrence in the fragment is replaced, the merged story included; each edit inside one value.
              const fragment = analysis.file.fragments.find(
                (candidate) => candidate.startLine <= diagnostic.range.start.line && diagnostic.range.start.line <= candidate.endLine,
              );
              const edited = fragment?.fields.find((candidate) => candidate.line <= edit.range.start.line && edit.range.end.line <= candidate.endLine);
              assert.ok(edited, `${label} edits a field of its fragment`);
              continue;
            }
            if (diagnostic.code === 'future-change') {
              // FORMAT.md §7: the hint is on the description, its fix on the status (never preferred).
              assert.match(lineOf(text, edit.range.start.line + 1), /^\*\*Outcome status\*\*: /, `${label} changes the status`);
              assert.equal(edit.range.start.line, edit.range.end.line, `${label} stays on the status line`);
              continue;
            }
            assert.ok(field, `${label} is about a field`);
            assert.ok(
              editStaysOnLines(edit.range, field.line, field.endLine, lineLengths(text)),
              `${label} stays on lines ${field.line + 1}-${field.endLine + 1}`,
            );
          }
        }
      }
    }
  });

  it('fix-all applied twice changes nothing the second time', () => {
    for (const { name, text } of texts) {
      const once = service.fixAll(text, 'file:///x');
      assert.equal(service.fixAll(once, 'file:///x'), once, name);
      assert.equal(applyEdits(text, service.fixAllEdits(text, 'file:///x')), once, name);
    }
  });

  it('fix-all on the example leaves only the empty evidence', () => {
    const fixed = service.fixAll(readExample(), 'file:///x');
    assert.deepEqual(analyze(fixed).diagnostics.map(summary), ['16 empty-field']);
  });

  it('fix-all keeps CRLF line ends and the BOM', () => {
    const text = readFixture('crlf-bom.fragment').replace('**Scale**: Organisation\r\n', '').replace('**Year**: 2024', 'Year: 2024.0');
    const fixed = service.fixAll(text, 'file:///x');
    assert.ok(fixed.startsWith('\uFEFF**FragmentID**:'));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
    assert.deepEqual(
      analyze(fixed).diagnostics.map((diagnostic) => diagnostic.code),
      ['empty-field'],
    );
    assert.ok(fixed.includes('\r\n**Scale**: \r\n'));
    assert.ok(fixed.includes('\r\n**Year**: 2024\r\n'));
  });
});

describe('fixes at the edges of a file', () => {
  it('appends a missing field after a last line without a line break', () => {
    // The story is the last line: the fields after it are gone, the required "Outcome is negative" with them.
    const text = readFixture('valid.fragment').replace(/\n\*\*Outcome is negative\*\*:[\s\S]*$/, '');
    const analysis = analyze(text);
    const missing = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'missing-field');
    assert.ok(missing);
    const fixed = applyPreferredFix(analysis, missing);
    assert.ok(fixed.endsWith('\n**Outcome is negative**: '), JSON.stringify(fixed.slice(-60)));
  });

  it('removes a repeated last line together with the line break before it', () => {
    const text = `${readFixture('valid.fragment')}**Year**: 2024`;
    const analysis = analyze(text);
    assert.deepEqual(analysis.diagnostics.map(summary), ['24 duplicate-field']);
    assert.equal(
      applyPreferredFix(analysis, analysis.diagnostics[0] as (typeof analysis.diagnostics)[number]),
      readFixture('valid.fragment').replace(/\n$/, ''),
    );
  });

  it('gives an empty story value its space after the colon when regenerating it', () => {
    const text = readFixture('valid.fragment').replace(/(\*\*StoryFragment_Merged\*\*:).*\n/, '$1\n');
    const analysis = analyze(text);
    const fixed = applyPreferredFix(analysis, analysis.diagnostics[0] as (typeof analysis.diagnostics)[number]);
    assert.match(lineOf(fixed, 20), /^\*\*StoryFragment_Merged\*\*: On <redacted>, within/);
  });
});
