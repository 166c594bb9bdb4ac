import { TAG_NAME } from '../ui/tag-name.js';
import type { ChunkExports } from './chunk-exports.js';

export interface InterfaceLoader {
  /** Loads and defines the interface (Lit, the element, the dialog) once; a failed load may be asked again. */
  load(): Promise<unknown>;
  /** Whether the head UI must draw nothing new: the interface is loading, took over, or another copy defines the element. */
  standsAside(): boolean;
}

/**
 * The hand-over from the script tag's head UI to the interface: `takeDown` removes what the head
 * UI drew, right before the interface defines the element and renders into the same shadow root.
 */
export function createInterfaceLoader(win: Window, loadChunk: () => Promise<ChunkExports['ui']>, takeDown: () => void): InterfaceLoader {
  let loading: Promise<unknown> | null = null;
  let handedOver = false;
  const definedElsewhere = (): boolean => win.customElements.get(TAG_NAME) !== undefined && !handedOver;
  const handOver = (): void => {
    handedOver = true;
    takeDown();
  };
  return {
    load: () => {
      if (loading) return loading;
      // Another copy (an npm build) already defines the element: it is the interface.
      if (definedElsewhere()) {
        handOver();
        return (loading = Promise.resolve());
      }
      loading = loadChunk().then((chunk) => {
        handOver();
        chunk.define();
      });
      loading.catch(() => {
        // The loader warned; the next request tries again.
        loading = null;
      });
      return loading;
    },
    standsAside: () => handedOver || loading !== null || definedElsewhere(),
  };
}
