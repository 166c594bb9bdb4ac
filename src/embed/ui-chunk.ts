/**
 * The interface chunk of the script-tag build (dist/cookie-consent.ui.js): Lit, the element and
 * English. Built without the core, which it takes from the script-tag file's runtime.
 */
import '../define.js';
import { RUNTIME_KEY, type EmbedRuntime } from './runtime.js';

(globalThis as unknown as Record<symbol, EmbedRuntime>)[RUNTIME_KEY]!.provide('ui', {});
