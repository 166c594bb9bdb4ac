import { CookieConsentElement } from './cookie-consent/cookie-consent.element.js';
import { defineOnce } from './define-once.js';
import { TAG_NAME } from './tag-name.js';

export { TAG_NAME };

/** Registers the npm element as `<cookie-consent>`, unless something already did (see defineOnce). */
export function defineCookieConsent(registry: CustomElementRegistry = customElements): void {
  defineOnce(registry, CookieConsentElement);
}
