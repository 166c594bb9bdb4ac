import { warnOnce } from '../core/log.js';
import type { ConsentManager } from '../core/manager.js';
import { baseLanguage, overridesFor } from '../core/language.js';
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
    langObserver.disconnect();
    manager.removeEventListener('consent-view', onView);
    manager.removeEventListener('consent-language', onLanguage);
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
      const language = manager.language;
      // The interface's own lookup (overridesFor), so the label stays the same when it takes over.
      const label = overridesFor(language, config.translations)['settingsButton'] ?? SETTINGS_LABELS[baseLanguage(language)] ?? SETTINGS_LABELS['en']!;
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

  /** What shows stays, in the new language; the banner is replaced once its strings are here. */
  const onLanguage = (): void => {
    const focused = settings?.button.matches(':focus');
    removeSettings();
    onView();
    if (focused) settings?.button.focus();
  };

  // The interface listens for these itself once loaded; until then a click must not be lost.
  const stopOpeners = listenForOpeners(doc, open);
  // The element's lang attribute, changed, switches the language, as it does on the interface's element.
  const langObserver = new (win as unknown as typeof globalThis).MutationObserver((records) => {
    const host = element();
    if (records.some((record) => record.target === host)) manager.setLanguage(host!.lang);
  });
  langObserver.observe(doc, { attributeFilter: ['lang'], subtree: true });

  manager.addEventListener('consent-view', onView);
  manager.addEventListener('consent-language', onLanguage);
  // The element to draw into exists once <body> does: then show what the current view asks for.
  const bodyParsed = doc.readyState === 'loading' ? new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true })) : null;
  void Promise.all([manager.ready, bodyParsed]).then(() => {
    ready = true;
    onView();
  });
  return ui.load;
}
