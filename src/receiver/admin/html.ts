import type { StoredConsentRecord } from '../../server/stores/store.js';
import { cellText, EXPORT_COLUMNS } from '../csv.js';

export const escapeHtml = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export interface NavLink {
  href: string;
  title: string;
}

/** The admin's page frame: one stylesheet, a navigation between the admin's pages, no script. */
export function adminLayout(title: string, nav: NavLink[], body: string): string {
  const links = nav.map((link) => `<a href="${escapeHtml(link.href)}">${escapeHtml(link.title)}</a>`).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}nav{margin-bottom:1rem}</style></head>
<body><nav aria-label="Admin">${links}</nav>${body}</body></html>`;
}

export function recordsTable(records: StoredConsentRecord[]): string {
  const head = EXPORT_COLUMNS.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const rows = records.map((record) => `<tr>${EXPORT_COLUMNS.map((column) => `<td>${escapeHtml(cellText(record, column))}</td>`).join('')}</tr>`);
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
