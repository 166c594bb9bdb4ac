/**
 * The interface chunk of the script-tag build (dist/cookie-consent.ui.js): Lit, the element and
 * English. Built without the core, which it takes from the script-tag file's runtime. The main
 * file defines the element once it has taken down what it drew itself, so the two never overlap.
 */
import { resolveConfig } from '../core/config.js';
import { defineCookieConsent } from '../ui/define-element.js';
import { provideChunk } from './runtime.js';

// The check runs before the interface shows the configuration, unless the banner's ran already.
provideChunk('ui', { define: () => defineCookieConsent(), resolveConfig });
