import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

/* Page-level helpers for interface tests that must not define <cookie-consent> (ui-fixture.ts does). */

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
  const [r, g, b] = color
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number)
    .map((channel) => {
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

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

/**
 * The accessibility check chai-a11y-axe makes (`to.be.accessible()`, with target-size on), for an
 * element inside a test's iframe: axe has to run in the element's own document.
 */
export async function expectAccessibleInFrame(element: Element): Promise<void> {
  const win = element.ownerDocument.defaultView as Window & {
    axe?: { configure(options: object): void; run(context: Element, options: object): Promise<AxeResult> };
  };
  if (!win.axe) {
    const script = element.ownerDocument.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', () => reject(new Error('axe-core did not load into the frame')), { once: true });
    });
    element.ownerDocument.head.append(script);
    await loaded;
    win.axe!.configure({ rules: [{ id: 'target-size', enabled: true }] });
  }
  const { violations } = await win.axe!.run(element, { resultTypes: ['violations'] });
  const described = violations.map((violation) => `${violation.id}: ${violation.help} (${JSON.stringify(violation.nodes.map((node) => node.target))})`);
  expect(described, 'axe violations').to.deep.equal([]);
}
