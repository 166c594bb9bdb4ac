import { withDefaults } from '../core/config-defaults.js';
import { configFingerprint, isCheckedConfig, rememberCheckedConfig } from '../core/config-fingerprint.js';
import { lazyParts } from '../core/lazy/parts.js';
import type { ConsentParts } from '../core/parts.js';
import { loadChunk } from './runtime.js';

/**
 * The core's parts as the script tag hands them over: stand-ins with the types of the modules
 * they stand for, each loading its module's chunk the first time it has real work to do.
 *
 * The configuration is only given its defaults at start. Its check comes with the banner
 * chunk, and runs on every page view whose configuration this browser has not seen pass:
 * a first visit (which needs the banner anyway) and the first page view after the site
 * changed its configuration. A returning visitor's page views otherwise compare a fingerprint
 * kept in a cookie (src/core/config-fingerprint.ts).
 */
export const scriptTagParts = {
  resolveConfig: withDefaults,
  confirmConfig: (config, { window, resolved, cookies }) =>
    isCheckedConfig(cookies, resolved, configFingerprint(config))
      ? null
      : loadChunk('banner', window).then((chunk) => {
          chunk.resolveConfig(config);
        }),
  rememberConfig: (config, { window, resolved }) => rememberCheckedConfig(window.document, resolved, configFingerprint(config)),
  ...lazyParts(loadChunk),
} satisfies ConsentParts;
