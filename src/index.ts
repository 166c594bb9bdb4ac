// The npm entry: exports only. Importing it registers nothing and touches no window or document.
export { CookieConsentElement, type CookieConsentElementEventMap } from './ui/cookie-consent/cookie-consent.element.js';
export * from './core/index.js';
