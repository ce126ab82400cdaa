import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixesOf } from '../../server/src/core/features/code-actions';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { REDACTION, regenerateMergedStory } from '../../server/src/core/story/merged-story';
import { editDistance } from '../../server/src/core/text/near';
import { analyze, editStaysOnLines, lineLengths, readExample, service } from './helpers';

/** Cases per property: a quick run by default, the full 100,000 when CI asks (FRAGMENT_PROPERTY_RUNS). */
const runs = Number(process.env.FRAGMENT_PROPERTY_RUNS ?? 300);

const example = readExample();
const exampleLines = example.split('\n');
const keys = defaultSchema.fields.map((field) => field.key);

/** Lines a fragment file is made of, and the slips people and spreadsheets make. */
const line = fc.oneof(
  fc.constantFrom(...exampleLines),
  fc.tuple(fc.constantFrom(...keys, 'coutnry', 'rating significance', 'FragmentId', ''), fc.string()).map(([key, value]) => `**${key}**: ${value}`),
  fc.tuple(fc.constantFrom(...keys), fc.string()).map(([key, value]) => `${key}: ${value}`),
  fc.constantFrom('---', '', '*', '**', ':', '**:', '** **: x', '\u0000', '\uD83D\uDE00', '\uD800', '\t', '<redacted>', '**Year*: 2024', '**Year** 2024'),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
/** Any text built from those lines, with mixed line breaks. */
const fragmentFile = fc.array(fc.tuple(line, lineBreak), { maxLength: 40 }).map((pairs) => pairs.map(([text, eol]) => text + eol).join(''));

/** The example with lines deleted, doubled, swapped or cut short. */
const mutatedExample = fc
  .array(fc.tuple(fc.nat(exampleLines.length - 1), fc.constantFrom('delete', 'double', 'swap', 'truncate', 'star', 'colon')), { maxLength: 6 })
  .map((mutations) => {
    const lines = [...exampleLines];
    for (const [at, kind] of mutations) {
      const index = at % Math.max(1, lines.length);
      const text = lines[index] ?? '';
      if (kind === 'delete') lines.splice(index, 1);
      else if (kind === 'double') lines.splice(index, 0, text);
      else if (kind === 'swap' && index + 1 < lines.length) [lines[index], lines[index + 1]] = [lines[index + 1] as string, text];
      else if (kind === 'truncate') lines[index] = text.slice(0, Math.floor(text.length / 2));
      else if (kind === 'star') lines[index] = `*${text}`;
      else if (kind === 'colon') lines[index] = text.replace('**:', '**');
    }
    return lines.join('\n');
  });

/** Random bytes read as UTF-8, as a file of unknown encoding would be. */
const decodedBytes = fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder().decode(bytes));

const anyText = fc.oneof(fragmentFile, mutatedExample, fc.string({ unit: 'binary' }), decodedBytes);

describe('properties of the core, on arbitrary text', () => {
  it('checking never throws, and every diagnostic lies inside the document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const lengths = lineLengths(text);
        for (const diagnostic of analyze(text).diagnostics) {
          for (const position of [diagnostic.range.start, diagnostic.range.end]) {
            assert.ok(position.line >= 0 && position.line < lengths.length, `line ${position.line} of ${lengths.length}`);
            assert.ok(position.character >= 0 && position.character <= (lengths[position.line] as number), `character ${position.character}`);
          }
        }
      }),
      { numRuns: runs },
    );
  });

  it('fix-all applied twice changes nothing the second time', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = service.fixAll(text, 'file:///x');
        assert.equal(service.fixAll(once, 'file:///x'), once);
      }),
      { numRuns: runs },
    );
  });

  it('a fix changes no line outside the field it is about (insertions add whole lines)', () => {
    fc.assert(
      fc.property(mutatedExample, (text) => {
        const analysis = analyze(text);
        const fields = analysis.file.fragments.flatMap((fragment) => fragment.fields);
        for (const diagnostic of analysis.diagnostics) {
          const field = fields.find((candidate) => candidate.line <= diagnostic.range.start.line && diagnostic.range.start.line <= candidate.endLine);
          for (const fix of fixesOf(diagnostic, analysis.context)) {
            for (const edit of fix.edits) {
              if (diagnostic.code === 'missing-field') {
                assert.deepEqual(edit.range.start, edit.range.end, 'an insertion');
                continue;
              }
              assert.ok(field, `${diagnostic.code} is about a field`);
              assert.ok(editStaysOnLines(edit.range, field.line, field.endLine, lineLengths(text)), `${diagnostic.code}: "${fix.title}"`);
            }
          }
        }
      }),
      { numRuns: Math.max(1, Math.floor(runs / 3)) },
    );
  });
});

/** The words a stored story hides: what its marks cover when matched against the computed story. */
function hiddenWords(stored: string, computed: string): string[] {
  const pieces = stored.split(REDACTION);
  const hidden: string[] = [];
  let position = (pieces[0] as string).length;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    const found = i === pieces.length - 1 ? computed.length - piece.length : computed.indexOf(piece, position + 1);
    hidden.push(...computed.slice(position, found).split(/\s+/).filter(Boolean));
    position = found + piece.length;
  }
  return hidden;
}

describe('regenerating the merged story', () => {
  const words = fc.array(fc.constantFrom('the', 'council', 'met', 'Ali', 'in', 'Goma', 'on', 'May', 'defenders', 'trained', 'report'), {
    minLength: 3,
    maxLength: 40,
  });

  it('never hides fewer words than before when visible words change', () => {
    fc.assert(
      fc.property(words, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), fc.array(fc.nat(60), { maxLength: 5 }), (story, hide, insertions) => {
        // A stored story: the computed one with some words hidden, one mark per word.
        const stored = story.map((word, index) => (hide[index] ? REDACTION : word)).join(' ');
        const before = hiddenWords(stored, story.join(' ')).length;
        // The writer adds words between the visible ones.
        const changed: string[] = [...story];
        for (const at of insertions) {
          const index = at % (changed.length + 1);
          if (index < changed.length && hide[index]) continue;
          changed.splice(index, 0, 'newly');
        }
        const regenerated = regenerateMergedStory(stored, changed.join(' '));
        assert.ok(hiddenWords(regenerated, changed.join(' ')).length >= before, `${stored} -> ${regenerated}`);
      }),
      { numRuns: runs },
    );
  });
});

/** Optimal string alignment distance by the whole table: the plain definition the fast one must agree with. */
function referenceDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] as number[];
      const above = table[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((table[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (table[a.length] as number[])[b.length] as number;
}

describe('editDistance', () => {
  it('is the optimal string alignment distance, or max + 1 beyond max', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const distance = referenceDistance(a, b);
        assert.equal(editDistance(a, b, max), distance > max ? max + 1 : distance);
      }),
      { numRuns: runs * 10 },
    );
  });
});
