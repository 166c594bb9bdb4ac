/**
 * The interface chunk of the script-tag build (dist/cookie-consent.ui.js): Lit, the element and
 * English. Built without the core, which it takes from the script-tag file's runtime. The main
 * file defines the element once it has taken down what it drew itself, so the two never overlap.
 */
import { defineCookieConsent } from '../ui/define-element.js';
import { RUNTIME_KEY, type EmbedRuntime } from './runtime.js';

(globalThis as unknown as Record<symbol, EmbedRuntime>)[RUNTIME_KEY]!.provide('ui', { define: () => defineCookieConsent() });
