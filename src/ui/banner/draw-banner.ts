import type { ConsentLayout } from '../../core/types.js';
import type { UiStrings } from '../i18n/en.js';

export interface BannerActions {
  acceptAll(): void;
  rejectAll(): void;
  customize(): void;
  /** The modal layout closed without an answer (Escape). */
  modalClosed(): void;
}

export interface BannerContent {
  layout: ConsentLayout;
  strings: Pick<UiStrings, 'bannerTitle' | 'bannerText' | 'policyLink' | 'acceptAll' | 'rejectAll' | 'customize'>;
  policyUrl: string;
}

/**
 * The first layer, drawn with plain DOM so that the script-tag build can show it without Lit
 * (the element renders the same node). `bar` and `box` are non-modal regions that trap
 * nothing; `modal` is a native dialog, shown modal by its owner. Every string is set as text.
 */
export function drawBanner(doc: Document, { layout, strings, policyUrl }: BannerContent, actions: BannerActions): HTMLElement {
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, text?: string): HTMLElementTagNameMap[K] => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const button = (part: string, text: string, action: () => void): HTMLButtonElement => {
    const element = make('button', { type: 'button', class: 'cc-button', part: `button ${part}` }, text);
    element.addEventListener('click', action);
    return element;
  };

  const banner =
    layout === 'modal'
      ? make('dialog', { class: 'cc-banner cc-layout-modal', part: 'banner', 'aria-labelledby': 'cc-banner-title', 'aria-describedby': 'cc-banner-text' })
      : make('section', { class: `cc-banner cc-layout-${layout}`, part: 'banner', role: 'region', 'aria-labelledby': 'cc-banner-title' });
  if (layout === 'modal') banner.addEventListener('close', actions.modalClosed);

  const text = make('p', { id: 'cc-banner-text' }, `${strings.bannerText} `);
  text.append(make('a', { href: policyUrl, part: 'policy-link' }, strings.policyLink));
  const words = make('div', { class: 'cc-text' });
  words.append(make('h2', { class: 'cc-title', id: 'cc-banner-title' }, strings.bannerTitle), text);
  const buttons = make('div', { class: 'cc-actions' });
  buttons.append(
    button('accept-all', strings.acceptAll, actions.acceptAll),
    button('reject-all', strings.rejectAll, actions.rejectAll),
    button('customize', strings.customize, actions.customize),
  );
  const inner = make('div', { class: 'cc-inner' });
  inner.append(words, buttons);
  banner.append(inner);
  return banner;
}
