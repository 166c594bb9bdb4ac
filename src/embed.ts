/**
 * The script-tag entry (dist/cookie-consent.js), the part that runs in `<head>` on every page
 * view: reads the configuration, starts the consent core (cookie, signals, gating, delivery),
 * and loads the interface (dist/cookie-consent.ui.js) only when the visitor needs it.
 */
import { bootConsent } from './core/boot.js';
import { ConsentManager, pageManager } from './core/manager.js';
import { createChunkLoader, ownScript } from './embed/chunks.js';
import { configFromPage } from './embed/config-from-page.js';
import { startLazyUi } from './embed/lazy-ui.js';
import { scriptTagParts } from './embed/lazy-parts.js';
import { installRuntime, loadChunk } from './embed/runtime.js';
import { TAG_NAME } from './ui/tag-name.js';

function mountElement(): void {
  if (!document.querySelector(TAG_NAME)) document.body.append(document.createElement(TAG_NAME));
}

// Read while this file runs: afterwards document.currentScript is some other script or null.
const script = ownScript(document);
const getConsentManager = (): ConsentManager => pageManager(() => new ConsentManager({ parts: scriptTagParts }));
const manager = getConsentManager();
const win = window as Window & { cookieConsent?: typeof manager };
if (!win.cookieConsent) {
  win.cookieConsent = manager;
  const chunks = createChunkLoader(window, script);
  let loadInterface = (): Promise<unknown> => Promise.reject(new Error('the interface is not ready to load yet'));
  installRuntime(window, chunks, getConsentManager, () => loadInterface());
  // A configuration block that is not JSON throws here; what is wrong inside one is reported by
  // the configuration check (see confirmConfig in src/embed/lazy-parts.ts).
  const config = configFromPage(document, script);
  bootConsent(config, window, manager, () => {
    // A first visit: the banner downloads while the rest of this file runs, not after it.
    if (manager.view === 'banner') chunks.load('banner').catch(() => undefined);
  });
  if (document.body) mountElement();
  else document.addEventListener('DOMContentLoaded', mountElement, { once: true });
  loadInterface = startLazyUi(manager, window, { ui: () => loadChunk('ui', window), banner: () => loadChunk('banner', window) });
}
