/**
 * What each chunk of the script-tag build provides, typed by the modules it carries: a chunk's
 * entry (src/embed/*-chunk.ts) is checked against this when it provides, and the main file's
 * stand-ins (src/embed/lazy-*.ts) get these types when they load it.
 */
export interface ChunkExports {
  /** The first layer without Lit, and the configuration check that runs before it is shown. */
  banner: Pick<typeof import('../core/config.js'), 'resolveConfig'> & Pick<typeof import('./lite-banner.js'), 'liteBanner'>;
  /** Lit, the element and the preferences dialog; the configuration check too. */
  ui: Pick<typeof import('../core/config.js'), 'resolveConfig'> & { define(): void };
  /** The receipts in IndexedDB and the erasing of refused categories. */
  store: Pick<typeof import('../core/storage/history.js'), 'appendReceipt' | 'readReceipts' | 'consentStore'> &
    Pick<typeof import('../core/gating/erase.js'), 'eraseMatching'>;
  delivery: Pick<typeof import('../core/delivery/delivery.js'), 'startDelivery'>;
  embeds: Pick<typeof import('../core/gating/embeds.js'), 'FrameGate'>;
  debug: Pick<typeof import('../core/debug.js'), 'startDebug'>;
}

export type ChunkName = keyof ChunkExports;
