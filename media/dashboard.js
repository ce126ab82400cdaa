// The Harvest Dashboard's script, bundled with the chart types it uses (scripts/build.mjs) and
// loaded with the page's nonce. It draws each chart from the data table beside it (labels are
// drawn as text on a canvas, never parsed as HTML), swaps in HTML rendered and escaped by the
// extension, follows the theme, and sends clicks back to the extension.
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip);

(() => {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('dashboard');
  const charts = [];

  /** The theme's colours, from the variables VS Code sets on the page. */
  function colours() {
    const style = getComputedStyle(document.body);
    const variable = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
    return {
      foreground: variable('--vscode-charts-foreground', variable('--vscode-foreground', '#616161')),
      lines: variable('--vscode-charts-lines', 'rgba(128, 128, 128, 0.4)'),
      bar: variable('--vscode-charts-blue', '#3794ff'),
      border: highContrast ? variable('--vscode-contrastBorder', '#6fc3df') : 'transparent',
      tones: {
        good: variable('--vscode-charts-green', '#89d185'),
        doubtful: variable('--vscode-charts-yellow', '#cca700'),
        missing: variable('--vscode-charts-red', '#f14c4c'),
      },
      font: variable('--vscode-font-family', 'sans-serif'),
    };
  }

  function rowsOf(table) {
    return [...table.querySelectorAll('tbody tr')].map((row) => ({
      label: row.querySelector('th')?.textContent ?? '',
      count: Number(row.dataset.count),
      tone: row.dataset.tone,
    }));
  }

  /** A long category label cut short on the axis (the table beside the chart has it whole). */
  function shortLabel(value) {
    const label = String(this.getLabelForValue(value));
    return label.length > 30 ? `${label.slice(0, 29)}…` : label;
  }

  function drawCharts() {
    for (const chart of charts.splice(0)) chart.destroy();
    const theme = colours();
    Chart.defaults.color = theme.foreground;
    Chart.defaults.borderColor = theme.lines;
    Chart.defaults.font.family = theme.font;
    for (const canvas of main.querySelectorAll('canvas[data-chart]')) {
      const id = canvas.dataset.table;
      const table = main.querySelector(`table[data-table="${CSS.escape(id)}"]`);
      if (!table) continue;
      const rows = rowsOf(table);
      const kind = canvas.dataset.chart;
      const select = (_event, elements) => {
        const element = elements[0];
        if (element) vscode.postMessage({ type: 'select', table: id, row: element.index });
      };
      const dataset = {
        data: rows.map((row) => row.count),
        // A colour that means something (evidence) follows the row's meaning, not its place.
        backgroundColor: rows.map((row) => theme.tones[row.tone] ?? theme.bar),
        borderColor: kind === 'doughnut' ? theme.lines : theme.border,
        borderWidth: kind === 'doughnut' ? 1 : 1,
      };
      charts.push(
        new Chart(canvas, {
          type: kind === 'doughnut' ? 'doughnut' : 'bar',
          data: { labels: rows.map((row) => row.label), datasets: [dataset] },
          options: {
            indexAxis: kind === 'bar' ? 'y' : 'x',
            maintainAspectRatio: false,
            layout: { padding: { left: 6 } },
            animation: false,
            onClick: select,
            onHover: (event, elements) => {
              if (event.native?.target) event.native.target.classList.toggle('pointer', elements.length > 0);
            },
            plugins: { legend: { display: false }, tooltip: { enabled: true } },
            ...(kind === 'doughnut'
              ? {}
              : {
                  scales: {
                    x: { ticks: { precision: 0, ...(kind === 'column' ? { callback: shortLabel } : {}) } },
                    y: { ticks: { precision: 0, ...(kind === 'bar' ? { callback: shortLabel } : {}) } },
                  },
                }),
          },
        }),
      );
    }
  }

  function report() {
    const totals = {};
    for (const element of main.querySelectorAll('[data-total]')) totals[element.dataset.total] = Number(element.textContent);
    const tables = {};
    for (const table of main.querySelectorAll('table[data-table]')) {
      if (table.dataset.table === 'matrix') {
        tables.matrix = [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent)));
      } else tables[table.dataset.table] = rowsOf(table).map((row) => [row.label, row.count]);
    }
    vscode.postMessage({ type: 'rendered', totals, tables, charts: charts.length, text: main.textContent });
  }

  function render() {
    drawCharts();
    report();
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'update') {
      const scroll = window.scrollY;
      main.innerHTML = message.html;
      window.scrollTo(0, scroll);
      render();
    } else if (message.type === 'selection') {
      const selection = main.querySelector('#selection');
      if (!selection) return;
      selection.innerHTML = message.html;
      selection.hidden = false;
      selection.scrollIntoView({ block: 'nearest' });
      selection.querySelector('button.fragment-link')?.focus();
      vscode.postMessage({ type: 'selection-shown', items: selection.querySelectorAll('li').length });
    } else if (message.type === 'copied') {
      const button = main.querySelector(`button[data-action="copy"][data-table="${CSS.escape(String(message.table))}"]`);
      if (!button) return;
      button.textContent = main.dataset.copied ?? 'Copied';
      setTimeout(() => {
        button.textContent = main.dataset.copy ?? 'Copy as Markdown table';
      }, 1500);
    }
  });

  main.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!target) return;
    event.preventDefault();
    const { action } = target.dataset;
    if (action === 'select') {
      const column = target.dataset.column;
      vscode.postMessage({
        type: 'select',
        table: target.dataset.table,
        row: Number(target.dataset.row),
        ...(column === undefined ? {} : { column: Number(column) }),
      });
    } else if (action === 'open') vscode.postMessage({ type: 'open', fragment: Number(target.dataset.fragment) });
    else if (action === 'copy') vscode.postMessage({ type: 'copy', table: target.dataset.table });
    else if (action === 'close-selection') {
      const selection = main.querySelector('#selection');
      if (selection) selection.hidden = true;
    }
  });

  // VS Code changes the body's classes and variables when the theme changes: redraw in its colours.
  new MutationObserver(() => drawCharts()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  render();
  vscode.postMessage({ type: 'ready' });
})();
