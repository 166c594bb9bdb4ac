import { resolveConfig } from '../../src/core/config.js';
import { ConsentManager } from '../../src/core/index.js';
import type { ConsentConfig } from '../../src/core/types.js';
import { startLazyUi } from '../../src/embed/lazy-ui.js';
import { liteBanner } from '../../src/embed/lite-banner.js';
import { importLanguage } from '../../src/ui/i18n/import-language.js';
import { waitFor } from '../helpers.js';
import { isShown } from '../ui/ui-helpers.js';

/**
 * The first paint of the script-tag build: the banner drawn without Lit by the main
 * file, from dist/cookie-consent.banner.js. Mounted here as the main file mounts it, with the
 * banner chunk's own module; the interface chunk is never loaded, so nothing here is Lit.
 */
export interface Lite {
  host: HTMLElement;
  manager: ConsentManager;
  uiRequests: number;
  $<T extends Element = HTMLElement>(selector: string): T | null;
}

const hosts: HTMLElement[] = [];
const managers: ConsentManager[] = [];

/** Removes what mountLite added, for afterEach. */
export function unmountLite(): void {
  hosts.splice(0).forEach((host) => host.remove());
  managers.splice(0).forEach((manager) => manager.dispose());
  document.documentElement.removeAttribute('style');
}

export async function mountLite(overrides: Partial<ConsentConfig> = {}): Promise<Lite> {
  const config: ConsentConfig = { revision: 1, policyUrl: '/privacy', ...overrides };
  const manager = new ConsentManager().start(config, { window });
  managers.push(manager);
  const host = document.createElement('cookie-consent');
  document.body.append(host);
  hosts.push(host);
  const lite: Lite = {
    host,
    manager,
    uiRequests: 0,
    $: <T extends Element>(selector: string) => host.shadowRoot?.querySelector<T>(selector) ?? null,
  };
  startLazyUi(manager, window, {
    // What dist/cookie-consent.banner.js provides: the banner and the configuration check.
    banner: () => Promise.resolve({ liteBanner, loadLanguage: importLanguage, resolveConfig }),
    // The interface never arrives: what is tested here must work without it.
    ui: () => {
      lite.uiRequests++;
      return new Promise(() => undefined);
    },
  });
  await manager.ready;
  await waitFor(() => isShown(lite.$('[part~="banner"]')), 'the banner');
  host.shadowRoot!.getAnimations().forEach((animation) => animation.finish());
  return lite;
}
