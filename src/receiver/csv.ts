import type { StoredConsentRecord } from '../server/stores/store.js';

export const EXPORT_COLUMNS = [
  'receivedAt',
  'timestamp',
  'eventId',
  'consentId',
  'revision',
  'method',
  'layer',
  'categories',
  'language',
  'textHash',
  'widgetVersion',
  'gpc',
  'pageUrl',
] as const;

/** A record's field as one readable cell: categories as `id:yes id:no`. */
export function cellText(record: StoredConsentRecord, column: (typeof EXPORT_COLUMNS)[number]): string {
  if (column === 'categories') {
    return Object.entries(record.categories)
      .map(([id, granted]) => `${id}:${granted ? 'yes' : 'no'}`)
      .join(' ');
  }
  return String(record[column]);
}

export const CSV_HEADER = `${EXPORT_COLUMNS.join(',')}\r\n`;

/** RFC 4180; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvLine(record: StoredConsentRecord): string {
  return `${EXPORT_COLUMNS.map((column) => csvCell(cellText(record, column))).join(',')}\r\n`;
}

export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}
