import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSchema, sccSchema } from '../../server/src/core/schema/default-schema';
import { schemaSchemas } from '../../server/src/core/schema/schema-types';
import { createFragmentService } from '../../server/src/core/service';
import { editDistance, nearMatches } from '../../server/src/core/text/near';
import { analyze, readExample, readFixture, SEVERITY, service, summary } from './helpers';

describe('near misses (FORMAT.md §3)', () => {
  it('count an adjacent transposition as one edit', () => {
    assert.equal(editDistance('coutnry', 'country', 3), 1);
    assert.equal(editDistance('organisaton', 'organisation', 3), 1);
  });
  it('allow 1 edit up to 4 characters, 2 up to 11, 3 from 12', () => {
    assert.deepEqual(nearMatches('Mali', ['Bali']).unique, 'Bali');
    assert.equal(nearMatches('Mxli', ['Baii']).matches.length, 0);
    assert.equal(nearMatches('Ugnada', ['Uganda']).unique, 'Uganda');
    assert.equal(nearMatches('Orgnastion', ['Organisation']).unique, 'Organisation');
  });
  it('fold case and white space first', () => assert.equal(nearMatches('dr  cong', ['DR Congo']).unique, 'DR Congo'));
  it('prefer no candidate when two are equally near', () => {
    const result = nearMatches('Sudaa', ['Sudan', 'Sudab']);
    assert.equal(result.unique, undefined);
    assert.equal(result.matches.length, 2);
  });
});

describe('the default schema', () => {
  const { fragmentSchemaSchema } = schemaSchemas();
  it('is data that zod accepts, with the 23 SCC fields in canonical order, then the 6 of substantiation', () => {
    assert.equal(defaultSchema.fields.length, 29);
    assert.equal(defaultSchema.fields[0]?.key, 'FragmentID');
    assert.equal(defaultSchema.fields[22]?.key, 'TypeOfChangeCluster');
    assert.deepEqual(
      defaultSchema.fields.slice(23).map((field) => [field.key, field.required]),
      [
        ['Substantiation status', false],
        ['Substantiated by', false],
        ['Substantiation of the description', false],
        ['Substantiation of the significance', false],
        ['Substantiation of the contribution', false],
        ["Substantiator's comments", false],
      ],
    );
    assert.ok(fragmentSchemaSchema.safeParse(defaultSchema).success);
  });
  it('is what zod makes of it, defaults filled in (the server does not run zod on it at every start)', () => {
    assert.deepEqual(fragmentSchemaSchema.parse(sccSchema), defaultSchema);
  });
  it('rejects a schema whose merged story names a field it lacks, with a message', () => {
    const result = fragmentSchemaSchema.safeParse({ ...defaultSchema, mergedStory: { field: 'Story', parts: [{ field: 'Nope' }] } });
    assert.equal(result.success, false);
    assert.match(result.error?.issues.map((issue) => issue.message).join('\n') ?? '', /No field "Story"/);
  });
  it('rejects an invalid regular expression', () => {
    const fields = defaultSchema.fields.map((field) => (field.key === 'Year' ? { ...field, pattern: { regex: '(', description: 'x' } } : field));
    assert.equal(fragmentSchemaSchema.safeParse({ ...defaultSchema, fields }).success, false);
  });
  it('drives the rules: a changed value list changes what is valid', () => {
    const fields = defaultSchema.fields.map((field) => (field.key === 'Rating contribution' ? { ...field, values: [...field.values, 'low'] } : field));
    const custom = createFragmentService({ schema: fragmentSchemaSchema.parse({ ...defaultSchema, fields }), currentYear: () => 2026 });
    const text = readFixture('valid.fragment').replace('**Rating contribution**: great', '**Rating contribution**: low');
    assert.deepEqual(custom.analyze(text, 'x').diagnostics, []);
    assert.deepEqual(analyze(text).diagnostics.map(summary), ['14 invalid-value']);
  });
});

describe('the service', () => {
  it('turns a code off or changes its severity', () => {
    const quiet = createFragmentService({ severities: { 'unknown-field': 'off', 'empty-field': 'error' } });
    const diagnostics = quiet.analyze(readExample(), 'x').diagnostics;
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['empty-field', SEVERITY.error]],
    );
  });

  it('answers a quick-fix request with the fixes of the diagnostics in range only', () => {
    const analysis = analyze(readExample());
    const onCountry = service.codeActions(analysis, { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } });
    assert.deepEqual(
      onCountry.map((action) => [action.title, action.kind, action.isPreferred]),
      [['Rename to "Country"', 'quickfix', true]],
    );
    assert.deepEqual(onCountry[0]?.edit?.changes?.['file:///test.fragment'], [
      { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } }, newText: 'Country' },
    ]);
    assert.deepEqual(service.codeActions(analysis, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
  });

  it('offers fix-all only when asked for source actions', () => {
    const analysis = analyze(readExample());
    const everywhere = { start: { line: 0, character: 0 }, end: { line: 22, character: 0 } };
    for (const only of [['source'], ['source.fixAll'], ['source.fixAll.fragment']]) {
      const actions = service.codeActions(analysis, everywhere, only);
      assert.deepEqual(
        actions.map((action) => action.kind),
        ['source.fixAll.fragment'],
        only.join(),
      );
      assert.deepEqual(actions[0]?.edit?.changes?.['file:///test.fragment'], [
        { range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '**Country**: DR Congo\n' },
      ]);
    }
    assert.deepEqual(service.codeActions(analysis, everywhere, ['refactor']), []);
  });

  it('stops a cancelled request', () => {
    assert.throws(() => service.analyze(readExample(), 'x', { cancellation: { isCancellationRequested: true } }), /Cancelled/);
  });
});
