import { isRightToLeft } from '../core/language.js';
import { ReservedSpace } from '../ui/page/reserve-space.js';

/**
 * The `<cookie-consent>` element's shadow root as the script-tag build draws into it before the
 * interface (Lit) is loaded. The interface, once loaded, upgrades the same element and renders
 * into the same open shadow root, as Lit reuses an existing one, replacing its stylesheets.
 */
export function liteRoot(host: HTMLElement): ShadowRoot {
  if (host.shadowRoot) return host.shadowRoot;
  const root = host.attachShadow({ mode: 'open' });
  // Lit renders before the shadow root's first child (LitElement's renderBefore) and keeps that
  // node as the end of its content: an empty comment stays there for good, so removing what is
  // drawn here later does not pull the ground from under Lit's next render.
  root.append(host.ownerDocument.createComment(''));
  return root;
}

export interface LiteMount {
  /** Takes the content away with its styles and gives back the room it reserved. */
  remove(): void;
}

/**
 * Draws `content` into the element's shadow root, in a `.cc-root` that speaks `language`, with
 * its styles as a constructed stylesheet (CSP's style-src does not apply to one, so no
 * 'unsafe-inline'). With `reserve`, the end of the page keeps room for it (WCAG 2.4.11).
 */
export function mountLite(host: HTMLElement, language: string, cssText: string, content: HTMLElement, reserve: boolean): LiteMount {
  const doc = host.ownerDocument;
  const root = liteRoot(host);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const wrapper = doc.createElement('div');
  wrapper.className = 'cc-root';
  wrapper.lang = language;
  wrapper.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  wrapper.append(content);
  root.append(wrapper);
  const reserved = new ReservedSpace(doc.documentElement);
  if (reserve) reserved.reserveFor(content);
  return {
    remove: () => {
      reserved.release();
      wrapper.remove();
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}
