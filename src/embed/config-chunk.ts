/**
 * The configuration check of the script-tag build (dist/cookie-consent.config.js): the same
 * resolveConfig npm users run at start, loaded before the banner or the preferences are shown,
 * and with `debug: true`.
 */
import { resolveConfig } from '../core/config.js';
import { pageRuntime } from './runtime.js';

pageRuntime().provide('config', { resolveConfig });
