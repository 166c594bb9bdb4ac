import { warnOnce } from '../core/log.js';
import type { ConsentManager } from '../core/manager.js';
import { baseLanguage, pickLanguage } from '../core/language.js';
import type { ChunkExports } from './chunk-exports.js';
import type { LiteBanner } from './lite-banner.js';
import { listenForOpeners } from '../ui/page/openers.js';
import { TAG_NAME } from '../ui/tag-name.js';
import { createUiState, type Shown } from '../ui/ui-state.js';
import { mountLite, type LiteMount } from './lite-root.js';
import { renderSettingsButton, type LiteSettingsButton } from './settings-button.js';
import { SETTINGS_LABELS } from './settings-look.js';

interface OpenableElement extends HTMLElement {
  openPreferences?(opener?: HTMLElement | null): void;
}

export interface LazyUiChunks {
  /** The interface: Lit, the element, the preferences dialog (dist/cookie-consent.ui.js). */
  ui(): Promise<ChunkExports['ui']>;
  /** The first layer without Lit (dist/cookie-consent.banner.js). */
  banner(): Promise<ChunkExports['banner']>;
}

/**
 * Draws what a visitor needs without loading the interface (Lit), and loads it only when the
 * visitor opens the preferences ("Customize", the settings button, a `data-consent-open` link,
 * `showPreferences()`):
 * - no valid decision (first visit, new revision, expiry, a reset): the banner, from its own
 *   small chunk; "Accept all" and "Reject all" decide right there;
 * - a decision: the settings button, drawn here.
 * Once the interface is loaded it takes over the element and all of this stops.
 */
