import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { bootConsent } from '../../core/boot.js';
import { getConsentManager, type ConsentManager } from '../../core/manager.js';
import type { ConsentView } from '../../core/events.js';
import type { ConsentConfig, ConsentLayout, ConsentTheme } from '../../core/types.js';
import { en, type UiStrings } from '../i18n/en.js';
import { styles } from './cookie-consent.styles.js';

/**
 * The cookie banner, and after a decision a small button to change it.
 *
 * @summary Asks the visitor for consent per category and remembers the answer.
 *
 * @csspart banner - The first layer.
 * @csspart button - Every button; each also has one of `accept-all`, `reject-all`.
 * @csspart accept-all - The "Accept all" button.
 * @csspart reject-all - The "Reject all" button.
 * @csspart settings-button - The "Cookie settings" button shown after a decision.
 *
 * @cssproperty --cc-bg - Background of the banner.
 * @cssproperty --cc-text - Text colour.
 * @cssproperty --cc-link - Link colour.
 * @cssproperty --cc-border - Border colour.
 * @cssproperty --cc-button-bg - Button background.
 * @cssproperty --cc-button-text - Button text colour.
 * @cssproperty --cc-focus - Focus ring colour.
 * @cssproperty --cc-radius - Corner radius.
 * @cssproperty --cc-font-family - Font family.
 * @cssproperty --cc-font-size - Base font size.
 * @cssproperty --cc-z-index - Stacking order of the banner.
 */
export class CookieConsentElement extends LitElement {
  static override styles = styles;

  @property({ attribute: 'policy-url', reflect: true }) policyUrl?: string;
  @property({ type: Number, reflect: true }) revision?: number;
  @property({ reflect: true }) endpoint?: string;
  @property({ reflect: true }) layout: ConsentLayout = 'bar';
  @property({ reflect: true }) theme: ConsentTheme = 'auto';
  /** The whole configuration; attributes fill in what it leaves out. */
  @property({ attribute: false }) config?: ConsentConfig;

  @state() private view: ConsentView = 'none';
  @state() private decided = false;

  /** The page's consent manager this element shows and drives. */
  readonly manager: ConsentManager = getConsentManager();
  private readonly onView = (): void => this.syncFromManager();

  override connectedCallback(): void {
    super.connectedCallback();
    this.manager.addEventListener('consent-view', this.onView);
    this.manager.addEventListener('consent-change', this.onView);
    this.manager.addEventListener('consent-ready', this.onView);
    this.startManager();
    this.syncFromManager();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.manager.removeEventListener('consent-view', this.onView);
    this.manager.removeEventListener('consent-change', this.onView);
    this.manager.removeEventListener('consent-ready', this.onView);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.config && !this.manager.started) this.startManager();
  }

  private startManager(): void {
    if (this.manager.started) return;
    const config = this.configFromAttributes();
    if (!config) return;
    try {
      bootConsent(config);
    } catch (error) {
      // An element configured by markup has no caller to throw to: report it where developers look.
      console.error(error);
    }
  }

  private configFromAttributes(): ConsentConfig | undefined {
    const base: Partial<ConsentConfig> = { ...this.config };
    if (this.policyUrl !== undefined) base.policyUrl ??= this.policyUrl;
    if (this.revision !== undefined) base.revision ??= this.revision;
    if (this.endpoint) base.endpoint ??= this.endpoint;
    if (this.lang) base.language ??= this.lang;
    if (this.hasAttribute('layout')) base.layout ??= this.layout;
    if (this.hasAttribute('theme')) base.theme ??= this.theme;
    if (base.policyUrl === undefined && base.revision === undefined) return undefined;
    return base as ConsentConfig;
  }

  private syncFromManager(): void {
    this.view = this.manager.view;
    this.decided = this.manager.decision !== null;
    const config = this.manager.config;
    if (config) {
      this.layout = config.layout;
      this.theme = config.theme;
    }
  }

  private get strings(): UiStrings {
    return en;
  }

  override render() {
    const config = this.manager.config;
    if (!config) return nothing;
    const t = this.strings;
    const showSettings = this.decided && this.view === 'none' && config.settingsButton;
    return html`
      <section
        part="banner"
        class="banner"
        aria-labelledby="cc-banner-title"
        lang="en"
        ?hidden=${this.view !== 'banner'}
      >
        <div class="content">
          <div class="text">
            <h2 id="cc-banner-title">${t.bannerTitle}</h2>
            <p>${t.bannerText} <a href=${config.policyUrl}>${t.policyLink}</a></p>
          </div>
          <div class="actions">
            <button type="button" part="button accept-all" @click=${() => this.manager.acceptAll({ layer: 'banner' })}>
              ${t.acceptAll}
            </button>
            <button type="button" part="button reject-all" @click=${() => this.manager.rejectAll({ layer: 'banner' })}>
              ${t.rejectAll}
            </button>
          </div>
        </div>
      </section>
      ${showSettings
        ? html`<button type="button" part="button settings-button" class="settings" @click=${() => this.manager.showBanner()}>
            ${t.settingsButton}
          </button>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent': CookieConsentElement;
  }
}
