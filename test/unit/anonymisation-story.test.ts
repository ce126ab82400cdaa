// possible-identifier in the merged story (FORMAT.md §4, §8): an up-to-date story repeats its
// fields' findings where they stand in it; a story edited by hand is read as any text. And texts
// with a hyphen (a telephone number, an allowed name, a programme's name) are taken literally.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fragmentIdentifiers, occurrencesIn } from '../../server/src/core/anonymisation/fragment-identifiers';
import { loadConfig } from '../../server/src/core/schema/config';
import { createFragmentService } from '../../server/src/core/service';
import { readFixture, service } from './helpers';

const fixture = readFixture('possible-identifier.fragment');
const STORY = 'StoryFragment_Merged';

/** The findings of a fragment's text as `field: kind:text`, in order. */
function findings(text: string, schema = service.schema): string[] {
  const [fragment] = service.parse(text).fragments;
  assert.ok(fragment);
  return fragmentIdentifiers(fragment, schema).map((finding) => `${finding.field.key}: ${finding.kind}:${finding.text}`);
}

/** The line of a field, its value replaced. */
const withValue = (text: string, field: string, value: string) => text.replace(new RegExp(`^\\*\\*${field}\\*\\*: .*$`, 'm'), `**${field}**: ${value}`);

describe('possible-identifier in the merged story', () => {
  it('an up-to-date story shows the fields’ findings where they stand in it', () => {
    assert.deepEqual(findings(fixture), ['Outcome description: person:Rose Nyota', `${STORY}: person:Rose Nyota`]);
    const [fragment] = service.parse(fixture).fragments;
    assert.ok(fragment);
    const story = fragmentIdentifiers(fragment, service.schema).find((finding) => finding.field.key === STORY);
    assert.ok(story);
    const line = fixture.split('\n')[story.range.start.line] as string;
    assert.equal(line.slice(story.range.start.character, story.range.end.character), 'Rose Nyota');
  });

  it('a part of a name left beside a redaction is still found (fail-safe)', () => {
    const story = (fixture.match(/^\*\*StoryFragment_Merged\*\*: (.*)$/m) as RegExpMatchArray)[1] as string;
    const redacted = withValue(fixture, STORY, story.replace('Rose Nyota', 'Rose <redacted>'));
    assert.deepEqual(findings(redacted), ['Outcome description: person:Rose Nyota', `${STORY}: person:Rose`]);
  });

  it('a story edited by hand is read as any text: a name only there is found', () => {
    const story = (fixture.match(/^\*\*StoryFragment_Merged\*\*: (.*)$/m) as RegExpMatchArray)[1] as string;
    const edited = withValue(fixture, STORY, story.replace('digitized', 'with Jean-Pierre Mukendi, digitized'));
    assert.deepEqual(
      service
        .analyze(edited, 'file:///x.txt')
        .diagnostics.map((diagnostic) => diagnostic.code)
        .sort(),
      ['possible-identifier', 'possible-identifier', 'possible-identifier', 'stale-merged-story'],
    );
    assert.deepEqual(findings(edited), ['Outcome description: person:Rose Nyota', `${STORY}: person:Rose Nyota`, `${STORY}: person:Jean-Pierre Mukendi`]);
  });
});

describe('texts with a hyphen are taken literally', () => {
  it('"Replace" finds a telephone number written with hyphens, in the field and the story', () => {
    const text = fixture.replace(/led by Mrs\. Rose Nyota,/g, 'reachable on 0812-345-678,');
    const [fragment] = service.parse(text).fragments;
    assert.ok(fragment);
    assert.deepEqual(findings(text), ['Outcome description: phone:0812-345-678', `${STORY}: phone:0812-345-678`]);
    assert.equal(occurrencesIn(fragment, service.schema, '0812-345-678').length, 2);
  });

  it('an allowed text and a programme’s name with a hyphen', () => {
    const config = loadConfig('{ "anonymisation": { "allow": ["Rose Nyota-Kabila"] }, "quality": { "addProgrammeNames": ["Mama-Africa Network"] } }');
    assert.deepEqual(config.problems, []);
    const configured = createFragmentService({ schema: config.schema });
    const text = fixture.replace(/Rose Nyota/g, 'Rose Nyota-Kabila');
    const codes = configured.analyze(text, 'file:///x.txt').diagnostics.map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes('possible-identifier'), codes.join(', '));
  });
});
