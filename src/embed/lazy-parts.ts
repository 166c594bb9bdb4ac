import { withDefaults } from '../core/config-defaults.js';
import type { ConsentParts } from '../core/parts.js';
import { startDebug } from './lazy-debug.js';
import { startDelivery } from './lazy-delivery.js';
import { FrameGate } from './lazy-embeds.js';
import { eraseMatching } from './lazy-erase.js';
import { appendReceipt, readReceipts } from './lazy-history.js';

/**
 * The core's parts as the script tag hands them over: each has the type of the module it
 * stands for, and loads that module's chunk the first time it has real work to do. The
 * configuration is only given its defaults here; the banner and interface chunks carry the
 * check and run it before anything of the configuration is shown (src/embed/lazy-ui.ts).
 */
export const lazyParts = {
  resolveConfig: withDefaults,
  appendReceipt,
  readReceipts,
  eraseMatching,
  startDelivery,
  FrameGate,
  startDebug,
} satisfies ConsentParts;
