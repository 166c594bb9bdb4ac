import { warnOnce } from '../log.js';
import type { ConsentManager } from '../manager.js';
import { startGoogleConsentMode } from './google-consent-mode.js';
import { startMeta } from './meta.js';
import { startUet } from './uet.js';

/**
 * Sends the consent signals tags read. Call right after the manager has started and before any
 * gated script runs, so that every `default` is in place before a tag command.
 */
export function startSignals(manager: ConsentManager, win: Window): void {
  const config = manager.config;
  if (!config) return;
  const guarded = (what: string, start: () => void): void => {
    try {
      start();
    } catch (error) {
      warnOnce(`signals-${what}`, `the ${what} consent signals could not be set up; the page goes on.`, error);
    }
  };
  if (config.googleConsentMode) {
    const options = config.googleConsentMode;
    guarded('Google Consent Mode', () => startGoogleConsentMode(manager, win, options));
  }
  if (config.uet) guarded('Microsoft UET', () => startUet(manager, win));
  if (config.meta) guarded('Meta Pixel', () => startMeta(manager, win));
}
