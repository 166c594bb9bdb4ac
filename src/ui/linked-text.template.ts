import { html, type TemplateResult } from 'lit';
import { withLinks } from '../core/text-links.js';

/**
 * A text for a Lit template: plain runs bound as text, each `[label](url)` a link that opens in
 * the same tab, as the policy link does. The banner, drawn without Lit, uses linkedNodes instead.
 */
export function linkedText(text: string): (string | TemplateResult)[] {
  return withLinks(text, (label, url) => html`<a href=${url} part="link">${label}</a>`);
}
