/**
 * The script-tag entry (dist/cookie-consent.js): reads the configuration from a
 * `<script type="application/json" id="cookie-consent-config">` block or from the `data-*`
 * attributes of its own script tag, starts the consent manager, and shows `<cookie-consent>`.
 */
import { bootConsent } from './core/boot.js';
import { getConsentManager } from './core/manager.js';
import type { ConsentConfig } from './core/types.js';
import { defineCookieConsent, TAG_NAME } from './define.js';

const CONFIG_ID = 'cookie-consent-config';

function configFromPage(script: HTMLScriptElement | null): ConsentConfig {
  const block = document.getElementById(CONFIG_ID);
  let config: Record<string, unknown> = {};
  if (block?.textContent?.trim()) {
    try {
      config = JSON.parse(block.textContent) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`cookie-consent: the #${CONFIG_ID} block is not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
  }
  const data = script?.dataset ?? {};
  const fromData: Record<string, unknown> = {
    policyUrl: data['policyUrl'],
    revision: data['revision'] === undefined ? undefined : Number(data['revision']),
    endpoint: data['endpoint'],
    language: data['lang'],
    layout: data['layout'],
    theme: data['theme'],
  };
  for (const [key, value] of Object.entries(fromData)) {
    if (value !== undefined && config[key] === undefined) config[key] = value;
  }
  return config as unknown as ConsentConfig;
}

function mountElement(): void {
  if (!document.querySelector(TAG_NAME)) document.body.append(document.createElement(TAG_NAME));
}

const script = document.currentScript as HTMLScriptElement | null;
const manager = getConsentManager();
const win = window as Window & { cookieConsent?: typeof manager };
if (!win.cookieConsent) {
  win.cookieConsent = manager;
  // Configuration errors throw here, loudly, once: this is configuration time.
  bootConsent(configFromPage(script));
  defineCookieConsent();
  if (document.body) mountElement();
  else document.addEventListener('DOMContentLoaded', mountElement, { once: true });
}
