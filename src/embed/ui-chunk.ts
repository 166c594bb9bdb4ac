/**
 * The interface chunk of the script-tag build (dist/cookie-consent.ui.js): Lit, the element and
 * English. The element runs on the main file's core, handed to it here, and the chunk uses the
 * main file's Trusted Types policy. The main file defines the element once it has taken down
 * what it drew itself, so the two never overlap.
 */
import './adopt-widget-policy.js';
import { CookieConsentBase } from '../ui/cookie-consent/cookie-consent.component.js';
import type { ElementCore } from '../ui/cookie-consent/element-core.js';
import { defineOnce } from '../ui/define-once.js';
import * as preferencesPart from '../ui/preferences/preferences-part.js';
import { loadLanguageChunk } from './language-chunks.js';
import { pageRuntime, provideChunk } from './runtime.js';

const runtime = pageRuntime();

class ScriptTagCookieConsent extends CookieConsentBase {
  static override core: ElementCore = {
    getConsentManager: runtime.getConsentManager,
    bootConsent: runtime.bootConsent,
    loadLanguage: loadLanguageChunk,
    // In this chunk already: it loads when a visitor opens the settings.
    loadPreferences: () => Promise.resolve(preferencesPart),
  };
}

provideChunk('ui', { define: () => defineOnce(customElements, ScriptTagCookieConsent) });
