import type { ConsentManager } from '../manager.js';
import { safely } from './safely.js';
import type { GoogleConsentModeOptions } from '../types.js';

export type ConsentModeState = 'granted' | 'denied';
export type ConsentModeKey =
  'ad_storage' | 'ad_user_data' | 'ad_personalization' | 'analytics_storage' | 'functionality_storage' | 'personalization_storage' | 'security_storage';

/** docs/compliance.md, C13: which category each Consent Mode v2 key follows. */
export const CONSENT_MODE_MAPPING: Record<ConsentModeKey, string> = {
  ad_storage: 'promotional',
  ad_user_data: 'promotional',
  ad_personalization: 'promotional',
  analytics_storage: 'analytics',
  functionality_storage: 'preferences',
  personalization_storage: 'preferences',
  security_storage: 'session',
};

/** Long enough for a stored decision to be read on a slow phone, short enough not to hold tags back. */
export const DEFAULT_WAIT_FOR_UPDATE_MS = 500;

type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };

/**
 * gtag.js reads commands only as `arguments` objects, not arrays: this is Google's own snippet.
 * A page that has no gtag yet gets this one, and keeps it when its own snippet comes later.
 */
function installGtag(win: GtagWindow): void {
  win.dataLayer = win.dataLayer ?? [];
  if (typeof win.gtag === 'function') return;
  win.gtag = function gtag() {
    // eslint-disable-next-line prefer-rest-params
    (win.dataLayer ??= []).push(arguments);
  };
}

function gtag(win: GtagWindow, ...args: unknown[]): void {
  installGtag(win);
  win.gtag!(...args);
}

/** Every key, granted when its category is; `security_storage` follows the required session category. */
export function consentModeState(manager: ConsentManager): Record<ConsentModeKey, ConsentModeState> {
  const state = {} as Record<ConsentModeKey, ConsentModeState>;
  for (const [key, category] of Object.entries(CONSENT_MODE_MAPPING) as [ConsentModeKey, string][]) {
    const granted = category === 'session' ? true : manager.granted(category);
    state[key] = granted ? 'granted' : 'denied';
  }
  return state;
}

/**
 * Google Consent Mode v2: `default` (everything denied but security_storage) before any tag
 * command, then `update` now when a decision is stored and again on every decision.
 */
export function startGoogleConsentMode(manager: ConsentManager, win: Window, options: GoogleConsentModeOptions): void {
  const page = win as GtagWindow;
  const defaults: Record<string, unknown> = {};
  for (const key of Object.keys(CONSENT_MODE_MAPPING) as ConsentModeKey[]) {
    defaults[key] = key === 'security_storage' ? 'granted' : 'denied';
  }
  defaults['wait_for_update'] = options.waitForUpdate ?? DEFAULT_WAIT_FOR_UPDATE_MS;
  if (options.region) defaults['region'] = [...options.region];
  gtag(page, 'consent', 'default', defaults);
  if (manager.decision) gtag(page, 'consent', 'update', consentModeState(manager));
  manager.addEventListener(
    'consent-change',
    safely('Google Consent Mode', () => gtag(page, 'consent', 'update', consentModeState(manager))),
  );
}
