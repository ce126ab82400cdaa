import type { RowTone, SummaryTable } from './summary-tables';

/**
 * A summary table's chart as a Vega-Lite specification: plain data, drawn to a picture by the
 * report layer (server/src/report/report-charts.ts). The data are inline values only, so that a
 * chart names nothing to load; labels are data, never expressions. Colours print well in black
 * and white too (one dark blue; for evidence green, amber and red of different lightness).
 */
export interface ChartSpec {
  readonly [key: string]: unknown;
}

/** The charts' font: shipped with the report (DejaVu Sans), so a picture looks the same everywhere. */
export const CHART_FONT = 'DejaVu Sans';
/** A chart draws at most this many rows (the table has them all); a page holds no more legibly. */
export const CHART_ROWS = 30;
/** Room for a category's label, in pixels; a longer one is cut with an ellipsis. */
const LABEL_WIDTH = 190;
const BAR_COLOUR = '#2b5c8a';
const TONE_COLOURS: Record<RowTone, string> = { good: '#3a7d44', doubtful: '#d9a21b', missing: '#b83a3a' };

export function chartSpec(table: SummaryTable): ChartSpec {
  const rows = table.rows.slice(0, CHART_ROWS);
  const values = rows.map((row) => ({ label: row.label, count: row.count }));
  const config = {
    font: CHART_FONT,
    background: 'white',
    padding: 8,
    view: { stroke: null },
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      labelColor: '#333333',
      titleColor: '#333333',
      gridColor: '#e3e3e3',
      domainColor: '#888888',
      tickColor: '#888888',
    },
    legend: { labelFontSize: 11, labelLimit: LABEL_WIDTH, labelColor: '#333333' },
  };
  const data = { values };
  const count = { field: 'count', type: 'quantitative', title: table.columns[1] ?? '', axis: { tickMinStep: 1, format: 'd' } };
  const label = { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: LABEL_WIDTH } };
  const countText = { mark: { type: 'text', fontSize: 10, color: '#333333' }, encoding: { text: { field: 'count', type: 'quantitative' } } };
  switch (table.chart) {
    case 'doughnut':
      return {
        config,
        data,
        width: 220,
        height: 220,
        mark: { type: 'arc', innerRadius: 55, stroke: 'white' },
        encoding: {
          theta: { field: 'count', type: 'quantitative', stack: true },
          color: {
            field: 'label',
            type: 'nominal',
            sort: null,
            title: null,
            scale: { domain: rows.map((row) => row.label), range: rows.map((row) => (row.tone ? TONE_COLOURS[row.tone] : BAR_COLOUR)) },
          },
        },
      };
    case 'column':
      return {
        config,
        data,
        width: { step: Math.max(24, Math.min(60, Math.floor(480 / Math.max(values.length, 1)))) },
        height: 220,
        encoding: { x: { ...label, axis: { labelLimit: 80, labelAngle: values.length > 8 ? -45 : 0 } }, y: count },
        layer: [{ mark: { type: 'bar', color: BAR_COLOUR } }, { ...countText, mark: { ...countText.mark, dy: -7 } }],
      };
    default:
      return {
        config,
        data,
        width: 340,
        height: { step: 20 },
        encoding: { y: label, x: count },
        layer: [{ mark: { type: 'bar', color: BAR_COLOUR } }, { ...countText, mark: { ...countText.mark, align: 'left', dx: 3 } }],
      };
  }
}
