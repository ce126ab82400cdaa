// The identifier check's reading of words (FORMAT.md §8): the scanner reads the words the pattern
// of letters, marks and inner joiners does, and leaving out the small words no finder reads
// (`SmallWords`) changes no finding; the pieces a text is cut into are where its pattern's matches say.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type CompiledAnonymisation, compileAnonymisation } from '../../server/src/core/anonymisation/compiled';
import { findIdentifiers, identifiersOfTexts } from '../../server/src/core/anonymisation/identifiers';
import { piecesOf } from '../../server/src/core/anonymisation/sentences';
import { type KeptWord, SmallWords } from '../../server/src/core/anonymisation/small-words';
import { tokensOf } from '../../server/src/core/anonymisation/tokens';
import { defaultAnonymisation } from '../../server/src/core/schema/anonymisation-defaults';
import { fixturesFolder } from './helpers';

/** Cases per property: a quick run by default, the full 100,000 when CI asks (FRAGMENT_PROPERTY_RUNS). */
const runs = Number(process.env.FRAGMENT_PROPERTY_RUNS ?? 300);

describe('tokensOf', () => {
  /** The words as the finders were first written against them. */
  const WORDS = /[\p{L}\p{M}]+(?:['’\-‑][\p{L}\p{M}]+)*/gu;
  it('reads the same words, where they stand, as the pattern of letters, marks and inner joiners', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'Z', 'é', 'É', '\u0301', "'", '’', '-', '‑', ' ', '.', 's', 'ß', 'ǅ', '1', '\u00a0', '𝒜', '\uD835', '\uDC9C', 'ا', '中', 'd', 'L'),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const expected = [...text.matchAll(WORDS)].map((match) => [match.index, match.index + match[0].length]);
        // A split elided article (`d'Appel`) and a possessive (`SECHA's`) are the scanner's own: its words' outer bounds are compared.
        const words: number[][] = [];
        for (const token of tokensOf(text)) {
          const last = words[words.length - 1];
          const end = token.possessive ? token.end + 2 : token.end;
          if (last && last[1] === token.start && /^[dlDL]['’]$/.test(text.slice(last[0], last[1]))) last[1] = end;
          else words.push([token.start, end]);
        }
        assert.deepEqual(words, expected);
      }),
      { numRuns: runs * 10 },
    );
  });

  it('leaves out only the words of small letters that are not kept', () => {
    const kept = new SmallWords(['of', 'village', 'de']);
    const words = (text: string, small?: SmallWords) => tokensOf(text, small).map((token) => token.text);
    assert.deepEqual(words("the village of Kasenyi and sub-county Beni's école d'Uvira eBay", kept), [
      'village',
      'of',
      'Kasenyi',
      'sub-county',
      'Beni',
      'école',
      "d'",
      'Uvira',
      'eBay',
    ]);
    assert.equal(words('the village of Kasenyi').length, 4);
  });
});

/** Every small word kept, each as any other token (no kinds told): the tokens as they were before any was left out. */
class EveryWord extends SmallWords {
  override wordAt(text: string, start: number, end: number): KeptWord {
    return { word: text.slice(start, end), kinds: 0 };
  }
}

describe('the small words the finders read', () => {
  const settings = compileAnonymisation(defaultAnonymisation);
  const everyWord: CompiledAnonymisation = { ...settings, smallWords: () => new EveryWord([]) };
  const labelled = ['tuning.json', 'held-out.json'].flatMap((name) =>
    (
      JSON.parse(readFileSync(join(fixturesFolder, 'anonymisation', name), 'utf8')) as { fragments: Array<{ fields: Record<string, string> }> }
    ).fragments.flatMap((fragment) => Object.values(fragment.fields)),
  );
  const words = labelled.join(' ').split(/\s+/);
  /** Runs of the labelled texts' words, as written, in small letters or each capitalised, joined by one space or two. */
  const text = fc
    .tuple(fc.nat(words.length - 1), fc.integer({ min: 1, max: 30 }), fc.constantFrom('as written', 'small', 'capitalised'), fc.constantFrom(' ', '  '))
    .map(([at, count, letters, blank]) => {
      const run = words.slice(at, at + count).join(blank);
      if (letters === 'small') return run.toLowerCase();
      return letters === 'capitalised' ? run.replace(/(?<![\p{L}])\p{Ll}/gu, (letter) => letter.toUpperCase()) : run;
    });

  /** A text for each kind of small word read: a role, a particle, a title, a connector, a cue, a preposition, an apposition. */
  const readers = [
    'the journalist Zzyx Qwerty wrote it',
    'Rasha al Ahmad and Almoustapha ag Elkhassim spoke',
    'le pasteur Zzyx Qwerty a prié',
    'the Ministry of Justice of Goma, the Foundation for Kitenge Mwamba',
    'the village of Kasenyi and the quartier de Majengo',
    'they travelled to Adama and to Aalma ech Chaab',
    'Diré, petite ville sur le fleuve',
  ];

  it('are all the finders need: leaving the others out changes no finding', () => {
    for (const field of [...readers, ...labelled]) assert.deepEqual(findIdentifiers(field, settings, 'CD'), findIdentifiers(field, everyWord, 'CD'));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.constantFrom('CD', 'UG', undefined), (texts, country) => {
        assert.deepEqual(identifiersOfTexts(texts, settings, country), identifiersOfTexts(texts, everyWord, country));
      }),
      // Each case reads its texts twice through every finder: a tenth of the count.
      { numRuns: Math.max(300, runs / 10) },
    );
  });
});

describe('piecesOf', () => {
  /** Where each cut's blanks start and whether a mark stands before them, from the pattern's match itself. */
  function cutsByMatch(text: string): Array<[number, boolean]> {
    return [...text.matchAll(/[.!?][ \t]+| {2,}/g)].map((match) => {
      const mark = match[0][0] !== ' ';
      return [mark ? match.index + 1 : match.index, mark];
    });
  }

  it('cuts after a sentence and between the merged story’s parts, not after a title', () => {
    const texts = (text: string) => piecesOf(text).map((piece) => piece.text);
    assert.deepEqual(texts('Goma. The office.\t Then  Significance description: Mrs. Rose came'), [
      'Goma.',
      'The office.',
      'Then',
      'Significance description: Mrs. Rose came',
    ]);
    assert.deepEqual(texts('a  \t  b'), ['a  \t  b']);
    assert.deepEqual(
      piecesOf('one.  Two').map((piece) => piece.start),
      [0, 6],
    );
  });

  it('each piece starts where a cut of the pattern ends, and ends where its blanks start', () => {
    const unit = fc.constantFrom('a', 'B', '.', '!', '?', ' ', '\t', 'Mr', 'Dr.', ')', '"', '<', '\u00a0', 'é', 'É', '1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        const pieces = piecesOf(text);
        const cuts = cutsByMatch(text);
        for (const piece of pieces.slice(0, -1)) {
          const end = piece.start + piece.text.length;
          assert.ok(
            cuts.some(([blanks]) => blanks === end),
            `a piece of ${JSON.stringify(text)} ends at ${end}, where no cut's blanks start`,
          );
        }
        for (const piece of pieces) assert.equal(text.slice(piece.start, piece.start + piece.text.length), piece.text);
      }),
      { numRuns: runs },
    );
  });
});
