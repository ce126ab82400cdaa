import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { type IGrammar, INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';
import { generatedFiles } from '../../scripts/generate';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { readExample, repositoryRoot } from './helpers';

const grammarPath = join(repositoryRoot, 'syntaxes', 'fragment.tmLanguage.json');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('source.fragment');
  if (!grammar) throw new Error('The grammar did not load');
  return grammar;
}

/** Every token of a text as `text -> innermost scope`, line by line, as VS Code would colour it. */
function tokenize(grammar: IGrammar, text: string): Array<Array<{ text: string; scopes: string[] }>> {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

describe('the TextMate grammar on the example', () => {
  let lines: Array<Array<{ text: string; scopes: string[] }>>;
  const scopeOf = (line: number, text: string) => {
    const token = lines[line - 1]?.find((candidate) => candidate.text === text);
    assert.ok(token, `"${text}" is a token of line ${line}: ${JSON.stringify(lines[line - 1]?.map((t) => t.text))}`);
    return token.scopes.at(-1);
  };

  before(async () => {
    lines = tokenize(await loadGrammar(), readExample());
  });

  it('colours a key, its stars and the colon', () => {
    assert.equal(scopeOf(2, 'Outcome status'), 'support.type.property-name.fragment');
    assert.equal(scopeOf(2, '**'), 'punctuation.definition.key.begin.fragment');
    assert.equal(scopeOf(2, ':'), 'punctuation.separator.key-value.fragment');
  });
  it('colours a value', () => assert.equal(scopeOf(2, ' Outcome'), 'string.unquoted.value.fragment'));
  it('colours a placeholder inside a value', () => {
    assert.equal(scopeOf(1, '<redacted>'), 'constant.other.placeholder.fragment');
    assert.equal(scopeOf(6, '<LOC>'), 'constant.other.placeholder.fragment');
  });
  it('colours a rating and YES/NO as closed values', () => {
    assert.equal(scopeOf(9, 'medium'), 'constant.language.value.fragment');
    assert.equal(scopeOf(14, 'great'), 'constant.language.value.fragment');
    assert.equal(scopeOf(15, 'NO'), 'constant.language.value.fragment');
    assert.equal(scopeOf(19, 'CIV'), 'constant.language.value.fragment');
  });
  it('colours the year as a number', () => assert.equal(scopeOf(5, '2024'), 'constant.numeric.year.fragment'));
  it('colours the labels inside the merged story', () => {
    assert.equal(scopeOf(20, 'Significance description:'), 'keyword.other.label.fragment');
    assert.equal(scopeOf(20, 'Contribution of other actors and factors:'), 'keyword.other.label.fragment');
  });
  it('colours a `---` separator', async () => {
    const [separator] = tokenize(await loadGrammar(), '---');
    assert.equal(separator?.[0]?.scopes.at(-1), 'meta.separator.fragment');
  });
});

describe('the grammar and the schema', () => {
  it('treats exactly the closed fields of the default schema (choice, yes/no, flag) as closed', () => {
    const grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));
    const begin: string = grammar.repository['closed-field'].begin;
    const keys = begin
      .slice(begin.indexOf('(?i:') + 4, begin.indexOf('))'))
      .split('|')
      .map((key) => key.replace(/\\s\+/g, ' '));
    const closed = defaultSchema.fields.filter((field) => ['choice', 'yesno', 'flag'].includes(field.type)).map((field) => field.key);
    assert.deepEqual(keys, closed);
  });
});

const snippetsPath = join(repositoryRoot, 'snippets', 'fragment.json');

describe('the generated files', () => {
  it('are up to date with the core (npm run generate)', async () => {
    for (const [path, text] of Object.entries(generatedFiles)) assert.equal(readFileSync(path, 'utf8'), await text(), path);
  });
});

describe('the snippets', () => {
  it('hold a whole fragment in canonical order, with choice lists for closed fields', () => {
    const snippets = JSON.parse(readFileSync(snippetsPath, 'utf8'));
    const body: string[] = snippets['New outcome fragment'].body;
    assert.equal(body.length, 24);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: snippet syntax, not a template
    assert.equal(body[8], '**Rating significance**: ${9|low,medium,high|}');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: snippet syntax, not a template
    assert.equal(body[4], '**Year**: ${5:$CURRENT_YEAR}');
    // The whole fragment, and one per field (the six of substantiation too, though the whole fragment leaves them out).
    assert.equal(Object.keys(snippets).length, 30);
  });
});
