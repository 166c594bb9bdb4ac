/**
 * `<iframe data-consent="…" data-src="…">`: an embed that loads only with consent. Apart from
 * the frame handling (embeds.ts), which loads only on a page that has one.
 */
export function isGatedFrame(element: Element): element is HTMLIFrameElement {
  return element.localName === 'iframe' && element.hasAttribute('data-consent') && element.hasAttribute('data-src');
}
