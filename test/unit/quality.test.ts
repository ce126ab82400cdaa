// Quality hints (FORMAT.md §7) beyond the labelled set: dismissing one for a fragment, the
// ignore list, hovers, the programme's names and word lists from .fragmentrc.json, turning them off.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver-types';
import { main } from '../../server/src/cli';
import { withDismissal } from '../../server/src/core/features/dismiss';
import { qualityCodes } from '../../server/src/core/rules/quality';
import { loadConfig } from '../../server/src/core/schema/config';
import { createFragmentService } from '../../server/src/core/service';
import { applyEdits } from '../../server/src/core/text/text';
import { temporaryFolder } from '../temporary-folders';
import { fixturesFolder, readFixture, SEVERITY } from './helpers';

const ID = 'SCC-<redacted>/CIV021';
const noWhen = readFixture('no-when.fragment');
const activity = readFixture('outcome-is-activity.fragment');
const uri = 'file:///harvest/a.fragment';

const hintsOf = (text: string, options: Parameters<typeof createFragmentService>[0] = {}) =>
  createFragmentService({ currentYear: () => 2026, ...options })
    .analyze(text, uri)
    .diagnostics.filter((diagnostic) => qualityCodes.has(diagnostic.code))
    .map((diagnostic) => diagnostic.code);

/** The service a configuration text makes, as the editor and the CLI build it. */
function configured(configText: string, options: Parameters<typeof createFragmentService>[0] = {}) {
  const config = loadConfig(configText);
  assert.deepEqual(config.problems, []);
  return { schema: config.schema, severities: config.severities, ignore: config.ignore, ...options };
}

