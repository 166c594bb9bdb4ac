import { html, type TemplateResult } from 'lit';
import type { ConsentLayout } from '../../core/types.js';
import type { UiStrings } from '../i18n/en.js';

export interface BannerActions {
  acceptAll(): void;
  rejectAll(): void;
  customize(): void;
}

function body(strings: UiStrings, policyUrl: string, actions: BannerActions): TemplateResult {
  return html`
    <div class="cc-inner">
      <div class="cc-text">
        <h2 class="cc-title" id="cc-banner-title">${strings.bannerTitle}</h2>
        <p id="cc-banner-text">${strings.bannerText} <a href=${policyUrl} part="policy-link">${strings.policyLink}</a></p>
      </div>
      <div class="cc-actions">
        <button type="button" class="cc-button" part="button accept-all" @click=${actions.acceptAll}>${strings.acceptAll}</button>
        <button type="button" class="cc-button" part="button reject-all" @click=${actions.rejectAll}>${strings.rejectAll}</button>
        <button type="button" class="cc-button" part="button customize" @click=${actions.customize}>${strings.customize}</button>
      </div>
    </div>
  `;
}

/**
 * The first layer. `bar` and `box` are non-modal regions that trap nothing; `modal` is a native
 * modal dialog (the page is inert until the visitor answers or closes it with Escape).
 */
export function bannerTemplate(
  layout: ConsentLayout,
  strings: UiStrings,
  policyUrl: string,
  actions: BannerActions,
  onModalClose: (event: Event) => void,
): TemplateResult {
  if (layout === 'modal') {
    return html`<dialog
      class="cc-banner cc-layout-modal"
      part="banner"
      aria-labelledby="cc-banner-title"
      aria-describedby="cc-banner-text"
      @close=${onModalClose}
    >
      ${body(strings, policyUrl, actions)}
    </dialog>`;
  }
  return html`<section class="cc-banner cc-layout-${layout}" part="banner" role="region" aria-labelledby="cc-banner-title">
    ${body(strings, policyUrl, actions)}
  </section>`;
}
