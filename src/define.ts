import { defineCookieConsent as defineHere, TAG_NAME } from './ui/define-element.js';

export { TAG_NAME } from './ui/define-element.js';
// Its declaration file then brings the element's entries in the DOM's maps, so an app that imports
// only this entry gets `document.querySelector('cookie-consent')` and the element's events typed.
export type { CookieConsentElement } from './ui/cookie-consent/cookie-consent.element.js';

/** What the script-tag build offers other copies on the page (src/embed/runtime.ts). */
interface ScriptTagRuntime {
  loadInterface?(): Promise<unknown>;
}

/**
 * Registers `<cookie-consent>` unless something already did. When the script-tag build runs on
 * the page too (it is first, in <head>), its interface is the one: this copy asks it to load
 * instead of racing it, so one copy draws and its Trusted Types policy is the one in use.
 */
export function defineCookieConsent(registry: CustomElementRegistry = customElements): void {
  const scriptTag = (globalThis as Record<symbol, ScriptTagRuntime | undefined>)[Symbol.for('cookie-consent-widget.runtime')];
  if (registry === globalThis.customElements && scriptTag?.loadInterface && !registry.get(TAG_NAME)) {
    scriptTag.loadInterface().catch((error: unknown) => {
      // A configuration the check refused is shown by no copy; an interface that could not load
      // (offline, blocked) leaves this copy to draw.
      if ((error as Error | undefined)?.name !== 'ConsentConfigError') defineHere(registry);
    });
    return;
  }
  defineHere(registry);
}

defineCookieConsent();
