import { resolveConfig } from './config.js';
import { importPart } from './lazy/import-part.js';
import { lazyParts } from './lazy/parts.js';
import type { ConsentParts } from './parts.js';

/**
 * The core's parts as npm users get them: the configuration checked at start (a wrong one throws
 * there, naming the key), the rest as dynamic imports a bundler splits off, so an app's first
 * chunk carries no receipts, delivery, embeds or debug code until a page needs them.
 */
export const bundledParts = {
  resolveConfig,
  // resolveConfig checked the configuration already, and threw if it was wrong.
  confirmConfig: () => null,
  rememberConfig: () => undefined,
  ...lazyParts(importPart),
} satisfies ConsentParts;
