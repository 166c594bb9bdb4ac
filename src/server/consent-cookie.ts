import { DEFAULT_COOKIE_NAME } from '../core/config.js';
import { decodeConsentCookie, readConsentCookie } from '../core/storage/consent-cookie.js';
import type { ConsentDecision } from '../core/types.js';

export interface ParseConsentCookieOptions {
  /** The cookie's name, when the site configured another. Default `cookie_consent`. */
  name?: string;
  /** The time to check expiry against, in milliseconds. Default now. */
  now?: number;
}

/**
 * The visitor's decision from a whole `Cookie` request header or from the bare cookie value,
 * or null when it is absent, malformed, tampered with or expired. The same parser the browser
 * uses. It cannot know the site's current revision: compare `decision.revision` yourself.
 */
export function parseConsentCookie(
  cookieHeaderOrValue: string | null | undefined,
  { name = DEFAULT_COOKIE_NAME, now = Date.now() }: ParseConsentCookieOptions = {},
): ConsentDecision | null {
  if (typeof cookieHeaderOrValue !== 'string' || cookieHeaderOrValue === '') return null;
  if (cookieHeaderOrValue.includes('=')) return readConsentCookie(cookieHeaderOrValue, name, now);
  return decodeConsentCookie(cookieHeaderOrValue.trim(), now);
}
