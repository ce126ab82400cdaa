// A new fragment (FORMAT.md §3): the next free FragmentID of its objective, and its fields in
// canonical order, from the schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileNameFor, fragmentIdsOf, NewFragmentError, newFragment, nextFragmentId, objectivesOf } from '../../server/src/core/authoring/new-fragment';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { readExample, service } from './helpers';

describe('the next free FragmentID', () => {
  it('is one more than the highest of its objective, with the harvest’s prefix and digits', () => {
    const ids = ['SCC-<redacted>/CIV021', 'SCC-<redacted>/CIV033', 'SCC-<redacted>/CIV009', 'SCC-<redacted>/PHR120', 'not an id'];
    assert.equal(nextFragmentId(ids, 'CIV', defaultSchema), 'SCC-<redacted>/CIV034');
    assert.equal(nextFragmentId(ids, 'PHR', defaultSchema), 'SCC-<redacted>/PHR121');
    assert.equal(nextFragmentId(['SCC-<redacted>/CIV999'], 'CIV', defaultSchema), 'SCC-<redacted>/CIV1000', 'more digits when needed');
    assert.equal(nextFragmentId(['DD-07/GEN7'], 'GEN', defaultSchema), 'DD-07/GEN8', 'the harvest’s own prefix and width');
  });

  it('follows the schema’s newId where the harvest has none of the objective', () => {
    assert.equal(nextFragmentId(['SCC-<redacted>/CIV021'], 'EXT', defaultSchema), 'SCC-<redacted>/EXT001');
    const plain = {
      ...defaultSchema,
      objectiveCheck: { ...(defaultSchema.objectiveCheck as NonNullable<typeof defaultSchema.objectiveCheck>), newId: undefined },
    };
    assert.equal(nextFragmentId([], 'EXT', plain), 'EXT001');
  });
});

describe('a new fragment', () => {
  it('holds the schema’s fields in canonical order, the ID, objective, country and year filled in, and checks as the writer expects', () => {
    const ids = fragmentIdsOf(service.parse(readExample()), defaultSchema);
    assert.deepEqual(ids, ['SCC-<redacted>/CIV021']);
    const fragment = newFragment(defaultSchema, ids, { objective: 'civ', country: 'Uganda', year: 2025 });
    assert.equal(fragment.id, 'SCC-<redacted>/CIV022');
    const lines = fragment.text.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      '**FragmentID**: SCC-<redacted>/CIV022',
      '**Outcome status**: ',
      '**OH-harvesting period**: ',
      '**Country**: Uganda',
      '**Year**: 2025',
    ]);
    assert.ok(lines.includes('**Link to SCC Specific Objectives**: CIV: Less suppression of civic space'));
    assert.ok(!fragment.text.includes('Substantiation'), 'the substantiation fields come later');
    assert.deepEqual(fragment.cursor, { line: 5, character: '**Outcome description**: '.length });
    // What is left to write is reported as empty, and nothing is wrong in what was filled in.
    const codes = new Set<string>(service.analyze(fragment.text, 'file:///new.fragment').diagnostics.map((diagnostic) => diagnostic.code));
    assert.ok(codes.has('empty-field'));
    for (const code of ['unknown-field', 'invalid-value', 'id-objective-mismatch', 'field-order', 'duplicate-field']) assert.ok(!codes.has(code), code);
  });

  it('takes the objective as written too, and names the ones there are when it is not one', () => {
    assert.equal(newFragment(defaultSchema, [], { objective: 'PHR: Conflict transformation, peace and human rights' }).id, 'SCC-<redacted>/PHR001');
    assert.deepEqual(
      objectivesOf(defaultSchema).map((objective) => objective.code),
      ['CIV', 'PHR', 'GEN', 'EXT'],
    );
    assert.throws(
      () => newFragment(defaultSchema, [], { objective: 'XYZ' }),
      (error) => error instanceof NewFragmentError && /XYZ .*CIV, PHR, GEN, EXT/.test(error.message),
    );
  });

  it('is named after its ID, in letters any file system takes', () => {
    assert.equal(fileNameFor('SCC-<redacted>/CIV034'), 'CIV034.fragment');
    assert.equal(fileNameFor('A/B: c*?'), 'B-c.fragment');
    assert.equal(fileNameFor('///'), 'new.fragment');
  });
});
