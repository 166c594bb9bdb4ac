import type { ConsentManager } from '../manager.js';
import type { PartLoader } from './part-modules.js';

/** Debug mode loads only with `debug: true`, so no visitor of a live site downloads it. */
export function lazyDebug(load: PartLoader) {
  return (manager: ConsentManager, win: Window): void => {
    if (!manager.config?.debug) return;
    load('debug', win).then(
      (part) => part.startDebug(manager, win),
      () => undefined,
    );
  };
}
