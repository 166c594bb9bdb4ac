import type { ConsentRecord } from '../core/delivery/record.js';
import { MAX_CATEGORIES, MAX_SERVICES } from '../core/storage/consent-cookie.js';

export type ValidationResult = { ok: true; record: ConsentRecord } | { ok: false; reasons: string[] };

/** A record's eventId and consentId: lower-case UUIDs; the receiver's credential names the same. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Exactly what `Date.prototype.toISOString()` produces for years 0000–9999. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const LANGUAGE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,6}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const VERSION = /^\d{1,6}\.\d{1,6}\.\d{1,6}(-[0-9A-Za-z.-]{1,40})?$/;
const METHODS = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'];
const LAYERS = ['banner', 'preferences', 'api', 'placeholder'];
export { MAX_CATEGORIES, MAX_SERVICES };
/**
 * A decision time outside this window is a broken clock or a forgery. Refusing it here keeps it
 * from reaching a database that rejects it (PostgreSQL has no year 0000) and answering 503, which
 * the browser would retry for ever.
 */
export const EARLIEST_TIME = '2000-01-01T00:00:00.000Z';
export const LATEST_TIME = '2100-01-01T00:00:00.000Z';
export const MAX_PAGE_URL_LENGTH = 2048;

type Check = (value: unknown) => string | null;

const oneOf =
  (allowed: string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? null : `must be one of ${allowed.join(', ')}`;
const matches =
  (pattern: RegExp, what: string): Check =>
  (value) =>
    typeof value === 'string' && pattern.test(value) ? null : `must be ${what}`;

const FIELDS: Record<keyof ConsentRecord, Check> = {
  schema: (value) => (value === 1 ? null : 'must be 1'),
  eventId: matches(UUID, 'a lower-case UUID'),
  consentId: matches(UUID, 'a lower-case UUID'),
  timestamp: (value) =>
    typeof value === 'string' && ISO_UTC.test(value) && isRealInstant(value) && isPlausibleTime(value)
      ? null
      : `must be an ISO 8601 UTC time like 2026-11-27T10:00:00.000Z, from ${EARLIEST_TIME.slice(0, 4)} up to before ${LATEST_TIME.slice(0, 4)}`,
  revision: (value) =>
    Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647 ? null : 'must be an integer from 0 to 2147483647',
  method: oneOf(METHODS),
  layer: oneOf(LAYERS),
  categories: (value) => checkStates(value, 'category', MAX_CATEGORIES),
  services: (value) => checkStates(value, 'service', MAX_SERVICES),
  language: (value) => (typeof value === 'string' && value.length <= 35 && LANGUAGE.test(value) ? null : 'must be a language tag like en or pt-BR'),
  textHash: matches(SHA256_HEX, '64 lower-case hex digits (SHA-256)'),
  widgetVersion: matches(VERSION, 'a version like 1.2.3'),
  gpc: (value) => (typeof value === 'boolean' ? null : 'must be true or false'),
  pageUrl: checkPageUrl,
};

export const RECORD_FIELDS = Object.keys(FIELDS) as (keyof ConsentRecord)[];
/** Fields a record may leave out: `services` is there only when the site configured services. */
export const OPTIONAL_RECORD_FIELDS: readonly (keyof ConsentRecord)[] = ['services'];

/**
 * Checks a parsed request body against the ConsentRecord contract, strictly: every field
 * present with its exact type, no other field, sizes bounded. Never throws.
 */
export function validateConsentRecord(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reasons: ['the body must be a JSON object'] };
  }
  const reasons: string[] = [];
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(FIELDS, key)) reasons.push(`unexpected field ${describeKey(key)}`);
  }
  for (const field of RECORD_FIELDS) {
    if (!Object.hasOwn(input, field)) {
      if (!OPTIONAL_RECORD_FIELDS.includes(field)) reasons.push(`${field} is missing`);
      continue;
    }
    const problem = FIELDS[field](input[field]);
    if (problem) reasons.push(`${field} ${problem}`);
  }
  if (reasons.length > 0) return { ok: false, reasons };
  // A copy, so nothing the caller or the JSON parser attached travels further.
  const present = RECORD_FIELDS.filter((field) => Object.hasOwn(input, field));
  const record = Object.fromEntries(present.map((field) => [field, input[field]])) as unknown as ConsentRecord;
  record.categories = { ...record.categories };
  if (record.services) record.services = { ...record.services };
  return { ok: true, record };
}

function isRealInstant(value: string): boolean {
  const time = Date.parse(value);
  // Rejects dates like 2026-02-30 that Date.parse would roll over into March.
  return Number.isFinite(time) && new Date(time).toISOString() === value;
}

function isPlausibleTime(value: string): boolean {
  return value >= EARLIEST_TIME && value < LATEST_TIME;
}

/** Category or service ids, each explicitly true or false. */
function checkStates(value: unknown, kind: string, max: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `must be an object of ${kind} ids to true/false`;
  const entries = Object.entries(value);
  if (entries.length === 0 || entries.length > max) return `must name 1 to ${max} ${kind === 'category' ? 'categories' : 'services'}`;
  for (const [id, granted] of entries) {
    if (!CATEGORY_ID.test(id)) return `has an invalid ${kind} id ${describeKey(id)}`;
    if (typeof granted !== 'boolean') return `.${id} must be true or false`;
  }
  return null;
}

function checkPageUrl(value: unknown): string | null {
  const problem = 'must be an http(s) URL of origin and path only, without query or fragment';
  if (typeof value !== 'string' || value.length > MAX_PAGE_URL_LENGTH) return problem;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problem;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return problem;
  // Canonical form only: what the browser's location.origin + location.pathname gives.
  return `${url.origin}${url.pathname}` === value ? null : problem;
}

/** Keys come from the client: quote and shorten them so a reason is safe to log and to show. */
function describeKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}
