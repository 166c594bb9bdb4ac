/**
 * The consent cookie: one compact, versioned, checksummed value the browser and the site's
 * server both read. No DOM here, so `cookie-consent-widget/server` shares this parser.
 *
 * Version 2, fields joined by "." (every character a cookie-octet of RFC 6265):
 *
 *   2.<consentId>.<revision>.<issued>.<expires>.<method>.<categories>.<services>.<crc32>
 *
 * - consentId: lower-case UUID
 * - revision: decimal integer
 * - issued, expires: milliseconds since 1970-01-01T00:00:00Z in base 36
 * - method: a (accept-all), r (reject-all), c (custom), w (withdraw), g (gpc)
 * - categories: `id:1` (granted) or `id:0` (refused), joined by "~", every configured id once
 * - services: the same for every configured service; empty when no category has services
 * - crc32: CRC-32 of everything before the last ".", 8 lower-case hex digits
 *
 * Version 1, written before services existed, is still read: the same without `<services>`.
 */
import { crc32Hex } from './checksum.js';
import type { ConsentDecision, ConsentMethod } from '../types.js';

export const CONSENT_COOKIE_VERSION = '2';
/**
 * Values longer than this are refused unread, and a configuration whose every id would not fit
 * is refused at start: well under the 4096 bytes a browser keeps of a cookie. A real one is a
 * few hundred bytes; 24 categories of 4 services with ids of up to 20 characters fit.
 */
export const MAX_CONSENT_COOKIE_LENGTH = 3072;
/** Clocks of tabs, devices and servers disagree a little; beyond this an issue time is forged. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
const MAX_LIFETIME_MS = 3650 * 24 * 3600 * 1000;
/** The most categories and services a configuration may have, and so a cookie or a record carry. */
export const MAX_CATEGORIES = 24;
export const MAX_SERVICES = 96;

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
 * method code, categories, and services from version 2 on. The version and the method code are
 * checked against the known ones and METHODS_BY_CODE, the states one by one below. Nothing else
 * passes, so a value that does is all cookie-octets.
 */
const BODY_PATTERN =
  /^([12])\.([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})\.(0|[1-9][0-9]{0,8})\.([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([a-z])\.([^.]*)(?:\.([^.]*))?$/;
const STATE_PATTERN = /^([a-z][a-z0-9_-]{0,31}):([01])$/;

const base36Time = (iso: string) => Date.parse(iso).toString(36);
const isoTime = (ms: number) => new Date(ms).toISOString();

const encodeStates = (states: Record<string, boolean> = {}) =>
  Object.entries(states)
    .map(([id, granted]) => `${id}:${granted ? 1 : 0}`)
    .join('~');

/** `id:1~id:0` back into states, or null when anything is off: a bad entry, a repeated id, too many. */
function decodeStates(list: string, max: number): Record<string, boolean> | null {
  const entries = list.split('~');
  if (entries.length > max) return null;
  const states: Record<string, boolean> = {};
  for (const entry of entries) {
    const match = STATE_PATTERN.exec(entry);
    if (!match || Object.hasOwn(states, match[1]!)) return null;
    states[match[1]!] = match[2] === '1';
  }
  return states;
}

/**
 * The length of the longest value a decision over these ids can have (every date and revision
 * at its longest), without encoding one: the configuration check refuses ids that could not fit.
 */
export function longestConsentCookie(categoryIds: string[], serviceIds: string[]): number {
  // "2." uuid "." revision "." issued "." expires "." method "." states "." states "." crc32
  const states = (ids: string[]) => ids.reduce((length, id) => length + id.length + 3, 0) - (ids.length > 0 ? 1 : 0);
  return 2 + 36 + 1 + 9 + 1 + 11 + 1 + 11 + 1 + 1 + 1 + states(categoryIds) + 1 + states(serviceIds) + 1 + 8;
}

export function encodeConsentCookie(decision: ConsentDecision): string {
  const body = `${CONSENT_COOKIE_VERSION}.${decision.consentId}.${decision.revision}.${base36Time(decision.timestamp)}.${base36Time(decision.expiresAt)}.${decision.method[0]}.${encodeStates(decision.categories)}.${encodeStates(decision.services)}`;
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
  const [, version, consentId, revision, issued, expires, methodCode, categoryList, serviceList] = fields as unknown as (string | undefined)[];
  // Version 1 has no services field, version 2 always has one (empty without services).
  if ((version === '2') !== (serviceList !== undefined)) return null;
  // Own keys only: a code such as "constructor" must not find Object.prototype's members.
  if (!Object.hasOwn(METHODS_BY_CODE, methodCode!)) return null;
  const issuedAt = parseInt(issued!, 36);
  const expiresAt = parseInt(expires!, 36);
  if (issuedAt > now + CLOCK_SKEW_MS || expiresAt <= issuedAt || expiresAt - issuedAt > MAX_LIFETIME_MS || now >= expiresAt) return null;
  const categories = decodeStates(categoryList!, MAX_CATEGORIES);
  const services = serviceList ? decodeStates(serviceList, MAX_SERVICES) : undefined;
  if (!categories || services === null) return null;
  return {
    consentId: consentId!,
    revision: Number(revision),
    timestamp: isoTime(issuedAt),
    expiresAt: isoTime(expiresAt),
    method: METHODS_BY_CODE[methodCode!]!,
    categories,
    ...(services ? { services } : {}),
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
