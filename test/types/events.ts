// Typed listeners for the consent events on document, on the manager and on the element, added
// and removed alike. Every @ts-expect-error line must stay an error: tsc fails when one compiles.
import type { ConsentChangeDetail, ConsentDecision, CookieConsentElement } from 'cookie-consent-widget';
import { getConsentManager } from 'cookie-consent-widget';

const onChange = (event: CustomEvent<ConsentChangeDetail>): void => {
  const decision: ConsentDecision | null = event.detail.decision;
  const changed: string[] = event.detail.changed;
  void decision;
  void changed;
};

document.addEventListener('consent-change', onChange);
document.removeEventListener('consent-change', onChange);
document.addEventListener('consent-ready', (event) => event.detail.decision?.consentId);

const manager = getConsentManager();
manager.addEventListener('consent-change', onChange);
manager.removeEventListener('consent-change', onChange);
manager.addEventListener('consent-change', (event) => event.detail.previous?.categories);
manager.addEventListener('consent-delivery-failed', (event) => event.detail.willRetry);
manager.addEventListener('consent-view', { handleEvent: (event) => event.detail.view });
manager.removeEventListener('consent-change', onChange, { capture: false });
// Events of no map still take a plain listener, as on any EventTarget.
manager.addEventListener('some-other-event', (event: Event) => event.type);
manager.removeEventListener('some-other-event', (event: Event) => event.type);

// @ts-expect-error -- the detail of consent-change has no such field
manager.addEventListener('consent-change', (event) => event.detail.nope);
// @ts-expect-error -- consent-ready carries no `previous`, so a consent-change listener does not fit
manager.removeEventListener('consent-ready', onChange);
// @ts-expect-error -- an event the manager does not type takes no CustomEvent listener
manager.removeEventListener('consent-chnage', onChange);

const element = document.querySelector('cookie-consent');
const typed: CookieConsentElement | null = element;
void typed;
const created: CookieConsentElement = document.createElement('cookie-consent');
created.addEventListener('consent-change', onChange);
created.removeEventListener('consent-change', onChange);
created.addEventListener('consent-change', (event) => event.detail.decision?.method);
created.addEventListener('consent-ready', (event) => event.detail.decision);
// @ts-expect-error -- the element's consent-change detail has no such field
created.addEventListener('consent-change', (event) => event.detail.nope);
// @ts-expect-error -- the element does not fire consent-view (the manager and document do)
created.addEventListener('consent-view', (event) => event.detail.view);
