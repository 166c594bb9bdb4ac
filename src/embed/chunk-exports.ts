import type * as configModule from '../core/config.js';
import type * as debugModule from '../core/debug.js';
import type * as deliveryModule from '../core/delivery/delivery.js';
import type * as embedsModule from '../core/gating/embeds.js';
import type * as eraseModule from '../core/gating/erase.js';
import type * as historyModule from '../core/storage/history.js';
import type * as liteBannerModule from './lite-banner.js';

/**
 * What each chunk of the script-tag build provides, typed by the modules it carries: a chunk's
 * entry (src/embed/*-chunk.ts) is checked against this when it provides, and the main file's
 * stand-ins (src/embed/lazy-*.ts) get these types when they load it.
 */
export interface ChunkExports {
  /** The first layer without Lit, and the configuration check that runs before it is shown. */
  banner: Pick<typeof configModule, 'resolveConfig'> & Pick<typeof liteBannerModule, 'liteBanner'>;
  /** Lit, the element and the preferences dialog; the configuration check too. */
  ui: Pick<typeof configModule, 'resolveConfig'> & { define(): void };
  /** The receipts in IndexedDB and the erasing of refused categories. */
  store: Pick<typeof historyModule, 'appendReceipt' | 'readReceipts' | 'consentStore'> & Pick<typeof eraseModule, 'eraseMatching'>;
  delivery: Pick<typeof deliveryModule, 'startDelivery'>;
  embeds: Pick<typeof embedsModule, 'FrameGate'>;
  debug: Pick<typeof debugModule, 'startDebug'>;
}

export type ChunkName = keyof ChunkExports;
