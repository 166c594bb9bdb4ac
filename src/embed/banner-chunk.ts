/**
 * The banner of the script-tag build (dist/cookie-consent.banner.js): what a first visit needs
 * to ask, without Lit. Built without the core, which it takes from the main file's runtime.
 */
import { liteBanner } from './lite-banner.js';
import { pageRuntime } from './runtime.js';

pageRuntime().provide('banner', { liteBanner });
