import type * as debugModule from '../debug.js';
import type * as deliveryModule from '../delivery/delivery.js';
import type * as embedsModule from '../gating/embeds.js';
import type * as eraseModule from '../gating/erase.js';
import type * as historyModule from '../storage/history.js';

/**
 * The parts of the core that load on demand, typed by the modules they carry. The npm build
 * imports each as a module a bundler splits off (src/core/lazy/import-part.ts); the script tag
 * loads each as a chunk of its own (src/embed/*-chunk.ts provide them).
 */
export interface PartModules {
  /** The receipts in IndexedDB and the erasing of refused categories (one database connection). */
  store: Pick<typeof historyModule, 'appendReceipt' | 'readReceipts' | 'consentStore'> & Pick<typeof eraseModule, 'eraseMatching'>;
  delivery: Pick<typeof deliveryModule, 'startDelivery'>;
  embeds: Pick<typeof embedsModule, 'FrameGate'>;
  debug: Pick<typeof debugModule, 'startDebug'>;
}

export type PartName = keyof PartModules;

/** Loads a part the first time it has work to do; rejects when it cannot (offline, blocked). */
export type PartLoader = <K extends PartName>(name: K, win?: Window) => Promise<PartModules[K]>;
