/**
 * `cookie-consent-widget/global`: types only, for pages that load the script tag and write their
 * own scripts in TypeScript. Nothing here runs; the module exists so the entry resolves for
 * bundlers too.
 */
import type { ConsentManager } from './core/manager.js';

declare global {
  interface Window {
    /**
     * The page's consent manager, set by the script tag as it runs in `<head>`. Optional: a page
     * whose script was blocked or failed to load has none.
     */
    cookieConsent?: ConsentManager;
  }
}

export {};
