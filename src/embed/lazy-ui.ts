import { warnOnce } from '../core/log.js';
import type { ConsentManager } from '../core/manager.js';
/** The element's name; define.ts has it too, but importing that would bring the interface in. */
const TAG_NAME = 'cookie-consent';
import { pickLanguage } from '../ui/i18n/languages.js';
import { renderSettingsButton, SETTINGS_LABELS, type LiteSettingsButton } from './settings-button.js';

interface OpenableElement extends HTMLElement {
  openPreferences?(opener?: HTMLElement | null): void;
}

/**
 * Loads the interface (Lit, the element, English) only when the visitor needs it: no valid
 * decision (first visit, new revision, expiry), the page asked for a view (`showBanner()`,
 * `showPreferences()`, a reset, another tab's reset), or the visitor opened the settings. Until
 * then a returning visitor gets a settings button drawn without it, and `data-consent-open`
 * clicks are caught here; both load the interface and then open the preferences.
 */
export function startLazyUi(manager: ConsentManager, win: Window, loadUi: () => Promise<unknown>): void {
  const doc = win.document;
  const config = manager.config!;
  let lite: LiteSettingsButton | null = null;
  let loading: Promise<unknown> | null = null;
  let handedOver = false;

  const element = (): OpenableElement | null => doc.querySelector<OpenableElement>(TAG_NAME);
  const definedElsewhere = (): boolean => win.customElements.get(TAG_NAME) !== undefined && !handedOver;

  const stop = (): void => {
    handedOver = true;
    doc.removeEventListener('click', onOpenerClick);
    manager.removeEventListener('consent-view', onView);
  };

  const load = (): Promise<unknown> => {
    if (loading) return loading;
    // Another copy (an npm build) already defines the element: it is the interface.
    if (definedElsewhere()) {
      stop();
      return (loading = Promise.resolve());
    }
    loading = loadUi().then(() => {
      lite?.remove();
      lite = null;
      stop();
    });
    loading.catch(() => {
      // The loader warned; the next request tries again.
      loading = null;
    });
    return loading;
  };

  const open = (opener: HTMLElement | null): void => {
    load().then(
      () => {
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

  const onView = (): void => {
    if (manager.view !== 'none') void load().catch(() => undefined);
  };

  // The interface listens for these itself once loaded; until then a click must not be lost.
  const onOpenerClick = (event: MouseEvent): void => {
    const opener = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-consent-open]') : null;
    if (!opener) return;
    event.preventDefault();
    open(opener);
  };

  const drawSettingsButton = (): void => {
    const host = element();
    if (!host || handedOver || loading || !config.settingsButton || manager.view !== 'none' || !manager.decision) return;
    if (definedElsewhere()) return;
    try {
      const language = pickLanguage(config.language, doc.documentElement.lang, win.navigator.languages ?? [], config.translations);
      const base = language.split('-')[0]!;
      const label = config.translations[language]?.['settingsButton'] ?? config.translations[base]?.['settingsButton'] ?? SETTINGS_LABELS[base] ?? SETTINGS_LABELS['en']!;
      lite = renderSettingsButton(host, language, label, open);
    } catch (error) {
      warnOnce('lite-settings', 'the settings button could not be drawn; data-consent-open links still open the settings.', error);
    }
  };

  manager.addEventListener('consent-view', onView);
  doc.addEventListener('click', onOpenerClick);
  onView();
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', drawSettingsButton, { once: true });
  else drawSettingsButton();
}
