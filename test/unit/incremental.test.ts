import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { diagnosticsJson } from '../../server/src/core/features/diagnostics-json';
import { createFragmentService } from '../../server/src/core/service';
import { ChunkedText } from '../../server/src/core/text/chunked-text';
import { chunkCutter, splitIntoChunks } from '../../server/src/core/text/chunks';
import { FragmentDocument } from '../../server/src/lsp/fragment-document';
import { repositoryRoot } from './helpers';

/** Cases per property: a quick run by default, the full 100,000 when CI asks (FRAGMENT_PROPERTY_RUNS). */
const runs = Number(process.env.FRAGMENT_PROPERTY_RUNS ?? 300);
/** Each case of the second property checks a harvest file in full after every edit: a fiftieth as many (2,000 in CI, about 35 s). */
const checkRuns = Math.max(100, Math.ceil(runs / 50));

const exampleFolder = join(repositoryRoot, 'example');
const examples = readdirSync(exampleFolder)
  .filter((name) => name.endsWith('.txt') || name.endsWith('.fragment'))
  .map((name) => readFileSync(join(exampleFolder, name), 'utf8'));
/** The example files one after another between separators, as a harvest file holds them; and with CRLF. */
const harvest = examples.map((text) => text.trimEnd()).join('\n---\n');
const files = [harvest, `${harvest}\n`, harvest.replace(/\n/g, '\r\n'), examples[0] as string];

/** Text an editor inserts: keystrokes, pasted lines, separators, ID lines, line breaks of every kind. */
const inserted = fc.oneof(
  fc.constantFrom('', 'a', ' ', '\n', '\r\n', '\r', '---', '\n---\n', '---\n', '**FragmentID**: X/CIV9', '\n**FragmentID**: SCC-1/CIV7\n', '**', ':', '*'),
  fc.constantFrom(...examples.flatMap((text) => text.split('\n').slice(0, 12))).map((line) => `${line}\n`),
  fc.string({ maxLength: 6 }),
);

/** A change at any place (file start and end, line ends, separators included), in any direction, sometimes past the end. */
const change = (lineCount: number) =>
  fc
    .record({
      start: fc.record({ line: fc.integer({ min: -1, max: lineCount + 1 }), character: fc.integer({ min: -1, max: 90 }) }),
      end: fc.record({ line: fc.integer({ min: -1, max: lineCount + 1 }), character: fc.integer({ min: -1, max: 90 }) }),
      text: inserted,
    })
    .map(({ start, end, text }) => ({ range: { start, end }, text }));

/** Places that matter most: where a separator line or an ID line is, and the ends of the file. */
function landmarks(text: string): number[] {
  const lines = text.split(/\r\n|\r|\n/);
  return [0, lines.length - 1, ...lines.flatMap((line, index) => (line === '---' || line.startsWith('**FragmentID**') ? [index - 1, index, index + 1] : []))];
}

const landmarkChange = (text: string) =>
  fc
    .tuple(fc.constantFrom(...landmarks(text)), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), inserted)
    .map(([line, lines, startCharacter, endCharacter, text]) => ({
      range: { start: { line, character: startCharacter }, end: { line: line + lines, character: endCharacter } },
      text,
    }));

/**
 * The change as an editor sends it to the document as it now is: on its lines (TextDocument
 * itself corrupts its line table on a line past the end), a character past a line's end allowed.
 */
function onLines(edit: { range: Range; text: string }, lineCount: number): { range: Range; text: string } {
  const clamp = (position: Position) => ({ line: Math.min(position.line, lineCount - 1), character: position.character });
  return { range: { start: clamp(edit.range.start), end: clamp(edit.range.end) }, text: edit.text };
}

describe('an open document checked edit by edit gives what a full check gives', () => {
  it('keeps the text TextDocument keeps, and the chunks a fresh cut gives', () => {
    const cutter = chunkCutter(createFragmentService().index);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...files)
          .chain((text) =>
            fc.tuple(fc.constant(text), fc.array(fc.oneof(change(text.split('\n').length), landmarkChange(text)), { minLength: 1, maxLength: 8 })),
          ),
        ([text, changes]) => {
          const reference = TextDocument.create('file:///a.fragment', 'fragment', 1, text);
          const chunked = new ChunkedText(text, cutter);
          for (const generated of changes) {
            const edit = onLines(generated, reference.lineCount);
            TextDocument.update(reference, [edit], reference.version + 1);
            chunked.update([edit]);
            assert.equal(chunked.length, reference.getText().length);
            assert.deepEqual(
              chunked.chunks.map((chunk) => ({ ...chunk })),
              cutter.split(reference.getText()),
            );
          }
          assert.equal(chunked.text, reference.getText());
        },
      ),
      { numRuns: runs },
    );
  });

  it('reports the diagnostics, IDs and fragments of a full check, and their JSON', () => {
    const incremental = createFragmentService({ currentYear: () => 2026 });
    const full = createFragmentService({ currentYear: () => 2026, reuseChunks: false });
    const cutter = chunkCutter(incremental.index);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...files)
          .chain((text) =>
            fc.tuple(fc.constant(text), fc.array(fc.oneof(change(text.split('\n').length), landmarkChange(text)), { minLength: 1, maxLength: 6 })),
          ),
        ([text, changes]) => {
          const uri = 'file:///harvest.fragment';
          const document = FragmentDocument.configuration.create(uri, 'fragment', 1, text);
          incremental.forget(uri);
          incremental.analyze(document.source(cutter), uri);
          for (const [position, generated] of changes.entries()) {
            const edit = onLines(generated, document.getText().split(/\r\n|\r|\n/).length);
            FragmentDocument.configuration.update(document, [edit], position + 2);
            const checked = incremental.analyze(document.source(cutter), uri);
            const reference = full.analyze(document.getText(), uri);
            assert.equal(checked.text, reference.text);
            assert.deepEqual(checked.diagnostics, reference.diagnostics);
            assert.deepEqual(checked.ids, reference.ids);
            assert.deepEqual(checked.fragments, reference.fragments);
            assert.equal(checked.diagnosticsJson, JSON.stringify(reference.diagnostics));
            assert.equal(`[${checked.diagnosticsJsonPieces.join(',')}]`, JSON.stringify(reference.diagnostics));
            assert.equal(diagnosticsJson(checked.diagnostics), JSON.stringify(reference.diagnostics));
          }
        },
      ),
      { numRuns: checkRuns },
    );
  });

  it('cuts again when the schema changes', () => {
    const document = FragmentDocument.configuration.create('file:///a.fragment', 'fragment', 1, harvest);
    const first = createFragmentService();
    const second = createFragmentService({ schema: { ...first.schema, idField: 'Year' } });
    assert.deepEqual(document.source(chunkCutter(first.index)).chunks, splitIntoChunks(harvest, first.index));
    assert.deepEqual(document.source(chunkCutter(second.index)).chunks, splitIntoChunks(harvest, second.index));
  });

  it("keeps an analysis's text when the document changes after it", () => {
    const service = createFragmentService();
    const document = FragmentDocument.configuration.create('file:///a.fragment', 'fragment', 1, harvest);
    const analysis = service.analyze(document.source(chunkCutter(service.index)), document.uri);
    FragmentDocument.configuration.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 2);
    assert.equal(analysis.text, harvest);
    assert.equal(document.getText(), `x${harvest}`);
  });
});
