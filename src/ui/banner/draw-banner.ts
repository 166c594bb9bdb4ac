import { withLinks } from '../../core/text-links.js';
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
 * nothing; `modal` is a native dialog, shown modal by its owner. Every string is set as text;
 * in the title and the text a `[label](url)` becomes a link (src/core/text-links.ts).
 */
export function drawBanner(doc: Document, { layout, strings, policyUrl }: BannerContent, actions: BannerActions): HTMLElement {
  const modal = layout === 'modal';
  // One call per element, nested as the tree it builds. An attribute left undefined is not set;
  // a string child becomes a text node, as textContent would (an empty one adds none).
  const make = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string | undefined>,
    ...children: (Node | string)[]
  ): HTMLElementTagNameMap[K] => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
    element.append(...children.filter((child) => child !== ''));
    return element;
  };
  // Links open in the same tab, as the policy link does.
  const linked = (text: string): (Node | string)[] => withLinks(text, (label, href) => make('a', { href, part: 'link' }, label));
  const button = (part: string, text: string, action: () => void): HTMLButtonElement => {
    const element = make('button', { type: 'button', class: 'cc-button', part: `button ${part}` }, text);
    element.addEventListener('click', action);
    return element;
  };

  const banner = make(
    modal ? 'dialog' : 'section',
    {
      class: `cc-banner cc-layout-${layout}`,
      part: 'banner',
      role: modal ? undefined : 'region',
      'aria-labelledby': 'cc-banner-title',
      'aria-describedby': modal ? 'cc-banner-text' : undefined,
    },
    make(
      'div',
      { class: 'cc-inner' },
      make(
        'div',
        { class: 'cc-text' },
        make('h2', { class: 'cc-title', id: 'cc-banner-title' }, ...linked(strings.bannerTitle)),
        make('p', { id: 'cc-banner-text' }, ...linked(`${strings.bannerText} `), make('a', { href: policyUrl, part: 'policy-link' }, strings.policyLink)),
      ),
      make(
        'div',
        { class: 'cc-actions' },
        button('accept-all', strings.acceptAll, actions.acceptAll),
        button('reject-all', strings.rejectAll, actions.rejectAll),
        button('customize', strings.customize, actions.customize),
      ),
    ),
  );
  if (modal) banner.addEventListener('close', actions.modalClosed);
  return banner;
}
