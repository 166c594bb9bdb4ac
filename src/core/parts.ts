import type { startDebug } from './debug.js';
import type { startDelivery } from './delivery/delivery.js';
import type { FrameGate } from './gating/embeds.js';
import type { ConsentManager } from './manager.js';
import type { eraseMatching } from './gating/erase.js';
import type { appendReceipt, readReceipts } from './storage/history.js';
import type { ConsentConfig, ResolvedConfig } from './types.js';

/**
 * The parts of the consent core that not every page view needs, handed to the manager as one
 * object (the way idb-keyval's functions take a store): the npm entry passes the modules
 * themselves (src/core/bundled-parts.ts); the script tag passes stand-ins with the same types
 * that load each module when it is first needed (src/embed/lazy-parts.ts). The core calls
 * only what is here, so reading it tells what runs in both builds.
 */
export interface ConsentParts {
  /** Defaults and the configuration check; the script tag's runs the check later (see lazy-parts). */
  resolveConfig(config: ConsentConfig): ResolvedConfig;
  /** The visitor's receipts in IndexedDB. */
  appendReceipt: typeof appendReceipt;
  readReceipts: typeof readReceipts;
  /** Erasing the cookies and storage keys of what a decision refuses. */
  eraseMatching: typeof eraseMatching;
  /** Delivery of consent records to the site's endpoint. */
  startDelivery: typeof startDelivery;
  /** Gated iframes and their placeholder. */
  FrameGate: new (manager: ConsentManager) => Pick<FrameGate, 'apply'>;
  /** Debug mode's warnings (`debug: true`). */
  startDebug: typeof startDebug;
}
