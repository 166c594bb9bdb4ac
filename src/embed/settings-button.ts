import { mountLite, type LiteMount } from './lite-root.js';

/** The one string a returning visitor sees; the same text as each translation's `settingsButton`. */
export const SETTINGS_LABELS: Record<string, string> = {
  en: 'Cookie settings',
  lv: 'Sīkdatņu iestatījumi',
  ru: 'Настройки cookie',
  de: 'Cookie-Einstellungen',
  fr: 'Paramètres des cookies',
  es: 'Configuración de cookies',
  ar: 'إعدادات ملفات تعريف الارتباط',
};

// The look of the UI's settings button (cookie-consent.styles.ts), so nothing moves when the
// UI takes over. A constructed stylesheet: CSP's style-src does not apply to it.
const CSS =
  ':host{--cc-font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;--cc-font-size:1rem;--cc-button-bg:#1b1b1f;--cc-button-text:#fff;--cc-focus:#0b57d0;--cc-radius:.5rem;--cc-shadow:0 .25rem 1.5rem rgb(0 0 0/.2);--cc-z-index:2147483000;font-family:var(--cc-font-family);font-size:var(--cc-font-size);line-height:1.5}' +
  ':host([theme=dark]){--cc-button-bg:#f2f2f5;--cc-button-text:#1b1b1f;--cc-focus:#9cc2ff}' +
  '@media (prefers-color-scheme:dark){:host(:not([theme=light])){--cc-button-bg:#f2f2f5;--cc-button-text:#1b1b1f;--cc-focus:#9cc2ff}}' +
  'button{font:inherit;font-weight:600;line-height:1.25;border-radius:var(--cc-radius);border:2px solid var(--cc-button-bg);background:var(--cc-button-bg);color:var(--cc-button-text);cursor:pointer;position:fixed;z-index:var(--cc-z-index);inset-block-end:1rem;inset-inline-start:1rem;min-height:2.5rem;padding:.5rem .875rem;font-size:.875em;box-shadow:var(--cc-shadow)}' +
  'button:hover{filter:brightness(1.15)}button:focus-visible{outline:3px solid var(--cc-focus);outline-offset:2px}' +
  '@media (forced-colors:active){button{border-color:ButtonText}button:focus-visible{outline-color:Highlight}}';

/** Removing it gives back the space it reserved: the UI renders its own. */
export interface LiteSettingsButton extends LiteMount {
  button: HTMLButtonElement;
}

/**
 * The "Cookie settings" button for a visitor who already decided (or closed a modal banner),
 * drawn without the UI's code into the `<cookie-consent>` element's shadow root.
 */
export function renderSettingsButton(host: HTMLElement, language: string, label: string, onOpen: (opener: HTMLElement) => void): LiteSettingsButton {
  const button = host.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'cc-button cc-settings';
  button.setAttribute('part', 'button settings-button');
  button.textContent = label;
  button.addEventListener('click', () => onOpen(button));
  return { button, ...mountLite(host, language, CSS, button, true) };
}
