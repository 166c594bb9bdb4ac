import { CookieConsentElement } from './cookie-consent/cookie-consent.component.js';
import { TAG_NAME } from './tag-name.js';

export { TAG_NAME };

/**
 * Registers `<cookie-consent>` unless something already did: the script tag and an npm copy on
 * one page must not throw, so a second registration warns once and keeps the first.
 */
export function defineCookieConsent(registry: CustomElementRegistry = customElements): void {
  const existing = registry.get(TAG_NAME);
  if (!existing) {
    registry.define(TAG_NAME, CookieConsentElement);
  } else if (existing !== CookieConsentElement) {
    console.warn(`cookie-consent: <${TAG_NAME}> is already defined by another copy of the widget; keeping that one.`);
  }
}
