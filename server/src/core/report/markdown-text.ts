import type { SummaryMatrix, SummaryTable } from './summary-tables';

/**
 * Text as Markdown that shows as written: every ASCII punctuation mark that could start
 * emphasis, a link, HTML, an entity or a table cell is escaped (CommonMark lets any be), and a
 * line that would start a heading, a quote, a list or a rule starts escaped. Line breaks stay
 * line breaks (a backslash before each: a hard break).
 */
export function markdownText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLineStart(escapeInline(line.trim())))
    .join('\\\n');
}

/** One cell of a Markdown table: on one line, its pipes escaped. */
export function markdownCell(text: string): string {
  return escapeInline(text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ').trim());
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|~&!#]/g, (mark) => `\\${mark}`);
}

function escapeLineStart(line: string): string {
  // `#`, `>`, `|` are escaped inline already; what remains is lists, rules and setext underlines.
  const list = /^(\d{1,9})([.)])(\s|$)/.exec(line);
  if (list) return `${list[1]}\\${line.slice((list[1] as string).length)}`;
  return /^[-+=]/.test(line) ? `\\${line}` : line;
}

export function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

/** The line under a table's header: the first column left, the counts right. */
export function markdownRule(columns: number): string {
  return `| ${Array.from({ length: columns }, (_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`;
}

export function tableAsMarkdown(table: SummaryTable): string {
  return [
    markdownRow(table.columns),
    markdownRule(table.columns.length),
    ...table.rows.map((row) => markdownRow([row.label, String(row.count), ...row.extra])),
  ].join('\n');
}

/** The matrix's corner names both fields (`rows \ columns`); each cell is its count. */
export function matrixAsMarkdown(matrix: SummaryMatrix): string {
  const corner = `${markdownCell(matrix.rowField)} \\\\ ${markdownCell(matrix.columnField)}`;
  return [
    `| ${[corner, ...matrix.columns.map(markdownCell)].join(' | ')} |`,
    markdownRule(matrix.columns.length + 1),
    ...matrix.rows.map((row, index) => markdownRow([row, ...matrix.columns.map((_, column) => String(matrix.cells[index]?.[column]?.length ?? 0))])),
  ].join('\n');
}
