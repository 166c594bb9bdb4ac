import { ar } from '../ui/i18n/ar.js';
import { de } from '../ui/i18n/de.js';
import { en } from '../ui/i18n/en.js';
import { es } from '../ui/i18n/es.js';
import { fr } from '../ui/i18n/fr.js';
import { lv } from '../ui/i18n/lv.js';
import { ru } from '../ui/i18n/ru.js';
import { buttonStyles, buttonTokens, settingsButtonStyles } from '../ui/cookie-consent/cookie-consent.styles.js';

/**
 * The settings button's look and label as the interface has them, for the button the script tag
 * draws before Lit loads, so nothing changes when the interface takes over. rollup.config.mjs
 * evaluates this module at build time and writes the values in: the main file carries the text,
 * not Lit and not seven translations.
 */
export const SETTINGS_CSS = buttonTokens.cssText + buttonStyles.cssText + settingsButtonStyles.cssText;

/** Each built-in language's `settingsButton`: the one string a returning visitor sees. */
export const SETTINGS_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries({ en, lv, ru, de, fr, es, ar }).map(([language, strings]) => [language, strings.settingsButton]),
);
