import { isSafeUrl } from './safe-url.js';

/**
 * The one piece of markup a text may hold: `[label](url)`. A label has no brackets; a URL has no
 * spaces, and parentheses only in pairs (`…/Cookie_(disambiguation)`, and `javascript:alert(1)`
 * too, so that it is found and refused rather than passed over). Nothing else is read as a link.
 * Split by it, a text gives its runs with each link's label and URL between them.
 */
const LINK = /\[([^[\]]+)\]\(((?:[^\s()]|\([^\s()]*\))+)\)/;

/**
 * The text's plain runs, with each link made by `link` in its place: DOM nodes for the banner,
 * Lit templates for the dialog, its words for a button. A link whose URL could not be `policyUrl`
 * (a `javascript:` URL, say) stays text, as written.
 */
export function withLinks<T>(text: string, link: (label: string, url: string) => T): (string | T)[] {
  const parts = text.split(LINK);
  const pieces: (string | T)[] = [parts[0]!];
  for (let index = 1; index < parts.length; index += 3) {
    const [label, url, after] = parts.slice(index, index + 3) as [string, string, string];
    pieces.push(isSafeUrl(url) ? link(label, url) : `[${label}](${url})`, after);
  }
  return pieces;
}

/** The words of a text where a link cannot be one (a button, a list of names): each link shows its label. */
export function plainText(text: string): string {
  return withLinks(text, (label) => label).join('');
}

/** The first URL of a link that could not be a link, for the configuration check to name. */
export function unsafeLinkUrl(text: string): string | undefined {
  return text.split(LINK).find((part, index) => index % 3 === 2 && !isSafeUrl(part));
}
