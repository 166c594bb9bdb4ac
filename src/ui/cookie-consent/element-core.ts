import type { bootConsent } from '../../core/boot.js';
import type { ConsentManager } from '../../core/manager.js';
import type { LanguageLoader } from '../i18n/languages.js';
import type * as preferencesPart from '../preferences/preferences-part.js';

export type PreferencesPart = typeof preferencesPart;

/**
 * What the element takes from the consent core, handed over by the class that defines it: the
 * npm element passes the core it bundles (cookie-consent.element.ts), the script tag's interface
 * chunk the main file's (src/embed/ui-chunk.ts), so a page runs one core whichever draws.
 */
export interface ElementCore {
  /** The page's one manager: the element's manager unless another is set. */
  getConsentManager(): ConsentManager;
  /** Starts the core from the element's own configuration, when nothing started it yet. */
  bootConsent: typeof bootConsent;
  loadLanguage: LanguageLoader;
  /** The preferences dialog, loaded the first time a visitor opens it. */
  loadPreferences(): Promise<PreferencesPart>;
}
