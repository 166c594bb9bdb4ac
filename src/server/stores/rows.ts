import type { ConsentRecord } from '../../core/delivery/record.js';
import type { StorableRecord, StoredConsentRecord } from './store.js';

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
  /** JSON, or null for a record without per-service choices. */
  services: string | Record<string, boolean> | null;
}

export const COLUMNS = 'event_id, consent_id, decided_at, revision, method, layer, categories, language, text_hash, widget_version, gpc, page_url, services';

/** Values in COLUMNS order. */
export function rowValues(record: StorableRecord, gpc: boolean | number): unknown[] {
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
    record.services === undefined ? null : JSON.stringify(record.services),
  ];
}

export function recordFromRow(row: ConsentRow): StoredConsentRecord {
  const iso = (value: string | Date): string => (value instanceof Date ? value : new Date(value)).toISOString();
  const json = (value: string | Record<string, boolean>): Record<string, boolean> =>
    typeof value === 'string' ? (JSON.parse(value) as Record<string, boolean>) : value;
  return {
    schema: 1,
    eventId: row.event_id,
    consentId: row.consent_id,
    timestamp: iso(row.decided_at),
    revision: Number(row.revision),
    method: row.method as ConsentRecord['method'],
    layer: row.layer as ConsentRecord['layer'],
    categories: json(row.categories),
    language: row.language,
    textHash: row.text_hash,
    widgetVersion: row.widget_version,
    gpc: Boolean(row.gpc),
    pageUrl: row.page_url,
    receivedAt: iso(row.received_at),
    ...(row.services === null || row.services === undefined ? {} : { services: json(row.services) }),
  };
}
