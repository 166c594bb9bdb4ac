import { fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import { ConsentManager } from '../../src/core/manager.js';
import type { ConsentConfig } from '../../src/core/types.js';
import type { CookieConsentElement } from '../../src/ui/cookie-consent/cookie-consent.component.js';
import { finishAnimations, waitFor } from '../helpers.js';

/** Keyboard tests need the page in front: two test pages run at once and only one has focus. */
export async function bringToFront(): Promise<void> {
  await executeServerCommand('bring-to-front');
}

/** WCAG 2.2 AA includes 2.5.8 Target Size, which axe ships switched off. */
export async function enableWcag22Rules(): Promise<void> {
  // chai-a11y-axe uses the axe this registers on window, configured here.
  await import('axe-core/axe.min.js');
  const axe = (window as unknown as { axe: { configure(options: object): void } }).axe;
  axe.configure({ rules: [{ id: 'target-size', enabled: true }] });
}

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
  const el = await fixture<CookieConsentElement>(
    html`<cookie-consent .manager=${manager} .config=${{ ...baseConfig, ...config }}></cookie-consent>`,
  );
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

export function isShown(element: Element | null | undefined): boolean {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/** The element that has focus, looking through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function relativeLuminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(foreground: string, background: string): number {
  const [lighter, darker] = [relativeLuminance(foreground), relativeLuminance(background)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * Emulates media features where the browser can (Chromium); resolves false where it cannot
 * (Firefox over WebDriver BiDi), so the test checks the parsed media rules instead.
 */
export function emulateFeatures(features: { name: string; value: string }[]): Promise<boolean> {
  return executeServerCommand<boolean, { features: { name: string; value: string }[] }>('emulate-media-features', { features });
}

/** The text of the widget's @media rules whose condition mentions `condition`, as the browser parsed them. */
export function mediaRulesText(el: Element, condition: string): string {
  return el
    .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes(condition))
    .map((rule) => rule.cssText)
    .join('\n');
}
