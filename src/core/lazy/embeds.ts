import type { FrameGate as FullFrameGate } from '../gating/embeds.js';
import type { ConsentRequirement } from '../gating/requirement.js';
import { warnOnce } from '../log.js';
import type { ConsentManager } from '../manager.js';
import type { PartLoader } from './part-modules.js';

/**
 * Embeds: the placeholder, its texts in seven languages and the frame handling load only on a
 * page that has a gated iframe. Until then the iframe has no `src`, so nothing loads early.
 */
export function lazyFrameGate(load: PartLoader) {
  return class FrameGate {
    #full?: FullFrameGate;
    #loading?: Promise<void>;
    /** The latest state of each frame seen before the chunk arrived. */
    readonly #waiting = new Map<HTMLIFrameElement, [ConsentRequirement, boolean]>();
    readonly #manager: ConsentManager;

    constructor(manager: ConsentManager) {
      this.#manager = manager;
    }

    apply(frame: HTMLIFrameElement, requirement: ConsentRequirement, met: boolean): void {
      if (this.#full) return this.#full.apply(frame, requirement, met);
      this.#waiting.set(frame, [requirement, met]);
      if (this.#loading) return;
      this.#loading = load('embeds').then(
        (chunk) => {
          const full = new chunk.FrameGate(this.#manager);
          this.#full = full;
          for (const [waitingFrame, [waitingRequirement, waitingMet]] of this.#waiting) {
            try {
              full.apply(waitingFrame, waitingRequirement, waitingMet);
            } catch (error) {
              warnOnce('embeds-apply', 'an embed could not be gated; it stays unloaded.', error);
            }
          }
          this.#waiting.clear();
        },
        () => {
          // The loader warned; the frames stay without src (nothing loads) until the next change.
          this.#loading = undefined;
        },
      );
    }
  };
}
