import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixesOf } from '../../server/src/core/features/code-actions';
import { countRedactions } from '../../server/src/core/story/merged-story';
import { applyEdits } from '../../server/src/core/text/text';
import { analyze, applyPreferredFix, lineOf, readExample, SEVERITY, service, summary } from './helpers';

const example = readExample();

describe('the shared example', () => {
  const analysis = analyze(example);
  const problems = analysis.diagnostics.filter((diagnostic) => (diagnostic.severity ?? 1) <= SEVERITY.warning);

  it('gives exactly two problems at warning or error: the misspelt country and the empty evidence', () => {
    assert.deepEqual(problems.map(summary), ['4 unknown-field', '16 empty-field']);
    assert.ok(problems.every((diagnostic) => diagnostic.severity === SEVERITY.warning && diagnostic.source === 'fragment'));
  });

  it('names "Country" in the unknown-field message, and its preferred fix renames the key', () => {
    const unknown = problems[0];
    assert.ok(unknown);
    assert.equal(unknown.message, 'Unknown field "coutnry". Did you mean "Country"?');
    const fixed = applyPreferredFix(analysis, unknown);
    assert.equal(lineOf(fixed, 4), '**Country**: DR Congo');
    assert.deepEqual(analyze(fixed).diagnostics.map(summary), ['16 empty-field']);
  });

  it('offers no fix that would write text for the empty evidence', () => {
    const empty = problems[1];
    assert.ok(empty);
    assert.match(empty.message, /Evidence supporting the outcome statement/);
    assert.deepEqual(fixesOf(empty, analysis.context), []);
  });

  it('gives nothing else at all: no hints, no information', () => {
    assert.equal(analysis.diagnostics.length, 2);
  });

  it('has an up-to-date merged story', () => {
    const [fragment] = service.storyModel(analysis).fragments;
    assert.ok(fragment);
    assert.equal(fragment.id, 'SCC-<redacted>/CIV021');
    assert.equal(fragment.story.stale, false);
    assert.ok(!analysis.diagnostics.some((diagnostic) => diagnostic.code === 'stale-merged-story'));
    assert.deepEqual(
      fragment.story.sections.map((section) => section.field),
      [
        'Outcome description',
        'Significance of the outcome',
        'Contribution of the programme',
        'Additional information (use if needed)',
        'Contribution of other actors and factors',
      ],
    );
  });
});

describe('regenerating the example’s merged story after a change to each merged part', () => {
  /** The six places where the stored story hides words that its fields show. */
  const storyOnlyRedactions = [
    'data <redacted> systems',
    'other <redacted> involving',
    'the <redacted> of allegations',
    'rights <redacted> and abuses',
    'Before <redacted> its tools',
    'data <redacted> tools met',
  ];
  const changes: Array<{ part: string; from: string; to: string; newText: string }> = [
    {
      part: 'Outcome description',
      from: 'within the coordination office',
      to: 'within its coordination office in 2023',
      newText: 'its coordination office in 2023',
    },
    { part: 'Significance of the outcome', from: 'which exposed not only', to: 'which put at risk not only', newText: 'put at risk not only' },
    { part: 'Contribution of the programme', from: 'two SECHA staff members', to: 'three SECHA staff members', newText: 'three SECHA staff members' },
    { part: 'Additional information (use if needed)', from: 'to familiarize themselves', to: 'to get familiar', newText: 'to get familiar' },
    {
      part: 'Contribution of other actors and factors',
      from: '**Contribution of other actors and factors**: No',
      to: '**Contribution of other actors and factors**: A local radio station covered the training.',
      newText: 'Contribution of other actors and factors: A local radio station covered the training.',
    },
  ];

  for (const change of changes) {
    it(`keeps all six redactions and shows the new text when "${change.part}" changes`, () => {
      const edited = example.replace(change.from, change.to);
      assert.notEqual(edited, example);
      const analysis = analyze(edited);
      const stale = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'stale-merged-story');
      assert.ok(stale, 'the edit makes the story stale');
      assert.equal(stale.severity, SEVERITY.information);
      const fixed = applyPreferredFix(analysis, stale);
      const story = lineOf(fixed, 20);
      assert.match(story, /^\*\*StoryFragment_Merged\*\*: /);
      for (const redaction of storyOnlyRedactions) assert.ok(story.includes(redaction), `"${redaction}" is still hidden`);
      assert.equal(countRedactions(story), countRedactions(lineOf(example, 20)));
      assert.ok(story.includes(change.newText), 'the new text is in the story');
      assert.ok(!analyze(fixed).diagnostics.some((diagnostic) => diagnostic.code === 'stale-merged-story'));
      // Only the story line changed.
      const before = edited.split('\n');
      const after = fixed.split('\n');
      assert.deepEqual(after.map((line, index) => (line === before[index] ? '' : index + 1)).filter(Boolean), [20]);
    });
  }

  it('is what fix-all does too, applied once or twice', () => {
    const edited = example.replace('within the coordination office', 'within its office');
    const once = service.fixAll(edited, 'file:///x');
    assert.equal(service.fixAll(once, 'file:///x'), once);
    assert.equal(applyEdits(edited, service.fixAllEdits(edited, 'file:///x')), once);
    for (const redaction of storyOnlyRedactions) assert.ok(lineOf(once, 20).includes(redaction));
  });
});
