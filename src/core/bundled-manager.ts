import { bootConsent as bootWith } from './boot.js';
import { bundledParts } from './bundled-parts.js';
import { ConsentManager, pageManager, type ConsentManagerOptions, type ConsentManagerParts } from './manager.js';
import type { ConsentConfig } from './types.js';

/**
 * The consent manager as npm users create it: every part of the core bundled, the configuration
 * checked at start. Exported by the package as `ConsentManager`.
 */
export class BundledConsentManager extends ConsentManager {
  constructor(options: ConsentManagerOptions & Partial<ConsentManagerParts> = {}) {
    super({ parts: bundledParts, ...options });
  }
}

/**
 * The page's one manager (see pageManager): the script tag's, when it runs on the page too (it
 * comes first, in <head>), else one with every part bundled.
 */
export function getConsentManager(): ConsentManager {
  return pageManager(() => new BundledConsentManager());
}

/** bootConsent (src/core/boot.ts) with the page's window and one manager by default. */
export function bootConsent(
  config: ConsentConfig,
  win: Window = window,
  manager: ConsentManager = getConsentManager(),
  started?: (manager: ConsentManager) => void,
): ConsentManager {
  return bootWith(config, win, manager, started);
}
