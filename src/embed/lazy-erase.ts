import { warnOnce } from '../core/log.js';
import { pageRuntime } from './runtime.js';

interface StoreChunk {
  eraseMatching(win: Window, patterns: string[], protectedNames?: string[]): string[];
}

/**
 * The manager's erasing of refused categories in the script-tag build (rollup.config.mjs puts
 * this in place of core/gating/erase.js for the manager): it comes with the receipts chunk
 * (dist/cookie-consent.store.js), which every decision loads anyway, and runs before the
 * decision's promise resolves, since that waits for the receipt written after it.
 */
export function eraseMatching(win: Window, patterns: string[], protectedNames: string[] = []): string[] {
  if (patterns.length === 0) return [];
  const runtime = pageRuntime();
  runtime
    .load('store')
    .then((chunk) => (chunk as StoreChunk).eraseMatching(win, patterns, protectedNames))
    .catch((error: unknown) => warnOnce('failed-erase', "the refused categories' cookies could not be erased.", error));
  return [];
}
