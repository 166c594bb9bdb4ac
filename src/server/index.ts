// Node helpers for a site's backend. No DOM, no Lit: safe in any server runtime.
export { parseConsentCookie } from './consent-cookie.js';
export type { ParseConsentCookieOptions } from './consent-cookie.js';
export type { ConsentDecision, ConsentMethod } from '../core/types.js';