describe('Dismiss for this fragment: the JSON written', () => {
  it('creates the file when there is none', () => {
    const text = withDismissal(undefined, ID, 'no-when');
    assert.equal(text, `{\n  "ignore": {\n    "${ID}": [\n      "no-when"\n    ]\n  }\n}\n`);
    assert.deepEqual(loadConfig(text as string).ignore, { [ID]: ['no-when'] });
  });

  it('adds "ignore" to an existing file and keeps its comments, order and other content', () => {
    const before = [
      '// Our team’s schema',
      '{',
      '  "fields": { "Rating contribution": { "addValues": ["low"] } }, // low too',
      '  /* quiet */ "severities": { "stale-merged-story": "off" },',
      '}',
      '',
    ].join('\n');
    const after = withDismissal(before, ID, 'no-when') as string;
    assert.ok(after.startsWith('// Our team’s schema\n{\n  "fields": { "Rating contribution": { "addValues": ["low"] } }, // low too\n'));
    assert.ok(after.includes('/* quiet */ "severities": { "stale-merged-story": "off" }'));
    const config = loadConfig(after);
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.ignore, { [ID]: ['no-when'] });
    assert.deepEqual(config.severities, { 'stale-merged-story': 'off' });
    assert.ok(config.schema.fields.find((field) => field.key === 'Rating contribution')?.values.includes('low'));
  });

  it('appends to the fragment’s list, adds another fragment beside it, and changes nothing for a code already there', () => {
    const before = `{\n\t"ignore": {\n\t\t"${ID}": ["vague-change"]\n\t}\n}\n`;
    const appended = withDismissal(before, ID, 'no-when') as string;
    assert.deepEqual(loadConfig(appended).ignore, { [ID]: ['vague-change', 'no-when'] });
    assert.match(appended, /^\t"ignore"/m, 'the file’s tabs are kept');
    const other = withDismissal(appended, 'SCC-X/GEN002', 'thin-contribution') as string;
    assert.deepEqual(loadConfig(other).ignore, { [ID]: ['vague-change', 'no-when'], 'SCC-X/GEN002': ['thin-contribution'] });
    assert.equal(withDismissal(other, ID, 'no-when'), other);
  });

  it('leaves a broken file alone (no action rather than a guess)', () => {
    assert.equal(withDismissal('{ "severities": { ', ID, 'no-when'), undefined);
    assert.equal(withDismissal('[1, 2]', ID, 'no-when'), undefined);
    assert.equal(withDismissal('{ "ignore": ["no-when"] }', ID, 'no-when'), undefined);
  });

  it('the code action creates the file, then writes into it; the hint is gone once the configuration says so', () => {
    const service = createFragmentService({ currentYear: () => 2026 });
    const analysis = service.analyze(noWhen, uri);
    const hint = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'no-when');
    assert.ok(hint);
    const configUri = 'file:///harvest/.fragmentrc.json';
    const actions = service.codeActions(analysis, hint.range, undefined, undefined, () => ({ uri: configUri, text: undefined, saveCommand: 'save' }));
    const dismiss = actions.find((action) => action.title === 'Dismiss for this fragment (no-when)');
    assert.ok(dismiss, `offered among ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(dismiss.isPreferred, undefined, 'never preferred');
    assert.deepEqual(dismiss.command, { title: 'Save the configuration', command: 'save', arguments: [configUri] });
    const [create, edit] = (dismiss.edit?.documentChanges ?? []) as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    assert.equal(edit.textDocument.uri, configUri);
    const written = applyEdits('', edit.edits);
    assert.deepEqual(hintsOf(noWhen, configured(written)), []);
    assert.deepEqual(hintsOf(noWhen), ['no-when'], 'without the configuration, the hint is there');
  });

  it('is not offered without a place to record it, nor for a fragment without a FragmentID', () => {
    const service = createFragmentService({ currentYear: () => 2026 });
    const analysis = service.analyze(noWhen, uri);
    const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    assert.ok(!service.codeActions(analysis, range).some((action) => action.title.startsWith('Dismiss')));
    const withoutId = service.analyze(noWhen.replace(`**FragmentID**: ${ID}`, '**FragmentID**: '), uri);
    const actions = service.codeActions(withoutId, range, undefined, undefined, () => ({ uri: 'file:///c.json', text: undefined }));
    assert.ok(!actions.some((action) => action.title.startsWith('Dismiss')));
  });
});

describe('ignore, severities and the switch', () => {
  it('an ignored code is not reported for that FragmentID only; other codes and fragments still are', () => {
    const two = `${activity.replace(/\n$/, '')}\n---\n${activity.replace(ID, 'SCC-<redacted>/CIV022')}`;
    const ignore = { [ID]: ['outcome-is-activity' as const] };
    const service = createFragmentService({ currentYear: () => 2026, ignore });
    const codes = service.analyze(two, uri).diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`);
    assert.deepEqual(codes, ['30 outcome-is-activity']);
    assert.deepEqual(hintsOf(noWhen, { ignore: { [ID]: ['vague-change'] } }), ['no-when']);
  });

  it('each code takes a severity or off, and qualityHints: false turns them all off', () => {
    const service = createFragmentService({ currentYear: () => 2026, severities: { 'outcome-is-activity': 'warning' } });
    assert.equal(service.analyze(activity, uri).diagnostics[0]?.severity, SEVERITY.warning);
    assert.deepEqual(hintsOf(activity, { severities: { 'outcome-is-activity': 'off' } }), []);
    assert.deepEqual(hintsOf(activity, { qualityHints: false }), []);
  });

  it('the programme’s names and the word lists come from .fragmentrc.json', () => {
    const secha = noWhen.replace(/^\*\*Outcome description\*\*: .*$/m, '**Outcome description**: In May 2024, SECHA trained 12 monitors of Uvira.');
    assert.deepEqual(hintsOf(secha), []);
    assert.deepEqual(hintsOf(secha, configured('{ "quality": { "addProgrammeNames": ["SECHA"] } }')), ['outcome-is-activity']);
    // Replacing the names: DefendDefenders is no longer the programme.
    assert.deepEqual(hintsOf(activity, configured('{ "quality": { "programmeNames": ["SECHA"] } }')), []);
    const vague = readFixture('vague-change.fragment');
    assert.deepEqual(hintsOf(vague, configured('{ "quality": { "words": { "en": { "vagueWords": ["capacity"] } } } }')), []);
    assert.deepEqual(hintsOf(vague, configured('{ "quality": { "addWords": { "en": { "observableActions": ["data protection"] } } } }')), []);
    assert.match(loadConfig('{ "quality": { "words": { "en": { "vagueWord": [] } } } }').problems[0]?.message ?? '', /vagueWord/);
  });
});

