import type { PartLoader, PartModules, PartName } from './part-modules.js';

// Dynamic imports, which a bundler splits off: a page loads each only when it has work to do.
const modules: { [K in PartName]: () => Promise<PartModules[K]> } = {
  store: () => import('../store-part.js'),
  delivery: () => import('../delivery/delivery.js'),
  embeds: () => import('../gating/embeds.js'),
  debug: () => import('../debug.js'),
};

/** The parts as npm users load them. */
export const importPart: PartLoader = (name) => modules[name]();
