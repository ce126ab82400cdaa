// The report's charts (FORMAT.md §10): Vega-Lite specifications of the summary tables, drawn to
// PNG without a browser (Vega's SVG, resvg's WebAssembly), loading nothing from anywhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHART_ROWS, chartSpec } from '../../server/src/core/report/chart-spec';
import type { SummaryTable } from '../../server/src/core/report/summary-tables';
import { chartResources } from '../../server/src/node/chart-resources';
import { chartSvg, refusingLoader, reportCharts } from '../../server/src/report/report-charts';
import { fixtureReport, HOSTILE } from './report-fixture';

const PNG_SIGNATURE = '89504e470d0a1a0a';

function table(chart: SummaryTable['chart'], labels: readonly string[], tones: ReadonlyArray<'good' | 'doubtful' | 'missing'> = []): SummaryTable {
  return {
    id: `test-${chart}`,
    title: 'Outcomes per test',
    chart,
    columns: ['Test', 'Outcomes'],
    rows: labels.map((label, index) => ({ label, count: labels.length - index, extra: [], fragments: [], ...(tones[index] ? { tone: tones[index] } : {}) })),
  };
}

/** Replaces globalThis.fetch for the length of `run`, counting its calls. */
async function countingFetches(run: () => Promise<unknown>): Promise<number> {
  const original = globalThis.fetch;
  let calls = 0;
  globalThis.fetch = (() => {
    calls++;
    return Promise.reject(new Error('no network'));
  }) as typeof fetch;
  try {
    await run().catch(() => undefined);
  } finally {
    globalThis.fetch = original;
  }
  return calls;
}

describe('the report’s chart specifications', () => {
  it('hold their data inline, the labels as data, at most CHART_ROWS rows', () => {
    const labels = Array.from({ length: CHART_ROWS + 12 }, (_, index) => `Place ${index}`);
    const spec = chartSpec(table('bar', labels));
    const text = JSON.stringify(spec);
    assert.doesNotMatch(text, /"url"|"expr"|"signal"/);
    assert.equal((spec.data as { values: unknown[] }).values.length, CHART_ROWS);
  });

  it('colour evidence by what a group means, not by its place', () => {
    // Only "empty" and "missing" have outcomes: the first colour is amber, not green.
    const spec = chartSpec(table('doughnut', ['Evidence empty', 'No evidence field'], ['doubtful', 'missing']));
    const colour = (spec.encoding as { color: { scale: { range: string[] } } }).color.scale.range;
    assert.deepEqual(colour, ['#d9a21b', '#b83a3a']);
  });
});

describe('the report’s charts as pictures', () => {
  it('draws every table of the report as a PNG, the size a page holds', async () => {
    const report = fixtureReport();
    const pictureOf = await reportCharts(report, chartResources());
    for (const summary of report.tables) {
      const picture = pictureOf(summary.id);
      assert.ok(picture, summary.id);
      assert.equal(Buffer.from(picture.png.subarray(0, 8)).toString('hex'), PNG_SIGNATURE, summary.id);
      assert.ok(picture.width > 100 && picture.width < 800 && picture.height > 40, `${summary.id}: ${picture.width}×${picture.height}`);
    }
  });

  it('draws hostile labels as text', async () => {
    const labels = [HOSTILE, '</text><script>alert(1)</script>', '&amp; <b>&#x41;', '"quoted" \'single\''];
    for (const chart of ['bar', 'column', 'doughnut'] as const) {
      const svg = await chartSvg(chartSpec(table(chart, labels)) as never);
      assert.doesNotMatch(svg, /<script|<b>/, chart);
      assert.match(svg, /&lt;\/text&gt;&lt;script&gt;/, chart);
    }
    const pictureOf = await reportCharts({ ...fixtureReport(), tables: [table('bar', labels)] }, chartResources());
    assert.ok(pictureOf('test-bar'));
  });

  it('never calls fetch, and its loader refuses what a specification could name', async () => {
    const report = fixtureReport();
    assert.equal(await countingFetches(() => reportCharts(report, chartResources())), 0);
    const remote = { data: { url: 'https://example.invalid/data.csv' }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' } } };
    assert.equal(await countingFetches(() => assert.rejects(chartSvg(remote as never), /a chart may not load https:\/\/example\.invalid/)), 0);
    for (const place of ['https://example.invalid/resvg.wasm', new URL('https://example.invalid/resvg.wasm')])
      assert.equal(await countingFetches(() => assert.rejects(reportCharts(report, { wasm: place as never, fonts: [] }), /the bytes of resvg\.wasm/)), 0);
    const refused: string[] = [];
    await assert.rejects(refusingLoader(refused).http('https://example.invalid/data.csv'), /may not fetch/);
    assert.equal(refused.length, 1);
  });
});
