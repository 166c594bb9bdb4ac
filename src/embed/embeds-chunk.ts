/**
 * Gated iframes of the script-tag build (dist/cookie-consent.embeds.js): the placeholder and
 * its texts, loaded only by pages that have a gated iframe (see src/core/lazy/).
 */
import { FrameGate } from '../core/gating/embeds.js';
import { provideChunk } from './runtime.js';

provideChunk('embeds', { FrameGate });
