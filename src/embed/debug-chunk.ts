/**
 * Debug mode of the script-tag build (dist/cookie-consent.debug.js): loaded only when the
 * configuration says `debug: true`, so no visitor of a live site downloads it.
 */
import { startDebug } from '../core/debug.js';
import { RUNTIME_KEY, type EmbedRuntime } from './runtime.js';

(globalThis as unknown as Record<symbol, EmbedRuntime>)[RUNTIME_KEY]!.provide('debug', { startDebug });
