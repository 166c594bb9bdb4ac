/** A figure's numbers as an HTML table and as CSV: one model, two renderings. */
import { escapeHtml } from '../admin/html.js';
import { csvCell } from '../csv.js';
import type { Cell, TableModel } from './figures.js';
import { count, shareText } from './labels.js';
import { hasRate } from './tally.js';

function cellHtml(cell: Cell): string {
  if ('share' in cell) return `<td class="${hasRate(cell.share) ? 'num' : 'too-few-cell'}">${escapeHtml(shareText(cell.share))}</td>`;
  if ('number' in cell) return `<td class="num">${count(cell.number)}</td>`;
  return `<td>${escapeHtml(cell.text)}</td>`;
}

export function tableHtml(table: TableModel, caption: string): string {
  const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr><th scope="row">${escapeHtml(row.head)}</th>${row.cells.map(cellHtml).join('')}</tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * A share becomes three columns (its count, what it is a share of, the percent), the percent left
 * empty below the decisions a rate needs, as on the page.
 */
export function tableCsv(table: TableModel): string {
  const shareColumns = table.rows[0]?.cells.map((cell) => 'share' in cell) ?? [];
  const header = [
    table.columns[0]!,
    ...table.columns.slice(1).flatMap((column, index) => (shareColumns[index] ? [`${column}: count`, `${column}: of`, `${column}: %`] : [column])),
  ];
  const lines = table.rows.map((row) => [
    row.head,
    ...row.cells.flatMap((cell) => {
      if ('share' in cell)
        return [String(cell.share.count), String(cell.share.of), hasRate(cell.share) ? ((100 * cell.share.count) / cell.share.of).toFixed(1) : ''];
      return ['number' in cell ? String(cell.number) : cell.text];
    }),
  ]);
  return [header, ...lines].map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}
