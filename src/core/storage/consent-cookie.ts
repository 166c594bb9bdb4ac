/**
 * The consent cookie: one compact, versioned, checksummed value the browser and the site's
 * server both read. No DOM here, so `cookie-consent-widget/server` shares this parser.
 *
 * Version 1, fields joined by "." (every character a cookie-octet of RFC 6265):
 *
 *   1.<consentId>.<revision>.<issued>.<expires>.<method>.<categories>.<crc32>
 *
 * - consentId: lower-case UUID
 * - revision: decimal integer
 * - issued, expires: milliseconds since 1970-01-01T00:00:00Z in base 36
 * - method: a (accept-all), r (reject-all), c (custom), w (withdraw), g (gpc)
 * - categories: `id:1` (granted) or `id:0` (refused), joined by "~", every configured id once
 * - crc32: CRC-32 of everything before the last ".", 8 lower-case hex digits
 */
import { crc32Hex } from './checksum.js';
import type { ConsentDecision, ConsentMethod } from '../types.js';

export const CONSENT_COOKIE_VERSION = '1';
/** Values longer than this are refused unread: a real one is a few hundred bytes. */
export const MAX_CONSENT_COOKIE_LENGTH = 2048;
/** Clocks of tabs, devices and servers disagree a little; beyond this an issue time is forged. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
const MAX_LIFETIME_MS = 3650 * 24 * 3600 * 1000;
const MAX_CATEGORIES = 24;

/** Each method's code is its first letter. */
const METHODS_BY_CODE: Record<string, ConsentMethod> = {
  a: 'accept-all',
  r: 'reject-all',
  c: 'custom',
  w: 'withdraw',
  g: 'gpc',
};

/**
 * The fields before the checksum, in one pattern: version, consentId, revision, issued, expires,
 * method code, categories. The version and the method code are checked against
 * CONSENT_COOKIE_VERSION and METHODS_BY_CODE, the categories one by one below. Nothing else
 * passes, so a value that does is all cookie-octets.
 */
const BODY_PATTERN = /^([0-9]+)\.([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})\.(0|[1-9][0-9]{0,8})\.([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([a-z])\.([^.]*)$/;
const CATEGORY_PATTERN = /^([a-z][a-z0-9_-]{0,31}):([01])$/;

const base36Time = (iso: string) => Date.parse(iso).toString(36);
const isoTime = (ms: number) => new Date(ms).toISOString();

export function encodeConsentCookie(decision: ConsentDecision): string {
  const categories = Object.entries(decision.categories)
    .map(([id, granted]) => `${id}:${granted ? 1 : 0}`)
    .join('~');
  const body = `${CONSENT_COOKIE_VERSION}.${decision.consentId}.${decision.revision}.${base36Time(decision.timestamp)}.${base36Time(decision.expiresAt)}.${decision.method[0]}.${categories}`;
  return `${body}.${crc32Hex(body)}`;
}

/**
 * Reads a consent cookie value. Anything malformed, tampered with, from the future or expired
 * at `now` gives null; this never throws, whatever the input.
 */
export function decodeConsentCookie(value: unknown, now: number = Date.now()): ConsentDecision | null {
  if (typeof value !== 'string' || value.length > MAX_CONSENT_COOKIE_LENGTH) return null;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  const text = value as string;
  const checksumAt = text.lastIndexOf('.');
  const body = text.slice(0, checksumAt);
  if (checksumAt < 0 || crc32Hex(body) !== text.slice(checksumAt + 1)) return null;
  const fields = BODY_PATTERN.exec(body);
  if (!fields) return null;
  const [, version, consentId, revision, issued, expires, methodCode, categoryList] = fields as unknown as string[];
  // Own keys only: a code such as "constructor" must not find Object.prototype's members.
  if (version !== CONSENT_COOKIE_VERSION || !Object.hasOwn(METHODS_BY_CODE, methodCode!)) return null;
  const issuedAt = parseInt(issued!, 36);
  const expiresAt = parseInt(expires!, 36);
  if (issuedAt > now + CLOCK_SKEW_MS || expiresAt <= issuedAt || expiresAt - issuedAt > MAX_LIFETIME_MS || now >= expiresAt) return null;
  const entries = categoryList!.split('~');
  if (entries.length > MAX_CATEGORIES) return null;
  const categories: Record<string, boolean> = {};
  for (const entry of entries) {
    const match = CATEGORY_PATTERN.exec(entry);
    if (!match || Object.hasOwn(categories, match[1]!)) return null;
    categories[match[1]!] = match[2] === '1';
  }
  return {
    consentId: consentId!,
    revision: Number(revision),
    timestamp: isoTime(issuedAt),
    expiresAt: isoTime(expiresAt),
    method: METHODS_BY_CODE[methodCode!]!,
    categories,
  };
}

/**
 * Every value of the named cookie in a `Cookie` header or `document.cookie` string. A name can
 * appear more than once (the same cookie set for two paths or domains).
 */
export function cookieValues(cookieHeader: string, name: string): string[] {
  const values: string[] = [];
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() === name) values.push(pair.slice(separator + 1).trim());
  }
  return values;
}

/** The newest valid decision among the cookie's values, or null when there is none. */
export function readConsentCookie(cookieHeader: string, name: string, now: number = Date.now()): ConsentDecision | null {
  let newest: ConsentDecision | null = null;
  for (const value of cookieValues(cookieHeader, name)) {
    const decision = decodeConsentCookie(value, now);
    if (decision && (!newest || Date.parse(decision.timestamp) > Date.parse(newest.timestamp))) newest = decision;
  }
  return newest;
}
