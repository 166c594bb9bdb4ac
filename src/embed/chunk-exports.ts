import type * as configModule from '../core/config.js';
import type { PartModules } from '../core/lazy/part-modules.js';
import type * as liteBannerModule from './lite-banner.js';
import type * as languageChunksModule from './language-chunks.js';

/**
 * What each chunk of the script-tag build provides, typed by the modules it carries: a chunk's
 * entry (src/embed/*-chunk.ts) is checked against this when it provides, and the main file's
 * stand-ins (src/core/lazy/) get these types when they load it.
 */
export interface ChunkExports extends PartModules {
  /** The first layer without Lit, and the configuration check that runs before it is shown. */
  banner: Pick<typeof configModule, 'resolveConfig'> &
    Pick<typeof liteBannerModule, 'liteBanner'> & { loadLanguage: typeof languageChunksModule.loadLanguageChunk };
  /** Lit, the element and the preferences dialog. */
  ui: { define(): void };
}

export type ChunkName = keyof ChunkExports;
