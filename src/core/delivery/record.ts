import type { CategoryStates, ConsentLayer, ConsentMethod, ServiceStates } from '../types.js';
import type { PendingDecision } from './pending-records.js';
import { sha256Hex } from './sha256.js';
import { WIDGET_VERSION } from './version.js';

/**
 * What the site's backend receives for every decision: the proof of consent of docs/compliance.md, C12.
 * Deliberately nothing that identifies a person: no IP, no user agent, no query string.
 * The JSON Schema is schema/consent-record.schema.json.
 */
export interface ConsentRecord {
  schema: 1;
  /** A fresh UUID per record: the backend stores each one once (idempotency key). */
  eventId: string;
  consentId: string;
  /** When the visitor decided, ISO 8601 UTC with milliseconds. */
  timestamp: string;
  revision: number;
  method: ConsentMethod;
  layer: ConsentLayer;
  categories: CategoryStates;
  /** Every configured service, explicitly; present only when the site configured services. */
  services?: ServiceStates;
  language: string;
  /** SHA-256 (hex) of the interface strings shown, joined by "\n". */
  textHash: string;
  widgetVersion: string;
  /** Whether the browser sent Global Privacy Control. */
  gpc: boolean;
  /** Origin and path of the page, without query or fragment (they may carry personal data). */
  pageUrl: string;
}

/**
 * The record of a decision kept on its way to the outbox; `gpc`: whether the browser sent Global
 * Privacy Control.
 */
export async function buildConsentRecord({ detail, eventId, presentation, location }: PendingDecision, gpc: boolean): Promise<ConsentRecord> {
  const decision = detail.decision!;
  return {
    schema: 1,
    eventId,
    consentId: decision.consentId,
    timestamp: decision.timestamp,
    revision: decision.revision,
    method: decision.method,
    layer: detail.layer ?? 'api',
    categories: { ...decision.categories },
    ...(decision.services ? { services: { ...decision.services } } : {}),
    language: presentation.language,
    textHash: await sha256Hex(presentation.strings.join('\n')),
    widgetVersion: WIDGET_VERSION,
    gpc,
    pageUrl: `${location.origin}${location.pathname}`,
  };
}