describe('hovers and messages', () => {
  it('a hover on a hint explains its criterion with a good and a weak example', () => {
    const service = createFragmentService({ currentYear: () => 2026 });
    const analysis = service.analyze(activity, uri);
    const hint = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'outcome-is-activity');
    assert.ok(hint);
    const hover = service.hover(analysis, { line: hint.range.start.line, character: hint.range.start.character + 2 });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /^\*\*The description reports an activity, not an outcome\*\* \(`outcome-is-activity`\)\n\n.+\. .+\.\n\n- Good: .+\n- Weak: .+$/s);
    assert.deepEqual(hover?.range, hint.range);
    assert.equal(service.hover(analysis, { line: 6, character: 60 }), undefined, 'nothing on a significance without a hint');
  });

  it('every quality code has an explanation, and every default list is non-empty in both languages', () => {
    const quality = createFragmentService().schema.quality;
    assert.ok(quality);
    for (const code of qualityCodes) assert.ok(quality.explanations[code], code);
    for (const language of ['en', 'fr']) {
      const lists = quality.languages[language];
      assert.ok(lists, language);
      for (const [name, words] of Object.entries(lists)) {
        if (name !== 'capitalisedTimeWords' && name !== 'programmeWords') assert.ok(words.length > 0, `${language}.${name}`);
      }
    }
  });
});

describe('fragment-lint and the hints', () => {
  const run = (args: string[], cwd: string) => {
    let output = '';
    const code = main(args, cwd, (text) => {
      output += text;
    });
    return { code, output };
  };

  it('reports them, leaves them out with --no-quality, and honours the ignore of --config', () => {
    const folder = temporaryFolder('fragment-quality-');
    writeFileSync(join(folder, 'a.fragment'), noWhen);
    assert.match(run(['a.fragment'], folder).output, /^a\.fragment:6:\d+ hint no-when /m);
    assert.doesNotMatch(run(['--no-quality', 'a.fragment'], folder).output, /no-when/);
    writeFileSync(join(folder, '.fragmentrc.json'), withDismissal(undefined, ID, 'no-when') as string);
    assert.doesNotMatch(run(['--config', '.fragmentrc.json', 'a.fragment'], folder).output, /no-when/);
    assert.ok(fixturesFolder);
  });
});

describe('quality hints on pathological descriptions finish in bounded time', () => {
  const bound = { timeout: 60_000 };
  const service = createFragmentService({ currentYear: () => 2026, reuseChunks: false, maxSize: 50_000_000 });
  const withDescription = (value: string) => noWhen.replace(/^\*\*Outcome description\*\*: .*$/m, () => `**Outcome description**: ${value}`);
  const cases: Record<string, string> = {
    'a programme name and 100,000 auxiliaries': `we ${'has '.repeat(100_000)}`,
    '100,000 programme names': 'DefendDefenders '.repeat(100_000),
    '100,000 future markers after a relative pronoun': `which ${'will '.repeat(100_000)}`,
    'a 1 MB word': 'a'.repeat(1_000_000),
    '100,000 placeholders': '<redacted> '.repeat(100_000),
  };
  for (const [name, value] of Object.entries(cases)) {
    it(name, bound, (t) => {
      const started = performance.now();
      const { diagnostics } = service.analyze(withDescription(value), uri);
      t.diagnostic(`check: ${(performance.now() - started).toFixed(0)} ms`);
      assert.ok(Array.isArray(diagnostics));
    });
  }
});
