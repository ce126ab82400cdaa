import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../server/src/core/schema/config';
import { configScope } from '../../server/src/core/schema/file-scope';
import { ConfigFiles } from '../../server/src/node/config-files';
import { temporaryFolder } from '../temporary-folders';

const at = (problem: { range: { start: { line: number; character: number } } } | undefined) =>
  problem && [problem.range.start.line + 1, problem.range.start.character + 1];

describe('which files are the harvest: include, exclude and overrides', () => {
  it('takes every file when nothing is said, and a folder named in include or exclude stands for all it holds', () => {
    assert.equal(configScope(loadConfig('{}')).isIncluded('round3/a.txt'), true);
    const scope = configScope(loadConfig('{ "include": ["round3", "round4/**/*.fragment"], "exclude": ["round3/drafts", "**/*-old.*"] }'));
    assert.equal(scope.isIncluded('round3/a.txt'), true);
    assert.equal(scope.isIncluded('round3/sub/b.fragment'), true);
    assert.equal(scope.isIncluded('round3/drafts/c.txt'), false, 'excluded, though included');
    assert.equal(scope.isIncluded('round3/d-old.txt'), false);
    assert.equal(scope.isIncluded('round4/x/e.fragment'), true);
    assert.equal(scope.isIncluded('round4/e.txt'), false, 'not included');
    assert.equal(scope.isIncluded('notes/f.txt'), false);
    assert.equal(scope.isIncluded('.hidden/g.fragment'), false);
    assert.equal(configScope(loadConfig('{ "exclude": ["**/archive/**"] }')).isIncluded('.old/archive/h.txt'), false, 'dot folders match too');
  });

  it('applies an override to its files only, on top of the rest, a later one winning', () => {
    const config = loadConfig(
      JSON.stringify({
        severities: { 'empty-field': 'information' },
        overrides: [
          { files: 'round3/**', fields: { 'Additional information (use if needed)': { required: true } }, severities: { 'empty-field': 'error' } },
          { files: ['round3/late/**'], severities: { 'empty-field': 'warning' } },
        ],
      }),
    );
    assert.deepEqual(config.problems, []);
    const scope = configScope(config);
    const outside = scope.settingsFor('round2/a.txt');
    assert.equal(outside.severities['empty-field'], 'information');
    assert.equal(outside.schema.fields.find((field) => field.key === 'Additional information (use if needed)')?.required, false);
    const inside = scope.settingsFor('round3/a.txt');
    assert.equal(inside.severities['empty-field'], 'error');
    assert.equal(inside.schema.fields.find((field) => field.key === 'Additional information (use if needed)')?.required, true);
    const late = scope.settingsFor('round3/late/a.txt');
    assert.equal(late.severities['empty-field'], 'warning');
    assert.equal(late.schema.fields.find((field) => field.key === 'Additional information (use if needed)')?.required, true, 'both apply');
    assert.equal(scope.settingsFor('round3/b.txt'), inside, 'one combination, made once');
  });

  it('reports a broken override in its own entry, and keeps the default schema', () => {
    const text = '{\n  "overrides": [\n    { "files": "round3/**", "fields": { "Harvester": { "required": true } } }\n  ]\n}\n';
    const config = loadConfig(text);
    assert.equal(config.problems.length, 1);
    assert.match(config.problems[0]?.message ?? '', /"Harvester" is no field of the schema/);
    assert.deepEqual(at(config.problems[0]), [3, 41]);
    assert.equal(config.overrides, undefined);
    assert.match(loadConfig('{ "overrides": [{ "fields": {} }] }').problems[0]?.message ?? '', /overrides\.0\.files/);
    assert.match(loadConfig('{ "include": "round3" }').problems[0]?.message ?? '', /include/);
  });
});

describe('finding the nearest .fragmentrc.json on disk', () => {
  it('takes the one in the file’s folder, else in a folder above, never above the root, and sees a change once told', () => {
    const root = temporaryFolder('fragment-configs-');
    mkdirSync(join(root, 'round3', 'late'), { recursive: true });
    writeFileSync(join(root, '.fragmentrc.json'), '{ "exclude": ["archive"] }');
    writeFileSync(join(root, 'round3', '.fragmentrc.json'), '{ "severities": { "empty-field": "error" } }');
    const configs = new ConfigFiles();
    assert.equal(configs.nearest(join(root, 'a.txt'), root)?.path, join(root, '.fragmentrc.json'));
    assert.equal(configs.nearest(join(root, 'round3', 'late', 'b.txt'), root)?.path, join(root, 'round3', '.fragmentrc.json'));
    assert.equal(configs.nearest(join(root, 'round3', 'b.txt'), join(root, 'round3', 'late')), undefined, 'outside the root');
    assert.equal(configs.nearest(join(root, 'round3', 'late', 'b.txt'), join(root, 'round3', 'late')), undefined, 'not above the root');
    assert.equal(configs.isIncluded(join(root, 'archive', 'c.txt'), root), false);
    assert.equal(configs.isIncluded(join(root, 'round3', 'archive', 'c.txt'), root), true, 'the nearest file alone applies');
    writeFileSync(join(root, 'round3', 'late', '.fragmentrc.json'), '{ "exclude": ["*.txt"] }');
    assert.equal(configs.isIncluded(join(root, 'round3', 'late', 'b.txt'), root), true, 'not looked at again');
    configs.forget(join(root, 'round3', 'late', '.fragmentrc.json'));
    assert.equal(configs.isIncluded(join(root, 'round3', 'late', 'b.txt'), root), false);
  });
});
