import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { distinctFileNames, fileNameFor, windowsSafeName } from '../../server/src/core/harvest/file-names';
import { importSheet } from '../../server/src/core/harvest/import-rows';
import { defaultSchema } from '../../server/src/core/schema/default-schema';

/** Cases per property: a quick run by default, the full 100,000 when CI asks (FRAGMENT_PROPERTY_RUNS). */
const runs = Number(process.env.FRAGMENT_PROPERTY_RUNS ?? 300);

/** What Windows refuses or changes in a file name (learn.microsoft.com, "Naming Files, Paths, and Namespaces"). */
function windowsProblem(name: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what Windows refuses
  if (/[<>:"/\\|?*\u0000-\u001f]/.test(name)) return 'a character Windows refuses';
  if (/[. ]$/.test(name)) return 'a trailing dot or space, which Windows drops';
  if (/^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.|$| )/i.test(name)) return 'a device name';
  if (name === '') return 'no name';
  return undefined;
}

describe('file names made by import work on Windows, on every platform', () => {
  it('gives a device name a _ after the word, whatever its case and extension', () => {
    for (const [name, safe] of [
      ['CON', 'CON_'],
      ['con.txt', 'con_.txt'],
      ['Aux.TXT', 'Aux_.TXT'],
      ['nul .txt', 'nul_ .txt'],
      ['PRN.tar.gz', 'PRN_.tar.gz'],
      ['COM1.txt', 'COM1_.txt'],
      ['com9', 'com9_'],
      ['LPT1.fragment', 'LPT1_.fragment'],
      ['lpt9.txt', 'lpt9_.txt'],
      ['COM¹.txt', 'COM¹_.txt'],
      ['CONIN$.txt', 'CONIN$_.txt'],
      ['con.', 'con_'],
    ])
      assert.equal(windowsSafeName(name as string), safe, name);
    for (const name of ['CONSOLE.txt', 'com10.txt', 'LPT.txt', 'icon.txt', 'row_1.txt', 'NULL', 'con_.txt'])
      assert.equal(windowsSafeName(name), name, `${name} is no device name`);
  });

  it('names rows safely: device names, trailing dots and spaces, < > : " / \\ | ? * and control characters', () => {
    assert.equal(fileNameFor('{id}.txt', 1, 'CON'), 'CON_.txt');
    assert.equal(fileNameFor('{id}', 2, 'lpt3'), 'lpt3_');
    assert.equal(fileNameFor('{id}', 3, 'aux. '), 'aux_');
    assert.equal(fileNameFor('{id}', 4, 'CIV021.'), 'CIV021');
    assert.equal(fileNameFor('{id}.txt', 5, 'SCC-<redacted>/CIV:021|"x"?*\u0007'), 'SCC-_redacted__CIV_021__x____.txt');
    assert.equal(fileNameFor('row_{id}.txt', 6, 'CON'), 'row_CON.txt', 'only the whole name can be a device name');
    assert.equal(fileNameFor('{n}.txt', 7, 'CON'), '7.txt');
  });

  it('every name it makes is one Windows takes as it is (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('{id}', '{id}.txt', '{id}-{n}.fragment', 'row_{n}.txt'), (id, pattern) => {
        const name = fileNameFor(pattern, 3, id);
        assert.equal(windowsProblem(name), undefined, `${JSON.stringify(id)} with ${pattern} gives ${JSON.stringify(name)}`);
      }),
      { numRuns: runs },
    );
    fc.assert(
      fc.property(fc.constantFrom('con', 'PRN', 'Aux', 'nul', 'COM4', 'lpt7'), fc.constantFrom('', '.txt', '.TXT', ' ', '.', '.a.b'), (word, tail) => {
        assert.equal(windowsProblem(fileNameFor('{id}', 1, `${word}${tail}`)), undefined);
      }),
      { numRuns: Math.min(runs, 100) },
    );
  });

  it('a name made safe never lands on another row’s: it takes its row number, the same on every run and system', () => {
    const rows = [['FragmentID'], ['a:b'], ['a_b'], ['CON'], ['con_'], ['a|b'], ['A_B_row5']];
    const names = () => importSheet({ name: 'S', rows }, defaultSchema, '{id}.txt').fragments.map((fragment) => fragment.fileName);
    assert.deepEqual(names(), ['a_b_row1.txt', 'a_b.txt', 'CON__row3.txt', 'con_.txt', 'a_b_row5_2.txt', 'A_B_row5.txt']);
    assert.deepEqual(names(), names(), 'deterministic');
    const lower = names().map((name) => name.toLowerCase());
    assert.equal(new Set(lower).size, lower.length, 'no two names the same, whatever the case');
    const imported = importSheet({ name: 'S', rows }, defaultSchema, '{id}.txt').fragments[2];
    assert.match(imported?.text ?? '', /^\*\*FragmentID\*\*: CON\n/, 'the FragmentID inside stays as written');
    assert.deepEqual(
      distinctFileNames([
        { rowNumber: 1, name: 'x.txt', madeSafe: true },
        { rowNumber: 2, name: 'X.txt', madeSafe: true },
      ]),
      ['x.txt', 'X_row2.txt'],
    );
  });
});
