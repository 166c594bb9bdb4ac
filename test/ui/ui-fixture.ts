import { fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { ConsentManager } from '../../src/core/index.js';
import type { ConsentConfig } from '../../src/core/types.js';
import type { CookieConsentElement } from '../../src/ui/cookie-consent/cookie-consent.element.js';
import { finishAnimations, waitFor } from '../helpers.js';

export * from './ui-helpers.js';

const managers: ConsentManager[] = [];

export function disposeManagers(): void {
  managers.splice(0).forEach((manager) => manager.dispose());
}

export const baseConfig: ConsentConfig = { revision: 1, policyUrl: '/privacy' };

export interface Mounted {
  el: CookieConsentElement;
  manager: ConsentManager;
  /** The first element matching the selector in the widget's shadow root. */
  $<T extends Element = HTMLElement>(selector: string): T;
  $$<T extends Element = HTMLElement>(selector: string): T[];
}

/** A <cookie-consent> with a manager of its own, rendered and with its strings loaded. */
export async function mountConsent(config: Partial<ConsentConfig> = {}): Promise<Mounted> {
  const manager = new ConsentManager();
  managers.push(manager);
  const el = await fixture<CookieConsentElement>(html`<cookie-consent .manager=${manager} .config=${{ ...baseConfig, ...config }}></cookie-consent>`);
  await manager.ready;
  await waitFor(() => el.shadowRoot!.querySelector('.cc-root') !== null, 'the widget to render');
  await settled(el);
  return {
    el,
    manager,
    $: <T extends Element>(selector: string) => el.shadowRoot!.querySelector<T>(selector)!,
    $$: <T extends Element>(selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)],
  };
}

/** Rendered and at rest (see finishAnimations): what axe and the geometry checks measure. */
export const settled = (el: Element): Promise<void> => finishAnimations(el);

/**
 * Opens the preferences (the manager's request by default) and resolves with the dialog once it
 * is open and at rest: the dialog's code loads the first time it is opened.
 */
export async function openDialog(mounted: Mounted, open: () => void = () => mounted.manager.showPreferences()): Promise<HTMLDialogElement> {
  open();
  const dialog = (): HTMLDialogElement | null => mounted.el.shadowRoot!.querySelector<HTMLDialogElement>('[part~="dialog"]');
  await waitFor(() => dialog()?.open === true, 'the preferences dialog to open');
  await settled(mounted.el);
  return dialog()!;
}
