/**
 * The banner of the script-tag build (dist/cookie-consent.banner.js): what a first visit needs
 * to ask, without Lit, and the configuration check (the same resolveConfig npm users run at
 * start), which also runs on a page view whose configuration this browser has not seen pass.
 */
import { resolveConfig } from '../core/config.js';
import { loadLanguageChunk } from './language-chunks.js';
import { liteBanner } from './lite-banner.js';
import { provideChunk } from './runtime.js';

provideChunk('banner', { liteBanner, loadLanguage: loadLanguageChunk, resolveConfig });
