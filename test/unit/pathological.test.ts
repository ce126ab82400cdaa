import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFragmentService } from '../../server/src/core/service';
import { isUpToDate, REDACTION, regenerateMergedStory } from '../../server/src/core/story/merged-story';
import { readExample } from './helpers';

/**
 * Inputs that make naive parsers and matchers slow. Each must finish (the test runner's timeout
 * bounds them); how long each took is printed as a test diagnostic, not asserted.
 */
const bound = { timeout: 60_000 };
const service = createFragmentService({ currentYear: () => 2026, reuseChunks: false, maxSize: 50_000_000 });

function timed<T>(report: (message: string) => void, what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  report(`${what}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

describe('pathological input finishes in bounded time', () => {
  it('a 1 MB line of `*`', bound, (t) => {
    const text = '*'.repeat(1_000_000);
    const { diagnostics } = timed(t.diagnostic.bind(t), 'check', () => service.analyze(text, 'x'));
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['text-outside-field'],
    );
  });

  it('100,000 `**a**:` lines', bound, (t) => {
    const text = '**a**:\n'.repeat(100_000);
    const { diagnostics } = timed(t.diagnostic.bind(t), 'check', () => service.analyze(text, 'x'));
    assert.ok(diagnostics.length >= 100_000);
  });

  it('a 10 MB file of fragments', bound, (t) => {
    const example = readExample();
    const text = Array.from({ length: Math.ceil(10_000_000 / example.length) }, (_, index) => example.replace('CIV021', `CIV${index}`)).join('---\n');
    assert.ok(text.length > 10_000_000);
    const { diagnostics } = timed(t.diagnostic.bind(t), 'check', () => service.analyze(text, 'x'));
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'unknown-field'));
  });

  it('a piece between marks that nearly matches everywhere', bound, (t) => {
    // `aaa…ab` against `aaa…a`: a naive search compares the piece at every place, quadratic.
    const stored = `x ${REDACTION} ${'a'.repeat(50_000)}b ${REDACTION} y`;
    const computed = `x hidden ${'a'.repeat(2_000_000)} y`;
    assert.equal(
      timed(t.diagnostic.bind(t), 'up-to-date check', () => isUpToDate(stored, computed)),
      false,
    );
  });

  it('5,000 `<redacted>` marks in one merged story', bound, (t) => {
    const computed = Array.from({ length: 5000 }, (_, index) => `hidden${index} shown${index}`).join(' ');
    const stored = Array.from({ length: 5000 }, (_, index) => `${REDACTION} shown${index}`).join(' ');
    assert.ok(timed(t.diagnostic.bind(t), 'up-to-date check', () => isUpToDate(stored, computed)));
    const changed = computed.replace('shown2500', 'shown2500 and more');
    const regenerated = timed(t.diagnostic.bind(t), 'regeneration', () => regenerateMergedStory(stored, changed));
    assert.ok(isUpToDate(regenerated, changed));
    assert.ok(regenerated.split(REDACTION).length - 1 >= 4999, 'the marks stay');
  });
});

describe('the size limit', () => {
  it('above it, one information diagnostic and no check', () => {
    const small = createFragmentService({ maxSize: 1000 });
    const { diagnostics } = small.analyze(readExample(), 'x');
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line]),
      [['file-too-large', 3, 0]],
    );
    assert.match(diagnostics[0]?.message ?? '', /outcomeFragments\.maxFileSize/);
  });

  it('is 5 MB by default', () => {
    const text = `${readExample()}${'x'.repeat(5_000_000)}`;
    assert.deepEqual(
      createFragmentService()
        .analyze(text, 'x')
        .diagnostics.map((diagnostic) => diagnostic.code),
      ['file-too-large'],
    );
  });
});
