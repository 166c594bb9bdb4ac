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

/** A constructed stylesheet: CSP's style-src does not apply to it, so no 'unsafe-inline'. */
export function adoptStyles(root: ShadowRoot, cssText: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return sheet;
}

export function dropStyles(root: ShadowRoot, sheet: CSSStyleSheet): void {
  root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
}
