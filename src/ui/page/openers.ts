/**
 * Any element of the page marked `data-consent-open` opens the preferences; listening on the
 * document covers elements a framework renders later, with no per-element wiring.
 */
export function listenForOpeners(doc: Document, open: (opener: HTMLElement) => void): () => void {
  const onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-consent-open]') : null;
    if (!target) return;
    event.preventDefault();
    open(target);
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}

/** The focused element, looking into shadow roots, so focus can go back to it later. */
export function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== doc.body ? active : null;
}

/** The focusable elements of a container, in tab order, for keeping Tab inside a dialog. */
export function focusableIn(container: ParentNode): HTMLElement[] {
  const selector =
    'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
  // Content of a closed <details> has no boxes, so this also skips what cannot take focus.
  return [...container.querySelectorAll<HTMLElement>(selector)].filter((element) => element.getClientRects().length > 0);
}
