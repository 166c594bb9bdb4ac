// `cookie-consent-widget/global` types `window.cookieConsent` for pages that use the script tag.
// In an app `"types": ["cookie-consent-widget/global"]` or `/// <reference types="…" />` work too;
// here, inside the package, only an import resolves the package's own name.
import type {} from 'cookie-consent-widget/global';
import type { ConsentDecision } from 'cookie-consent-widget';

const manager = window.cookieConsent;
const granted: boolean | undefined = manager?.granted('analytics');
const decision: ConsentDecision | null | undefined = window.cookieConsent?.decision;
void granted;
void decision;
window.cookieConsent?.addEventListener('consent-change', (event) => event.detail.changed.join());
void window.cookieConsent?.whenGranted('analytics').then(() => undefined);

// @ts-expect-error -- optional: a page whose script was blocked has no manager
window.cookieConsent.acceptAll();
// @ts-expect-error -- the manager has no such method
window.cookieConsent?.acceptEverything();
