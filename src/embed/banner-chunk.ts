/**
 * The banner of the script-tag build (dist/cookie-consent.banner.js): what a first visit needs
 * to ask, without Lit, and the configuration check that runs before it is shown (the same
 * resolveConfig npm users run at start; also run with `debug: true`). Built without the rest of
 * the core, which it takes from the main file's runtime.
 */
import { resolveConfig } from '../core/config.js';
import { liteBanner } from './lite-banner.js';
import { provideChunk } from './runtime.js';

provideChunk('banner', { liteBanner, resolveConfig });
