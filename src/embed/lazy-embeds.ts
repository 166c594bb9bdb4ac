import type { FrameGate as FullFrameGate } from '../core/gating/embeds.js';
import type { ConsentRequirement } from '../core/gating/requirement.js';
import { warnOnce } from '../core/log.js';
import type { ConsentManager } from '../core/manager.js';
import { loadChunk } from './runtime.js';

/**
 * Embeds in the script-tag build (its part in src/embed/lazy-parts.ts): the placeholder, its texts in seven languages and the frame handling are loaded only
 * by a page that has a gated iframe. Until then the iframe has no `src`, so nothing loads early.
 */
export class FrameGate {
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
    this.#loading = loadChunk('embeds').then(
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
}
