import type { CategoryStates, ConsentDecision, ConsentLayer, ConsentMethod } from '../types.js';
import { randomId } from '../decision.js';
import { sha256Hex } from './sha256.js';
import { WIDGET_VERSION } from './version.js';

/**
 * What the site's backend receives for every decision: the proof of consent of REQUIREMENTS 12.
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
  language: string;
  /** SHA-256 (hex) of the interface strings shown, joined by "\n". */
  textHash: string;
  widgetVersion: string;
  /** Whether the browser sent Global Privacy Control. */
  gpc: boolean;
  /** Origin and path of the page, without query or fragment (they may carry personal data). */
  pageUrl: string;
}

export interface RecordContext {
  /** Given when the record was planned earlier (a replay), so the backend stores it once. */
  eventId?: string;
  layer: ConsentLayer;
  language: string;
  strings: readonly string[];
  location: Pick<Location, 'origin' | 'pathname'>;
  gpc: boolean;
}

export async function buildConsentRecord(decision: ConsentDecision, context: RecordContext): Promise<ConsentRecord> {
  return {
    schema: 1,
    eventId: context.eventId ?? randomId(),
    consentId: decision.consentId,
    timestamp: decision.timestamp,
    revision: decision.revision,
    method: decision.method,
    layer: context.layer,
    categories: { ...decision.categories },
    language: context.language,
    textHash: await sha256Hex(context.strings.join('\n')),
    widgetVersion: WIDGET_VERSION,
    gpc: context.gpc,
    pageUrl: `${context.location.origin}${context.location.pathname}`,
  };
}
