import { warnOnce } from '../core/log.js';
import type { ConsentManager } from '../core/manager.js';
import { baseLanguage, pickLanguage } from '../core/language.js';
import type { ChunkExports } from './chunk-exports.js';
import { createInterfaceLoader } from './interface-loader.js';
import { createLiteBannerView } from './lite-banner-view.js';
import { listenForOpeners } from '../ui/page/openers.js';
import { TAG_NAME } from '../ui/tag-name.js';
import { createUiState, type Shown } from '../ui/ui-state.js';
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
  const state = createUiState(manager);
  const element = (): OpenableElement | null => doc.querySelector<OpenableElement>(TAG_NAME);
  let settings: LiteSettingsButton | null = null;
  /**
   * Nothing is drawn before the manager is ready: on a page view whose configuration this
   * browser has not seen pass, that is once the check passed (or failed: then only the settings).
   */
  let ready = false;

  const ui = createInterfaceLoader(win, chunks.ui, () => {
    removeSettings();
    banner.remove();
    stopOpeners();
    manager.removeEventListener('consent-view', onView);
  });

  const open = (opener: HTMLElement | null): void => {
    const fromBanner = manager.view === 'banner';
    ui.load().then(
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

  const banner = createLiteBannerView(
    manager,
    language,
    chunks.banner,
    ui,
    {
      acceptAll: () => decide('acceptAll'),
      rejectAll: () => decide('rejectAll'),
      customize: () => open(null),
      modalClosed: state.modalBannerClosed,
    },
    element,
  );

  const drawSettingsButton = (host: HTMLElement): void => {
    if (settings || ui.standsAside()) return;
    try {
      const base = baseLanguage(language);
      const label =
        config.translations[language]?.['settingsButton'] ?? config.translations[base]?.['settingsButton'] ?? SETTINGS_LABELS[base] ?? SETTINGS_LABELS['en']!;
      settings = renderSettingsButton(host, language, label, open);
    } catch (error) {
      warnOnce('lite-settings', 'the settings button could not be drawn; data-consent-open links still open the settings.', error);
    }
  };

  const removeSettings = (): void => {
    settings?.remove();
    settings = null;
  };

  /** Draws what the shared UI state says shows now; the dialog is the interface's. */
  const onView = (): void => {
    if (!ready) return;
    state.viewChanged();
    const shown = state.shown();
    if (shown.preferences) {
      void ui.load().catch(() => undefined);
      return;
    }
    const host = element();
    const before: Shown = { banner: banner.drawn, preferences: false, settingsButton: settings !== null };
    const bannerHadFocus = banner.drawn && host?.shadowRoot?.activeElement != null;
    if (!shown.banner) banner.remove();
    if (!shown.settingsButton) removeSettings();
    if (!host) return;
    if (shown.banner) banner.draw(host);
    if (shown.settingsButton) drawSettingsButton(host);
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
  return ui.load;
}
