import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configJsonSchema, loadConfig } from '../../server/src/core/schema/config';
import { createFragmentService } from '../../server/src/core/service';
import { readFixture } from './helpers';

const at = (problem: { range: { start: { line: number; character: number } } } | undefined) =>
  problem && [problem.range.start.line + 1, problem.range.start.character + 1];

describe('a team’s configuration (.fragmentrc.json)', () => {
  it('adds a value to a list and turns a code off', () => {
    const config = loadConfig('{ "fields": { "Rating contribution": { "addValues": ["low"] } }, "severities": { "stale-merged-story": "off" } }');
    assert.deepEqual(config.problems, []);
    const service = createFragmentService({ schema: config.schema, severities: config.severities });
    const text = readFixture('stale-merged-story.fragment').replace('**Rating contribution**: great', '**Rating contribution**: low');
    assert.deepEqual(service.analyze(text, 'x').diagnostics, []);
  });

  it('changes required flags, adds a field with aliases and changes the merged story’s parts', () => {
    const config = loadConfig(
      JSON.stringify({
        fields: {
          'Evidence supporting the outcome statement': { required: false },
          'Harvester initials': { type: 'text', required: true, aliases: ['Harvester'] },
        },
        mergedStory: { parts: [{ field: 'Outcome description', label: '' }] },
      }),
    );
    assert.deepEqual(config.problems, []);
    assert.equal(config.schema.fields.at(-1)?.key, 'Harvester initials');
    assert.equal(config.schema.fields.find((field) => field.key === 'Evidence supporting the outcome statement')?.required, false);
    assert.equal(config.schema.mergedStory?.parts.length, 1);
    assert.equal(config.schema.mergedStory?.field, 'StoryFragment_Merged');
  });

  it('accepts comments and trailing commas', () => {
    assert.deepEqual(loadConfig('// our team\n{ "severities": { "empty-field": "error", }, }').problems, []);
  });

  it('reports a syntax error where it is, and keeps the default schema', () => {
    const config = loadConfig('{\n  "severities": {\n    "empty-field": "off",,\n  }\n}\n');
    assert.equal(config.problems.length, 1);
    assert.deepEqual(at(config.problems[0]), [3, 26]);
    assert.deepEqual(config.severities, {});
  });

  it('reports an unknown code, an unknown property and a bad severity on their own lines', () => {
    const config = loadConfig('{\n  "severities": {\n    "empty-feld": "off"\n  },\n  "colour": 1\n}');
    assert.deepEqual(
      config.problems.map((problem) => [problem.message, ...(at(problem) ?? [])]),
      [
        ['severities: Unknown property "empty-feld"', 3, 5],
        ['Unknown property "colour"', 5, 3],
      ],
    );
    assert.match(loadConfig('{ "severities": { "empty-field": "loud" } }').problems[0]?.message ?? '', /severities\.empty-field/);
  });

  it('reports a new field without a type, and a schema that would not hold together', () => {
    assert.match(
      loadConfig('{ "fields": { "Notes": { "required": true } } }').problems[0]?.message ?? '',
      /"Notes" is no field of the schema: a new field needs a "type"/,
    );
    const broken = loadConfig('{\n  "fields": {\n    "Year": { "pattern": { "regex": "(", "description": "x" } }\n  }\n}');
    assert.match(broken.problems[0]?.message ?? '', /fields\.Year\.pattern\.regex: Not a valid regular expression/);
    assert.deepEqual(at(broken.problems[0]), [3, 28]);
  });

  it('has a JSON schema for editors, generated from the zod schema', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    assert.deepEqual(Object.keys(schema.properties), [
      '$schema',
      'fields',
      'mergedStory',
      'nonAnswers',
      'severities',
      'include',
      'exclude',
      'overrides',
      'quality',
      'anonymisation',
      'ignore',
    ]);
    assert.equal(schema.additionalProperties, false);
  });
});
