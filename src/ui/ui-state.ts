import type { ConsentManager } from '../core/manager.js';

/** What the widget draws at a moment. */
export interface Shown {
  banner: boolean;
  preferences: boolean;
  settingsButton: boolean;
}

/**
 * What the widget shows, decided in one place for both of its faces: the script tag's head UI
 * (src/embed/lazy-ui.ts, before Lit loads) and the Lit element. Each follows the manager's view
 * and draws what `shown()` says; neither works it out on its own.
 */
export interface UiState {
  shown(): Shown;
  /** Call on every `consent-view`: a banner shown again is a fresh question. */
  viewChanged(): void;
  /** A modal banner closed without an answer (Escape): the settings button is offered instead. */
  modalBannerClosed(): void;
  /**
   * The preferences closed without saving, which is never consent: with no decision the visitor
   * is asked again, unless the configuration is broken (then no banner asks; the settings stay).
   */
  preferencesClosed(): void;
  /**
   * Where focus goes when the view changed: the banner went away with the button that had it,
   * so its successor, the settings button, takes it (WCAG 2.4.3).
   */
  focusesSettingsButton(before: Shown, bannerHadFocus: boolean): boolean;
}

export function createUiState(manager: ConsentManager): UiState {
  /** The visitor closed the first layer without answering: no banner until it is asked for again. */
  let dismissed = false;
  const shown = (): Shown => {
    const view = manager.view;
    const decided = manager.decision !== null;
    return {
      // The banner stays under a preferences dialog opened from it, so closing the dialog
      // without a choice returns to it (WAI-ARIA dialog pattern).
      banner: view === 'banner' || (view === 'preferences' && !decided && !dismissed),
      preferences: view === 'preferences',
      // After a broken configuration's error too: the visitor can still withdraw.
      settingsButton: manager.config?.settingsButton === true && view === 'none' && (decided || dismissed || manager.configError !== undefined),
    };
  };
  return {
    shown,
    viewChanged: () => {
      if (manager.view === 'banner') dismissed = false;
    },
    modalBannerClosed: () => {
      if (manager.view === 'banner' && !manager.decision) {
        dismissed = true;
        manager.hide();
      }
    },
    preferencesClosed: () => {
      if (manager.view !== 'preferences') return;
      if (manager.decision || manager.configError) manager.hide();
      else manager.showBanner();
    },
    focusesSettingsButton: (before, bannerHadFocus) => before.banner && bannerHadFocus && shown().settingsButton,
  };
}
