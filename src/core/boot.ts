import { startGating } from './gating/start.js';
import { resumeErasing } from './lazy/erase.js';
import type { ConsentManager } from './manager.js';
import { startSignals } from './signals/start.js';
import type { ConsentConfig } from './types.js';

/**
 * Starts everything a page needs from one configuration, in the order the page needs it: the
 * manager (reads the stored decision synchronously), then the parts that act on the decision.
 * The script tag and the element both start the widget through here; only the first call counts.
 * `started` runs once the stored decision is known, before the rest: the script tag starts
 * downloading the banner there on a first visit. The manager brings the parts (src/core/parts.ts).
 * @throws ConsentConfigError when the configuration is wrong, naming the key.
 */
export function bootConsent(config: ConsentConfig, win: Window, manager: ConsentManager, started?: (manager: ConsentManager) => void): ConsentManager {
  if (manager.started) return manager;
  manager.start(config, { window: win });
  started?.(manager);
  // Signals first: every tag's consent default must be in place before a gated tag runs.
  startSignals(manager, win);
  startGating(manager, win);
  manager.parts.startDebug(manager, win);
  manager.parts.startDelivery(manager, { window: win });
  resumeErasing(win, manager);
  return manager;
}
