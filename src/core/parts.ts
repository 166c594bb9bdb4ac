import type { startDebug } from './debug.js';
import type { startDelivery } from './delivery/delivery.js';
import type { FrameGate } from './gating/embeds.js';
import type { ConsentManager } from './manager.js';
import type { eraseMatching } from './gating/erase.js';
import type { appendReceipt, readReceipts } from './storage/history.js';
import type { ConsentConfig, ResolvedConfig } from './types.js';

/** What the manager knows when it asks about the configuration: no part reads the cookies again. */
export interface ConfigContext {
  window: Window;
  resolved: ResolvedConfig;
  /** The page's cookies, as the manager read them at start. */
  cookies: string;
}

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
  /**
   * Null when the configuration is known to have passed its check (npm: resolveConfig checked
   * it at start), else a promise that resolves once it passed or rejects with the
   * ConsentConfigError. Until then the manager grants nothing that is not required.
   */
  confirmConfig(config: ConsentConfig, context: ConfigContext): Promise<void> | null;
  /** Remembers that the configuration passed, once the visitor has decided (nothing is stored before). */
  rememberConfig(config: ConsentConfig, context: Omit<ConfigContext, 'cookies'>): void;
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
