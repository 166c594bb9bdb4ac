import { mountLite, type LiteMount } from './lite-root.js';
import { SETTINGS_CSS } from './settings-look.js';

/** Removing it gives back the space it reserved: the UI renders its own. */
export interface LiteSettingsButton extends LiteMount {
  button: HTMLButtonElement;
}

/**
 * The "Cookie settings" button for a visitor who already decided (or closed a modal banner),
 * drawn without the UI's code into the `<cookie-consent>` element's shadow root, with the
 * interface's own classes and styles.
 */
export function renderSettingsButton(host: HTMLElement, language: string, label: string, onOpen: (opener: HTMLElement) => void): LiteSettingsButton {
  const button = host.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'cc-button cc-settings';
  button.setAttribute('part', 'button settings-button');
  button.textContent = label;
  button.addEventListener('click', () => onOpen(button));
  return { button, ...mountLite(host, language, SETTINGS_CSS, button, true) };
}
