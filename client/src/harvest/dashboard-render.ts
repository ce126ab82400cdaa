import * as l10n from '@vscode/l10n';
import { escapeHtml, withMarkup } from '../preview/render';
import { type WebviewPageOptions, webviewPage } from '../webview-page';
import type { DashboardModel, DashboardTable } from './dashboard-model';

/**
 * The dashboard's HTML. Pure (no `vscode`): every label is escaped; the charts are drawn by the
 * page's script from the tables (so each chart has its data table, and the script receives no
 * data the reader cannot see). No inline style and no inline script: the policy allows neither.
 */
export function renderDashboardBody(model: DashboardModel): string {
  const { totals } = model;
  if (totals.outcomes === 0) {
    return `<p class="empty">${withMarkup(
      (file) => l10n.t('No outcome fragments in this workspace yet (or none that its {0} includes).', file),
      '<code>.fragmentrc.json</code>',
    )}</p>`;
  }
  const total = (name: keyof DashboardModel['totals'], label: string, detail = '') =>
    `<div class="total"><dt>${escapeHtml(label)}</dt><dd data-total="${name}">${totals[name]}</dd>${detail === '' ? '' : `<dd class="detail">${escapeHtml(detail)}</dd>`}</div>`;
  const share = (part: number) => l10n.t('{0}%', Math.round((part / totals.outcomes) * 100));
  const parts = [
    `<dl class="totals">${[
      total('outcomes', l10n.t('Outcomes'), totals.files === 1 ? l10n.t('in 1 file') : l10n.t('in {0} files', totals.files)),
      total('withEvidence', l10n.t('With evidence'), share(totals.withEvidence)),
      total('withProblems', l10n.t('With problems'), share(totals.withProblems)),
      total('confidential', l10n.t('Confidential'), share(totals.confidential)),
      total('withIdentifiers', l10n.t('Possible identifiers'), share(totals.withIdentifiers)),
    ].join('')}</dl>`,
    '<section id="selection" class="selection" aria-live="polite" hidden></section>',
    '<div class="cards">',
  ];
  const [first, ...rest] = model.tables;
  if (first) parts.push(renderTable(first));
  if (model.matrix) parts.push(renderMatrix(model));
  parts.push(...rest.map(renderTable), '</div>');
  return parts.join('\n');
}

function copyButton(table: string): string {
  return `<button type="button" class="copy" data-action="copy" data-table="${escapeHtml(table)}">${escapeHtml(l10n.t('Copy as Markdown table'))}</button>`;
}

function renderTable(table: DashboardTable): string {
  const id = escapeHtml(table.id);
  const head = table.columns.map((column, index) => `<th scope="col"${index > 0 ? ' class="number"' : ''}>${escapeHtml(column)}</th>`).join('');
  const rows = table.rows.map(
    (row, index) =>
      `<tr data-row="${index}" data-count="${row.count}"${row.tone ? ` data-tone="${row.tone}"` : ''}><th scope="row"><button type="button" class="row-link" data-action="select" data-table="${id}" data-row="${index}">${escapeHtml(row.label)}</button></th><td class="number">${row.count}</td>${row.extra.map((cell) => `<td class="number">${escapeHtml(cell)}</td>`).join('')}</tr>`,
  );
  const chart =
    table.rows.length === 0
      ? ''
      : `<div class="chart chart-${table.chart}" data-rows="${table.rows.length}"><canvas data-chart="${table.chart}" data-table="${id}" role="img" aria-label="${escapeHtml(l10n.t('{0}: the table beside it has the figures', table.title))}"></canvas></div>`;
  const body =
    table.rows.length === 0
      ? `<p class="empty">${escapeHtml(l10n.t('None.'))}</p>`
      : `<table data-table="${id}"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section class="card" data-card="${id}"><header><h2>${escapeHtml(table.title)}</h2>${table.rows.length === 0 ? '' : copyButton(table.id)}</header><div class="figure">${chart}${body}</div></section>`;
}

function renderMatrix(model: DashboardModel): string {
  const matrix = model.matrix;
  if (!matrix) return '';
  const most = Math.max(1, ...matrix.cells.flat().map((cell) => cell.length));
  const head = `<tr><th scope="col">${escapeHtml(matrix.rowField)} \\ ${escapeHtml(matrix.columnField)}</th>${matrix.columns.map((column) => `<th scope="col" class="number">${escapeHtml(column)}</th>`).join('')}</tr>`;
  const rows = matrix.rows.map(
    (row, rowIndex) =>
      `<tr><th scope="row">${escapeHtml(row)}</th>${matrix.columns
        .map((column, columnIndex) => {
          const count = matrix.cells[rowIndex]?.[columnIndex]?.length ?? 0;
          // Shading in five steps by class: the policy forbids style attributes.
          const level = count === 0 ? 0 : Math.ceil((count / most) * 4);
          const label = `${escapeHtml(row)}, ${escapeHtml(column)}: ${count}`;
          return `<td class="number heat level-${level}">${count === 0 ? '0' : `<button type="button" class="cell-link" data-action="select" data-table="matrix" data-row="${rowIndex}" data-column="${columnIndex}" aria-label="${label}">${count}</button>`}</td>`;
        })
        .join('')}</tr>`,
  );
  return `<section class="card" data-card="matrix"><header><h2>${escapeHtml(matrix.title)}</h2>${copyButton('matrix')}</header><table class="matrix" data-table="matrix"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The list of fragments a bar or cell stands for: buttons that open them. Confidential ones are named as such, nothing more. */
export function renderSelection(model: DashboardModel, title: string, fragments: readonly number[], limit = 500): string {
  const items = fragments.slice(0, limit).map((index) => {
    const fragment = model.fragments[index];
    if (!fragment) return '';
    const detail = fragment.detail === '' ? '' : ` <span class="detail">${escapeHtml(fragment.detail)}</span>`;
    return `<li><button type="button" class="fragment-link${fragment.confidential ? ' confidential' : ''}" data-action="open" data-fragment="${index}">${escapeHtml(fragment.label)}</button>${detail}</li>`;
  });
  const more = fragments.length > limit ? `<p class="more">${escapeHtml(l10n.t('and {0} more', fragments.length - limit))}</p>` : '';
  const heading = fragments.length === 1 ? l10n.t('{0}: 1 outcome', title) : l10n.t('{0}: {1} outcomes', title, fragments.length);
  return `<header><h2>${escapeHtml(heading)}</h2><button type="button" class="close" data-action="close-selection" aria-label="${escapeHtml(l10n.t('Close the list'))}">${escapeHtml(l10n.t('Close'))}</button></header><ul class="fragment-list">${items.join('')}</ul>${more}`;
}

export type DashboardDocumentOptions = WebviewPageOptions;

/** The panel's and the page's title. */
export function dashboardTitle(): string {
  return l10n.t('Harvest Dashboard');
}

/** The whole page, under the preview's policy (see `webviewPage`); the script reads its button texts from the page. */
export function renderDashboardDocument(options: DashboardDocumentOptions): string {
  const mainAttributes = ` data-copy="${escapeHtml(l10n.t('Copy as Markdown table'))}" data-copied="${escapeHtml(l10n.t('Copied'))}"`;
  return webviewPage({ ...options, title: dashboardTitle(), mainId: 'dashboard', mainAttributes });
}
