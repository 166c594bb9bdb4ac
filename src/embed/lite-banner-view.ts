import type { ConsentManager } from '../core/manager.js';
import { warnOnce } from '../core/log.js';
import type { BannerActions } from '../ui/banner/draw-banner.js';
import { refocusPart } from '../ui/page/refocus.js';
import type { ChunkExports } from './chunk-exports.js';
import type { InterfaceLoader } from './interface-loader.js';
import { mountLite, type LiteMount } from './lite-root.js';

export interface LiteBannerView {
  /**
   * Draws the banner into the element once its chunk is here, unless the view moved on meanwhile;
   * one drawn in another language than the manager's is replaced.
   */
  draw(host: HTMLElement): void;
  remove(): void;
  readonly drawn: boolean;
}

/**
 * The first layer of a first visit, drawn from the banner chunk without Lit. A banner that
 * cannot be drawn (its chunk blocked, a broken page) gives way to the interface.
 */
export function createLiteBannerView(
  manager: ConsentManager,
  loadChunk: () => Promise<ChunkExports['banner']>,
  ui: InterfaceLoader,
  actions: BannerActions,
  element: () => HTMLElement | null,
): LiteBannerView {
  const config = manager.config!;
  let mounted: LiteMount | null = null;
  let mountedLanguage: string | undefined;
  let loading = false;
  const insteadLoadInterface = (what: string, error: unknown): void => {
    warnOnce(`lite-${what}`, 'the banner could not be shown; the interface is loaded instead.', error);
    void ui.load().catch(() => undefined);
  };
  return {
    draw: function draw(host) {
      const language = manager.language;
      if (mountedLanguage === language || loading || ui.standsAside() || manager.view !== 'banner') return;
      loading = true;
      loadChunk()
        .then((chunk) => chunk.liteBanner(host.ownerDocument, config, language, actions, chunk.loadLanguage))
        .then(
          (banner) => {
            loading = false;
            // The page may have replaced its <body> (hydration) while the chunk loaded.
            const current = element();
            if (ui.standsAside() || manager.view !== 'banner' || !current?.isConnected) return;
            try {
              // What the element reflects, so the theme and layout styles apply before it is defined.
              if (!current.hasAttribute('theme')) current.setAttribute('theme', config.theme);
              if (!current.hasAttribute('layout')) current.setAttribute('layout', config.layout);
              const modal = config.layout === 'modal';
              // Swapped in one task: the banner in the old language stays until this one is ready.
              const focused = mounted && current.shadowRoot?.activeElement;
              mounted?.remove();
              mounted = mountLite(current, language, banner.css, banner.node, !modal);
              mountedLanguage = language;
              if (modal) (banner.node as HTMLDialogElement).showModal();
              refocusPart(focused, banner.node);
              manager.setPresentation({ language, strings: banner.shown });
            } catch (error) {
              insteadLoadInterface('mount', error);
            }
            // Switched again while this one loaded.
            if (manager.language !== language) draw(current);
          },
          (error: unknown) => {
            loading = false;
            insteadLoadInterface('banner', error);
          },
        );
    },
    remove: () => {
      mounted?.remove();
      mounted = null;
      mountedLanguage = undefined;
    },
    get drawn() {
      return mounted !== null;
    },
  };
}