export function startLazyUi(manager: ConsentManager, win: Window, chunks: LazyUiChunks): () => Promise<unknown> {
  const doc = win.document;
  const config = manager.config!;
  const language = pickLanguage(config.language, doc.documentElement.lang, win.navigator.languages ?? [], config.translations);
  let settings: LiteSettingsButton | null = null;
  let banner: LiteMount | null = null;
  let bannerLoading = false;
  let uiLoading: Promise<unknown> | null = null;
  let handedOver = false;
  const state = createUiState(manager);
  /**
   * Nothing is drawn before the manager is ready: on a page view whose configuration this
   * browser has not seen pass, that is once the check passed (or failed: then only the settings).
   */
  let ready = false;

  const element = (): OpenableElement | null => doc.querySelector<OpenableElement>(TAG_NAME);
  const definedElsewhere = (): boolean => win.customElements.get(TAG_NAME) !== undefined && !handedOver;

  const removeDrawn = (): void => {
    settings?.remove();
    settings = null;
    banner?.remove();
    banner = null;
  };

  const stop = (): void => {
    handedOver = true;
    removeDrawn();
    stopOpeners();
    manager.removeEventListener('consent-view', onView);
  };

  const loadUi = (): Promise<unknown> => {
    if (uiLoading) return uiLoading;
    // Another copy (an npm build) already defines the element: it is the interface.
    if (definedElsewhere()) {
      stop();
      return (uiLoading = Promise.resolve());
    }
    uiLoading = chunks.ui().then((chunk) => {
      stop();
      chunk.define();
    });
    uiLoading.catch(() => {
      // The loader warned; the next request tries again.
      uiLoading = null;
    });
    return uiLoading;
  };

  const open = (opener: HTMLElement | null): void => {
    const fromBanner = manager.view === 'banner';
    loadUi().then(
      () => {
        // "Customize", then "Accept all" (or Escape) while the interface loaded: the visitor answered.
        if (fromBanner && manager.view !== 'banner') return;
        try {
          const target = element();
          if (target?.openPreferences) target.openPreferences(opener);
          else manager.showPreferences();
        } catch (error) {
          warnOnce('lite-open', 'the settings could not be opened.', error);
        }
      },
      () => undefined,
    );
  };

  const decide = (choice: 'acceptAll' | 'rejectAll'): void => {
    // The manager keeps the choice even when storage fails; nothing here may throw into the page.
    manager[choice]({ layer: 'banner' }).catch((error: unknown) => warnOnce('lite-decide', 'saving the choice failed', error));
  };

  const drawBanner = (): void => {
    const host = element();
    if (!host || banner || bannerLoading || handedOver || uiLoading || manager.view !== 'banner') return;
    if (definedElsewhere()) return;
    bannerLoading = true;
    chunks
      .banner()
      .then((chunk) =>
        chunk.liteBanner(
          doc,
          config,
          language,
          {
          acceptAll: () => decide('acceptAll'),
          rejectAll: () => decide('rejectAll'),
          customize: () => open(null),
          modalClosed: state.modalBannerClosed,
          },
          chunk.loadLanguage,
        ),
      )
      .then(
        (drawn) => {
          bannerLoading = false;
          // The page may have replaced its <body> (hydration) while the chunk loaded.
          const current = element();
          if (handedOver || uiLoading || manager.view !== 'banner' || !current?.isConnected) return;
          try {
            mountBanner(current, drawn);
          } catch (error) {
            warnOnce('lite-mount', 'the banner could not be shown; the interface is loaded instead.', error);
            void loadUi().catch(() => undefined);
          }
        },
        (error: unknown) => {
          bannerLoading = false;
          warnOnce('lite-banner', 'the banner could not be drawn; the interface is loaded instead.', error);
          void loadUi().catch(() => undefined);
        },
      );
  };

  const mountBanner = (host: HTMLElement, drawn: LiteBanner): void => {
    settings?.remove();
    settings = null;
    // What the element reflects, so the theme and layout styles apply before it is defined.
    if (!host.hasAttribute('theme')) host.setAttribute('theme', config.theme);
    if (!host.hasAttribute('layout')) host.setAttribute('layout', config.layout);
    const modal = config.layout === 'modal';
    banner = mountLite(host, language, drawn.css, drawn.node, !modal);
    if (modal) (drawn.node as HTMLDialogElement).showModal();
    manager.setPresentation({ language, strings: drawn.shown });
  };

  const drawSettingsButton = (): void => {
    const host = element();
    if (!host || settings || handedOver || definedElsewhere()) return;
    try {
      const base = baseLanguage(language);
      const label = config.translations[language]?.['settingsButton'] ?? config.translations[base]?.['settingsButton'] ?? SETTINGS_LABELS[base] ?? SETTINGS_LABELS['en']!;
      settings = renderSettingsButton(host, language, label, open);
    } catch (error) {
      warnOnce('lite-settings', 'the settings button could not be drawn; data-consent-open links still open the settings.', error);
    }
  };

  const onView = (): void => {
    if (!ready) return;
    state.viewChanged();
    const shown = state.shown();
    if (shown.preferences) {
      void loadUi().catch(() => undefined);
      return;
    }
    const before: Shown = { banner: banner !== null, preferences: false, settingsButton: settings !== null };
    const bannerHadFocus = banner !== null && element()?.shadowRoot?.activeElement != null;
    if (!shown.banner) {
      banner?.remove();
      banner = null;
    }
    if (!shown.settingsButton) {
      settings?.remove();
      settings = null;
    }
    if (shown.banner) drawBanner();
    if (shown.settingsButton) drawSettingsButton();
    if (state.focusesSettingsButton(before, bannerHadFocus)) settings?.button.focus();
  };

  // The interface listens for these itself once loaded; until then a click must not be lost.
  const stopOpeners = listenForOpeners(doc, open);

  manager.addEventListener('consent-view', onView);
  // The element to draw into exists once <body> does: then show what the current view asks for.
  const bodyParsed = doc.readyState === 'loading' ? new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true })) : null;
  void Promise.all([manager.ready, bodyParsed]).then(() => {
    ready = true;
    onView();
  });
  return loadUi;
}
