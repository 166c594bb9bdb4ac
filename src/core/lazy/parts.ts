import type { ConsentParts } from '../parts.js';
import { lazyDebug } from './debug.js';
import { lazyDelivery } from './delivery.js';
import { lazyFrameGate } from './embeds.js';
import { lazyErase } from './erase.js';
import { lazyHistory } from './history.js';
import type { PartLoader } from './part-modules.js';

/** What every build leaves to its own needs: how the configuration is checked. */
type ConfigParts = 'resolveConfig' | 'confirmConfig' | 'rememberConfig';

/**
 * The core's optional parts as stand-ins with the types of the modules they stand for, each
 * loading its module through `load` the first time it has real work to do. The npm build
 * passes dynamic imports (src/core/lazy/import-part.ts), the script tag its chunks.
 */
export function lazyParts(load: PartLoader) {
  return {
    ...lazyHistory(load),
    eraseMatching: lazyErase(load),
    startDelivery: lazyDelivery(load),
    FrameGate: lazyFrameGate(load),
    startDebug: lazyDebug(load),
  } satisfies Omit<ConsentParts, ConfigParts>;
}
