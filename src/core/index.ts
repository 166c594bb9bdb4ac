export { ConsentManager, getConsentManager } from './manager.js';
export type { ConsentManagerOptions, DecisionOptions, Presentation } from './manager.js';
export { bootConsent } from './boot.js';
export { ConsentConfigError, resolveConfig, isSafeUrl, DEFAULT_CATEGORIES, DEFAULT_EXPIRES_DAYS, DEFAULT_COOKIE_NAME } from './config.js';
export { encodeConsentCookie, decodeConsentCookie, readConsentCookie, cookieValues } from './storage/consent-cookie.js';
export { isDecisionCurrent } from './decision.js';
export type { ConsentReceipt } from './storage/history.js';
export type * from './events.js';
export type * from './types.js';
