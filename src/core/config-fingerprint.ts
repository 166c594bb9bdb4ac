import { WIDGET_VERSION } from './delivery/version.js';
import { cookieValues } from './storage/consent-cookie.js';
import { cookieAttributes } from './storage/cookie-jar.js';
import type { ResolvedConfig } from './types.js';

/**
 * The configuration that last passed its check in this browser is remembered by a fingerprint
 * in a cookie beside the consent cookie (`<name>_checked`), written only with a decision (nothing
 * is stored before the visitor decides). A page view whose configuration has the same
 * fingerprint needs no check: the check is deterministic for the same input and widget version.
 * A cookie and not localStorage: the page reads `document.cookie` anyway, while a first read of
 * localStorage costs a page view about as much as that read again (5 ms at 4× CPU throttling).
 */
export const CHECKED_COOKIE_SUFFIX = '_checked';

export function checkedCookieName(config: ResolvedConfig): string {
  return `${config.cookie.name}${CHECKED_COOKIE_SUFFIX}`;
}

/** JSON with every object's keys in order: the same configuration written in another key order is the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** FNV-1a (32 bit) over the configuration and the widget version: cheap, and any edit changes it. */
export function configFingerprint(config: unknown): string {
  const text = `${WIDGET_VERSION}\n${canonicalJson(config)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Whether `cookies` (the page's `document.cookie`, already read) remember this fingerprint as checked. */
export function isCheckedConfig(cookies: string, config: ResolvedConfig, fingerprint: string): boolean {
  return cookieValues(cookies, checkedCookieName(config)).includes(fingerprint);
}

/** Remembers the fingerprint for as long as a decision is kept. */
export function rememberCheckedConfig(doc: Document, config: ResolvedConfig, fingerprint: string): void {
  setCheckedCookie(doc, config, fingerprint, config.expiresDays * 86_400);
}

/** Forgets it, with the decision (`reset()`). */
export function forgetCheckedConfig(doc: Document, config: ResolvedConfig): void {
  setCheckedCookie(doc, config, '', 0);
}

function setCheckedCookie(doc: Document, config: ResolvedConfig, value: string, maxAge: number): void {
  try {
    doc.cookie = `${checkedCookieName(config)}=${value}${cookieAttributes(config, doc.location.protocol, maxAge)}`;
  } catch {
    // Cookies unavailable: the next page view checks again, which is only slower.
  }
}
