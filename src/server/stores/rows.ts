import type { ConsentRecord } from '../../core/delivery/record.js';
import type { StoredConsentRecord } from './store.js';

/** The columns both SQL stores use; categories as JSON text, times as ISO strings. */
export interface ConsentRow {
  event_id: string;
  consent_id: string;
  decided_at: string | Date;
  received_at: string | Date;
  revision: number;
  method: string;
  layer: string;
  categories: string | Record<string, boolean>;
  language: string;
  text_hash: string;
  widget_version: string;
  gpc: boolean | number;
  page_url: string;
}

export const COLUMNS =
  'event_id, consent_id, decided_at, revision, method, layer, categories, language, text_hash, widget_version, gpc, page_url';

/** Values in COLUMNS order. */
export function rowValues(record: ConsentRecord, gpc: boolean | number): unknown[] {
  return [
    record.eventId,
    record.consentId,
    record.timestamp,
    record.revision,
    record.method,
    record.layer,
    JSON.stringify(record.categories),
    record.language,
    record.textHash,
    record.widgetVersion,
    gpc,
    record.pageUrl,
  ];
}

export function recordFromRow(row: ConsentRow): StoredConsentRecord {
  const iso = (value: string | Date): string => (value instanceof Date ? value : new Date(value)).toISOString();
  return {
    schema: 1,
    eventId: row.event_id,
    consentId: row.consent_id,
    timestamp: iso(row.decided_at),
    revision: Number(row.revision),
    method: row.method as ConsentRecord['method'],
    layer: row.layer as ConsentRecord['layer'],
    categories: typeof row.categories === 'string' ? (JSON.parse(row.categories) as Record<string, boolean>) : row.categories,
    language: row.language,
    textHash: row.text_hash,
    widgetVersion: row.widget_version,
    gpc: Boolean(row.gpc),
    pageUrl: row.page_url,
    receivedAt: iso(row.received_at),
  };
}
