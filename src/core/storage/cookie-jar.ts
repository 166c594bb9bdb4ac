import { encodeConsentCookie, readConsentCookie } from './consent-cookie.js';
import { warnOnce } from '../log.js';
import type { ConsentDecision, ResolvedConfig } from '../types.js';

/** document.cookie can throw (sandboxed iframes, some privacy extensions): treat that as empty. */
export function readDocumentCookies(doc: Document): string {
  try {
    return doc.cookie;
  } catch {
    return '';
  }
}

export function readStoredDecision(doc: Document, config: ResolvedConfig, now = Date.now()): ConsentDecision | null {
  return readConsentCookie(readDocumentCookies(doc), config.cookie.name, now);
}

/** The attributes of the consent cookie; `Secure` on https (and always with SameSite=None). */
export function cookieAttributes(config: ResolvedConfig, protocol: string, maxAge: number): string {
  const { path, domain, sameSite } = config.cookie;
  const secure = protocol === 'https:' || sameSite === 'None';
  return `; Max-Age=${maxAge}; Path=${path}${domain ? `; Domain=${domain}` : ''}; SameSite=${sameSite}${secure ? '; Secure' : ''}`;
}

/** Sets the consent cookie (an empty value with Max-Age=0 deletes it); throws where cookies are unavailable. */
function setConsentCookie(doc: Document, config: ResolvedConfig, value: string, maxAge: number): void {
  doc.cookie = `${config.cookie.name}=${value}${cookieAttributes(config, doc.location.protocol, maxAge)}`;
}

/**
 * Writes the decision; returns false when the browser did not keep it (cookies blocked), so
 * the caller can hold the choice in memory instead of losing it.
 */
export function writeStoredDecision(doc: Document, config: ResolvedConfig, decision: ConsentDecision): boolean {
  const value = encodeConsentCookie(decision);
  const maxAge = Math.max(1, Math.floor((Date.parse(decision.expiresAt) - Date.now()) / 1000));
  try {
    setConsentCookie(doc, config, value, maxAge);
    if (readDocumentCookies(doc).includes(value)) return true;
    warnOnce('cookie-write', 'the consent cookie could not be stored (cookies blocked?); the choice is kept for this page only.');
  } catch (error) {
    warnOnce('cookie-write', 'the consent cookie could not be stored; the choice is kept for this page only.', error);
  }
  return false;
}

export function deleteStoredDecision(doc: Document, config: ResolvedConfig): void {
  try {
    setConsentCookie(doc, config, '', 0);
  } catch {
    // Nothing stored can be deleted when cookies are unavailable.
  }
}
