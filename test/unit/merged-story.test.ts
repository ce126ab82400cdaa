import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countRedactions, isUpToDate, regenerateMergedStory } from '../../server/src/core/story/merged-story';
import { analyze, readFixture, SEVERITY } from './helpers';

describe('the merged story is up to date (FORMAT.md §4)', () => {
  it('when equal', () => assert.ok(isUpToDate('A b.  Significance description: C.', 'A b.  Significance description: C.')));
  it('when each <redacted> stands for one or more words', () => {
    assert.ok(isUpToDate('On <redacted>, the <redacted> met.', 'On 3 May 2024, the village council met.'));
    assert.ok(isUpToDate('<redacted> met <redacted>', 'The council met the mayor.'));
  });
  it('not when a <redacted> stands for nothing', () => assert.ok(!isUpToDate('the <redacted> met', 'the  met')));
  it('not when a visible word differs', () => assert.ok(!isUpToDate('the <redacted> met', 'the council meets')));
  it('not when text is missing at either end', () => {
    assert.ok(!isUpToDate('council met', 'The council met'));
    assert.ok(!isUpToDate('The council', 'The council met'));
  });
  it('whatever the runs of white space', () => assert.ok(isUpToDate('A  b \n c', 'A b c')));
  it('checks 5,000 marks in one story', () => {
    const computed = Array.from({ length: 5000 }, (_, i) => `word${i} visible${i}`).join(' ');
    const stored = Array.from({ length: 5000 }, (_, i) => `<redacted> visible${i}`).join(' ');
    assert.ok(isUpToDate(stored, computed));
    assert.ok(!isUpToDate(`${stored} extra`, computed));
  });
});

describe('regenerating the merged story keeps every redaction', () => {
  it('hides again the words that stood under a mark', () => {
    assert.equal(regenerateMergedStory('The <redacted> met the mayor.', 'The village council met the new mayor.'), 'The <redacted> met the new mayor.');
  });
  it('shows new words that no mark hid', () => {
    assert.equal(regenerateMergedStory('The council met.', 'The council met twice.'), 'The council met twice.');
  });
  it('hides a whole changed stretch when a mark stood in it: more, never less', () => {
    // "old" became "new" in the same stretch as the mark: which words the mark hid is uncertain, so all are hidden.
    assert.equal(regenerateMergedStory('met <redacted> old words today', 'met Ali and Sara with new words today'), 'met <redacted> words today');
  });
  it('hides a neighbour rather than guess that the words under a mark were deleted', () => {
    // "today" may be what the mark hid: unsure, hide more.
    assert.equal(regenerateMergedStory('met <redacted> today', 'met today'), 'met <redacted>');
  });
  it('gives back the stored story when the fields did not change', () => {
    assert.equal(regenerateMergedStory('the the the <redacted> <redacted> May', 'the the the the May May'), 'the the the <redacted> <redacted> May');
  });
  it('places a mark that stood for several words, and hides words typed right beside it', () => {
    assert.equal(
      regenerateMergedStory('On <redacted>, the council met.', 'On 3 May 2024, the village council met.'),
      'On <redacted>, the village council met.',
    );
    assert.equal(regenerateMergedStory('Before <redacted> its tools', 'Before quickly digitizing its tools'), 'Before <redacted> its tools');
  });
  it('hides the changed words near a mark that aligned with nothing', () => {
    const regenerated = regenerateMergedStory('<redacted> Ali met', 'Ali Ali met');
    assert.equal(countRedactions(regenerated), 1);
    assert.ok(isUpToDate(regenerated, 'Ali Ali met'));
  });
  it('keeps a mark the fields themselves hold', () => {
    assert.equal(regenerateMergedStory('On <redacted>, they met.', 'On <redacted>, they met again.'), 'On <redacted>, they met again.');
  });
  it('always gives a story that is up to date with the fields', () => {
    const pairs: Array<[string, string]> = [
      ['<redacted>', 'anything at all'],
      ['a <redacted> b <redacted> c', 'a x b y c d e'],
      ['<redacted> <redacted>', 'one'],
    ];
    for (const [stored, computed] of pairs) assert.ok(isUpToDate(regenerateMergedStory(stored, computed), computed), stored);
  });
});

describe('stale-merged-story', () => {
  it('is information, on the story key', () => {
    const diagnostic = analyze(readFixture('stale-merged-story.fragment')).diagnostics[0];
    assert.equal(diagnostic?.severity, SEVERITY.information);
    assert.deepEqual(diagnostic?.range, { start: { line: 19, character: 2 }, end: { line: 19, character: 22 } });
  });
  it('is not reported when the fragment has no stored story', () => {
    const text = readFixture('valid.fragment').replace(/\*\*StoryFragment_Merged\*\*:.*\n/, '');
    assert.deepEqual(analyze(text).diagnostics, []);
  });
  it('reports an empty stored story when there is a story to tell', () => {
    const text = readFixture('valid.fragment').replace(/(\*\*StoryFragment_Merged\*\*:).*\n/, '$1\n');
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.diagnostics.map((diagnostic) => diagnostic.code),
      ['stale-merged-story'],
    );
  });
});
