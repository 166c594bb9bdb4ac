/**
 * `cookie-consent-widget/react`: `<CookieConsent>` for React, made with @lit/react so props
 * become element properties and the widget's events become `on…` callbacks, and `useConsent()`.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { ConsentChangeDetail, ConsentReadyDetail } from '../core/events.js';
import { defineCookieConsent, TAG_NAME } from '../define.js';
import { CookieConsentElement } from '../ui/cookie-consent/cookie-consent.element.js';

defineCookieConsent();

export const CookieConsent = createComponent({
  tagName: TAG_NAME,
  elementClass: CookieConsentElement,
  react: React,
  events: {
    onConsentChange: 'consent-change' as EventName<CustomEvent<ConsentChangeDetail>>,
    onConsentReady: 'consent-ready' as EventName<CustomEvent<ConsentReadyDetail>>,
  },
});

export { getConsentManager } from '../core/bundled-manager.js';
export { useConsent, type ConsentState } from './use-consent.js';
export type * from '../core/types.js';
