import { bootConsent } from '../../core/boot.js';
import type { ConsentEventMap } from '../../core/events.js';
import { getConsentManager } from '../../core/bundled-manager.js';
import { importLanguage } from '../i18n/import-language.js';
import { CookieConsentBase } from './cookie-consent.component.js';
import type { ElementCore } from './element-core.js';

/**
 * The cookie banner, the preferences dialog, and after a decision a small button to reopen them.
 *
 * @summary Asks the visitor for consent per purpose, shows what they chose, and lets them change it.
 * @tagname cookie-consent
 *
 * @fires consent-ready - Once the stored decision was read: `{ decision }` (also on `document`).
 * @fires consent-change - On every saved choice, in this tab or another: `{ decision, previous, changed, origin, layer }` (also on `document`).
 *
 * @csspart banner - The first layer (a region, or a dialog with `layout="modal"`).
 * @csspart dialog - The preferences dialog (a native modal `<dialog>`).
 * @csspart button - Every button; each also has one of the parts below.
 * @csspart accept-all - "Accept all", on both layers.
 * @csspart reject-all - "Reject all", on both layers.
 * @csspart customize - "Customize" on the banner.
 * @csspart save - "Save choices" in the dialog.
 * @csspart close - The dialog's close button.
 * @csspart switch - A category switch (a checkbox with role=switch).
 * @csspart category - One category in the dialog.
 * @csspart receipt - The visitor's current choice and history in the dialog.
 * @csspart gpc-notice - The note that a Global Privacy Control signal was honoured.
 * @csspart policy-link - The link to the privacy policy.
 * @csspart settings-button - The "Cookie settings" button shown after a decision.
 *
 * @cssproperty --cc-bg - Background of the banner and dialog.
 * @cssproperty --cc-text - Text colour.
 * @cssproperty --cc-muted - Secondary text colour (descriptions).
 * @cssproperty --cc-link - Link colour.
 * @cssproperty --cc-border - Borders.
 * @cssproperty --cc-button-bg - Button background (every button alike, so none outweighs another).
 * @cssproperty --cc-button-text - Button text colour.
 * @cssproperty --cc-switch-on - Switch colour when on.
 * @cssproperty --cc-switch-off - Switch colour when off.
 * @cssproperty --cc-focus - Focus ring colour.
 * @cssproperty --cc-backdrop - Backdrop behind modal layers.
 * @cssproperty --cc-radius - Corner radius.
 * @cssproperty --cc-shadow - Shadow of the banner and dialog.
 * @cssproperty --cc-font-family - Font family.
 * @cssproperty --cc-font-size - Base font size.
 * @cssproperty --cc-z-index - Stacking order.
 */
export class CookieConsentElement extends CookieConsentBase {
  static override core: ElementCore = {
    getConsentManager,
    bootConsent,
    loadLanguage: importLanguage,
    // A dynamic import, which a bundler splits: the dialog is not in an app's first chunk.
    loadPreferences: () => import('../preferences/preferences-part.js'),
  };
}

/** The manager's events the element fires on itself too (not bubbling). */
export type CookieConsentElementEventMap = Pick<ConsentEventMap, 'consent-ready' | 'consent-change'>;

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent': CookieConsentElement;
  }
  // HTMLElement's addEventListener and removeEventListener look events up in this map, so
  // `el.addEventListener('consent-change', e => e.detail…)` is typed on the element.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CookieConsentElementEventMap {}
}
