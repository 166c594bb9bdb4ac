import { createHmac, timingSafeEqual } from 'node:crypto';
import { cookieValues } from '../core/storage/consent-cookie.js';
import { UUID } from '../server/validate-record.js';

/**
 * The visitor's credential for their own records: their consentId signed with HMAC-SHA256 under
 * the receiver's secret, kept in an HttpOnly cookie that page scripts cannot read. The consentId
 * alone is no credential: it sits in the consent cookie, which any script on the page can read.
 */
export const RECEIPT_COOKIE = 'consent_receipt';
/** Browsers cap cookie lifetimes at 400 days; each record the visitor sends renews it. */
export const RECEIPT_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const VERSION = 'v1';

const signature = (consentId: string, secret: string): Buffer => createHmac('sha256', secret).update(`consent-receipt:${VERSION}:${consentId}`).digest();

export function signReceipt(consentId: string, secret: string): string {
  return `${VERSION}.${consentId}.${signature(consentId, secret).toString('base64url')}`;
}

/** The consentId a Cookie header proves, or null when the receipt is absent, malformed or forged. */
export function verifiedConsentId(cookieHeader: string | undefined, secret: string): string | null {
  for (const value of cookieValues(cookieHeader ?? '', RECEIPT_COOKIE)) {
    const [version, consentId, mac, ...rest] = value.split('.');
    if (version !== VERSION || !consentId || !mac || rest.length > 0 || !UUID.test(consentId)) continue;
    const given = Buffer.from(mac, 'base64url');
    const expected = signature(consentId, secret);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return consentId;
  }
  return null;
}

export interface ReceiptCookieOptions {
  path: string;
  secure: boolean;
}

export function receiptCookie(consentId: string, secret: string, { path, secure }: ReceiptCookieOptions): string {
  // SameSite=Strict: the receipt is only ever needed by the site's own pages, never by a link from elsewhere.
  return [
    `${RECEIPT_COOKIE}=${signReceipt(consentId, secret)}`,
    `Path=${path}`,
    `Max-Age=${RECEIPT_MAX_AGE_SECONDS}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
