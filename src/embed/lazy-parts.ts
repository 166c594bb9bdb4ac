import { withDefaults } from '../core/config-defaults.js';
import { configFingerprint, isCheckedConfig, rememberCheckedConfig } from '../core/config-fingerprint.js';
import type { ConsentParts } from '../core/parts.js';
import { startDebug } from './lazy-debug.js';
import { startDelivery } from './lazy-delivery.js';
import { FrameGate } from './lazy-embeds.js';
import { eraseMatching } from './lazy-erase.js';
import { appendReceipt, readReceipts } from './lazy-history.js';
import { loadChunk } from './runtime.js';

/**
 * The core's parts as the script tag hands them over: each has the type of the module it
 * stands for, and loads that module's chunk the first time it has real work to do.
 *
 * The configuration is only given its defaults at start. Its check comes with the banner
 * chunk, and runs on every page view whose configuration this browser has not seen pass:
 * a first visit (which needs the banner anyway) and the first page view after the site
 * changed its configuration. A returning visitor's page views otherwise compare a fingerprint
 * kept in a cookie (src/core/config-fingerprint.ts).
 */
export const lazyParts = {
  resolveConfig: withDefaults,
  confirmConfig: (config, { window, resolved, cookies }) =>
    isCheckedConfig(cookies, resolved, configFingerprint(config))
      ? null
      : loadChunk('banner', window).then((chunk) => {
          chunk.resolveConfig(config);
        }),
  rememberConfig: (config, { window, resolved }) => rememberCheckedConfig(window.document, resolved, configFingerprint(config)),
  appendReceipt,
  readReceipts,
  eraseMatching,
  startDelivery,
  FrameGate,
  startDebug,
} satisfies ConsentParts;
