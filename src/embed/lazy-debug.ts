import type { ConsentManager } from '../core/manager.js';
import { loadChunk } from './runtime.js';

/** Debug mode in the script-tag build: its chunk loads only with `debug: true`, so no visitor of a live site downloads it. */
export function startDebug(manager: ConsentManager, win: Window): void {
  if (!manager.config?.debug) return;
  loadChunk('debug', win).then(
    (chunk) => chunk.startDebug(manager, win),
    () => undefined,
  );
}
