/**
 * Debug mode of the script-tag build (dist/cookie-consent.debug.js): loaded only when the
 * configuration says `debug: true`, so no visitor of a live site downloads it.
 */
import { startDebug } from '../core/debug.js';
import { provideChunk } from './runtime.js';

provideChunk('debug', { startDebug });
