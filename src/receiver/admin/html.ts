import type { StoredConsentRecord } from '../../server/stores/store.js';
import { cellText, EXPORT_COLUMNS } from '../csv.js';

export const escapeHtml = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export interface NavLink {
  href: string;
  title: string;
}

export interface AdminFrame {
  /** Where the admin's pages are, e.g. `/api/admin/`: the stylesheet is beside them. */
  adminPath: string;
  nav: NavLink[];
  /** The receiver's adminNote, shown on every page (e.g. "demo data"). */
  note?: string | undefined;
}

/** The admin's page frame: the stylesheet file, a navigation between the admin's pages, no script. */
export function adminLayout(title: string, { adminPath, nav, note }: AdminFrame, body: string): string {
  const links = nav.map((link) => `<a href="${escapeHtml(link.href)}">${escapeHtml(link.title)}</a>`).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(`${adminPath}admin.css`)}"></head>
<body><nav aria-label="Admin">${links}</nav><main>${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}${body}</main></body></html>`;
}

export function recordsTable(records: StoredConsentRecord[]): string {
  const head = EXPORT_COLUMNS.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const rows = records.map((record) => `<tr>${EXPORT_COLUMNS.map((column) => `<td>${escapeHtml(cellText(record, column))}</td>`).join('')}</tr>`);
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
