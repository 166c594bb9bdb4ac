// First, before Lit: hands Lit the widget's one Trusted Types policy (see the module).
import { litTrustedTypes } from '../trusted-types-lit.js';
import { LitElement, adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsentManager } from '../../core/manager.js';
import type { ConsentReceipt } from '../../core/storage/history.js';
import type { ConsentConfig, ConsentLayer, ConsentLayout, ConsentTheme } from '../../core/types.js';
import type { ConsentChoice } from '../../core/decision.js';
import { bannerStyles } from '../banner/banner.styles.js';
import { drawBanner } from '../banner/draw-banner.js';
import { isRightToLeft, loadStrings } from '../i18n/languages.js';
import { deepActiveElement, focusableIn, listenForOpeners } from '../page/openers.js';
import { refocusPart } from '../page/refocus.js';
import { ReservedSpace } from '../page/reserve-space.js';
import { shownStrings, type Strings } from '../i18n/shown-strings.js';
import { baseStyles, settingsButtonStyles } from './cookie-consent.styles.js';
import type { ElementCore, PreferencesPart } from './element-core.js';
import { createUiState, type Shown, type UiState } from '../ui-state.js';

/**
 * The element's behaviour, without a core of its own: a subclass hands it one (ElementCore).
 * Users get CookieConsentElement (cookie-consent.element.ts).
 */
export class CookieConsentBase extends LitElement {
  /** The consent core this class runs on; set by each subclass that gets defined. */
  declare static core: ElementCore;
  // The dialog's styles come with it (PreferencesPart), when a visitor first opens it.
  static override styles = [baseStyles, bannerStyles, settingsButtonStyles];
  /** Whether Lit renders through the widget's Trusted Types policy `cookie-consent` (`bridged`). @internal */
  static readonly trustedTypes = litTrustedTypes;

  @property({ attribute: 'policy-url', reflect: true }) policyUrl?: string;
  @property({ type: Number, reflect: true }) revision?: number;
  @property({ reflect: true }) endpoint?: string;
  @property({ reflect: true }) layout: ConsentLayout = 'bar';
  @property({ reflect: true }) theme: ConsentTheme = 'auto';
  /** The whole configuration; attributes fill in what it leaves out. */
  @property({ attribute: false }) config?: ConsentConfig;

  @state() private view: ConsentView = 'none';
  @state() private strings?: Strings;
  @state() private language = 'en';
  /** The language whose strings are shown or on their way. */
  #stringsFor?: string;
  @state() private draft: ConsentChoice = {};
  @state() private receipts: ConsentReceipt[] = [];
  @state() private preferencesPart?: PreferencesPart;
  #preferencesLoading?: Promise<void>;
  #uiFor?: { manager: ConsentManager; state: UiState };

  /** What shows, decided where the script tag's head UI decides it too; one per manager. */
  get #ui(): UiState {
    if (this.#uiFor?.manager !== this.manager) this.#uiFor = { manager: this.manager, state: createUiState(this.manager) };
    return this.#uiFor.state;
  }

  get #core(): ElementCore {
    return (this.constructor as typeof CookieConsentBase).core;
  }

  #shownDialog: HTMLDialogElement | null = null;
  #drawnBanner?: { node: HTMLElement; strings: Strings; layout: ConsentLayout; policyUrl: string };
  /** What had focus in a banner drawn anew (another language): its successor takes focus. */
  #bannerFocus?: Element | null;

  // Looked up on each use: the banner and the settings button come and go with the view.
  get #preferencesDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog.cc-preferences');
  }
  get #bannerElement(): HTMLElement | null {
    return this.renderRoot.querySelector('.cc-banner');
  }
  get #settingsButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.cc-settings');
  }

  /**
   * The consent manager this element shows and drives: the page's one manager unless another is
   * set before the element is connected (tests, or an app that runs a manager of its own).
   */
  @property({ attribute: false }) manager: ConsentManager = this.#core.getConsentManager();
  #opener: HTMLElement | null = null;
  #heard?: ConsentManager;
  #reserved?: ReservedSpace;
  #stopOpeners?: () => void;
  readonly #onManagerEvent = (event: Event): void => {
    this.#syncFromManager();
    // Frameworks listen on the element; not bubbling, so document listeners hear each event once.
    if (event.type === 'consent-ready' || event.type === 'consent-change')
      this.dispatchEvent(new CustomEvent(event.type, { detail: (event as CustomEvent).detail }));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listenTo(this.manager);
    this.#reserved = new ReservedSpace(document.documentElement);
    this.#stopOpeners = listenForOpeners(document, (opener) => this.openPreferences(opener));
    this.#startManager();
    this.#syncFromManager();
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // At start `lang` is the configured language (#configFromAttributes); a change later switches.
    // Only while connected: an upgrade reports the attributes it finds before connectedCallback.
    if (name === 'lang' && old !== value && this.#heard?.started) this.#heard.setLanguage(value ?? '');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listenTo(undefined);
    this.#reserved?.release();
    this.#stopOpeners?.();
  }

  /** Frameworks may set `manager` after the element is connected: follow it. */
  #listenTo(manager: ConsentManager | undefined): void {
    if (manager === this.#heard) return;
    for (const type of MANAGER_EVENTS) {
      this.#heard?.removeEventListener(type, this.#onManagerEvent);
      manager?.addEventListener(type, this.#onManagerEvent);
    }
    this.#heard = manager;
  }

  /** Opens the preferences; focus goes back to `opener` (default: what has focus now) when they close. */
  openPreferences(opener: HTMLElement | null = deepActiveElement(document)): void {
    this.#opener = opener;
    this.manager.showPreferences();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('manager') && this.isConnected) {
      this.#listenTo(this.manager);
      this.#syncFromManager();
    }
    if (changed.has('config') && this.config && !this.manager.started) {
      this.#startManager();
      this.#syncFromManager();
    }
  }

  protected override updated(): void {
    if (!this.#bannerVisible) this.#drawnBanner = undefined;
    this.#syncDialogs();
    if (this.#bannerFocus && this.#drawnBanner) refocusPart(this.#bannerFocus, this.#drawnBanner.node);
    this.#bannerFocus = undefined;
    const reserve = this.view === 'banner' && this.manager.config?.layout !== 'modal' ? this.#bannerElement : this.#settingsButton;
    this.#reserved?.reserveFor(reserve);
  }

  #startManager(): void {
    if (this.manager.started) return;
    const config = this.#configFromAttributes();
    if (!config) return;
    try {
      this.#core.bootConsent(config, window, this.manager);
    } catch (error) {
      // An element configured by markup has no caller to throw to: report it where developers look.
      console.error(error);
    }
  }

  #configFromAttributes(): ConsentConfig | undefined {
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

  #syncFromManager(): void {
    const config = this.manager.config;
    if (!config) return;
    this.layout = config.layout;
    this.theme = config.theme;
    if (this.#stringsFor !== this.manager.language) void this.#loadLanguage();
    const view = this.manager.view;
    if (view === 'preferences' && this.view !== 'preferences') {
      this.#loadPreferences();
      this.#opener ??= deepActiveElement(document);
      this.draft = { ...this.manager.decision?.categories, ...this.manager.decision?.services };
      void this.manager.history().then((receipts) => (this.receipts = receipts));
    }
    this.#ui.viewChanged();
    this.view = view;
  }

  #loadPreferences(): void {
    if (this.#preferencesLoading) return;
    this.#preferencesLoading = this.#core.loadPreferences().then(
      (part) => {
        // Into the shadow root, after the styles the element was defined with.
        if (this.renderRoot instanceof ShadowRoot) adoptStyles(this.renderRoot, [...(this.constructor as typeof LitElement).elementStyles, ...part.styles]);
        this.preferencesPart = part;
      },
      (error: unknown) => {
        // Offline or blocked: the next opening tries again.
        this.#preferencesLoading = undefined;
        console.warn('cookie-consent: the preferences could not be loaded', error);
        if (this.manager.view === 'preferences') this.#ui.preferencesClosed();
      },
    );
  }

  async #loadLanguage(): Promise<void> {
    const config = this.manager.config!;
    const language = (this.#stringsFor = this.manager.language);
    const strings = await loadStrings(language, config.translations, this.#core.loadLanguage);
    // Switched again while these loaded: the later language's strings are the ones to show.
    if (this.#stringsFor !== language) return;
    this.language = language;
    this.strings = strings;
    this.manager.setPresentation({ language, strings: shownStrings(config, strings) });
  }

  #syncDialogs(): void {
    // A part that arrived after the element left the page renders, but nothing opens.
    if (!this.isConnected) return;
    const dialog = this.#preferencesDialog;
    if (dialog) {
      // Opened once per visit to the preferences view: a render between a native close (Escape)
      // and its `close` event must not reopen the dialog the visitor just closed.
      if (this.view === 'preferences' && this.#shownDialog !== dialog) {
        if (!dialog.open) dialog.showModal();
        this.#shownDialog = dialog;
      }
      if (this.view !== 'preferences') {
        this.#shownDialog = null;
        if (dialog.open) dialog.close();
      }
    }
    const modalBanner = this.renderRoot.querySelector<HTMLDialogElement>('dialog.cc-banner');
    if (modalBanner && this.view === 'banner' && !modalBanner.open) modalBanner.showModal();
  }

  #decide(choice: 'accept' | 'reject' | 'save', layer: ConsentLayer): void {
    if (layer === 'banner') void this.#keepFocusAfterBanner(this.#ui.shown());
    const saving =
      choice === 'accept'
        ? this.manager.acceptAll({ layer })
        : choice === 'reject'
          ? this.manager.rejectAll({ layer })
          : this.manager.set(this.draft, { layer });
    // The manager keeps the choice even when storage fails; nothing here may throw into the page.
    saving.catch((error: unknown) => console.warn('cookie-consent: saving the choice failed', error));
  }

  /** The banner disappears with the button that had focus; hand focus to its successor, the settings button. */
  async #keepFocusAfterBanner(before: Shown): Promise<void> {
    const hadFocus = this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== null;
    await this.updateComplete;
    if (this.#ui.focusesSettingsButton(before, hadFocus)) this.#settingsButton?.focus();
  }

  /** From the close button and the backdrop the state changes now, and the dialog closes on the next render. */
  #closePreferences(): void {
    this.#ui.preferencesClosed();
  }

  /** Fires for every way the dialog closes, Escape included, one task after it closed. */
  #onPreferencesClosed = (): void => {
    // Reopened before this event arrived: the new opening stands.
    if (this.#preferencesDialog?.open) return;
    this.#closePreferences();
    const opener = this.#opener;
    this.#opener = null;
    void this.updateComplete.then(() => {
      if (this.view === 'preferences') return;
      // An opener that is gone (the script-tag build's first-paint banner): "Customize" stands in.
      const target = opener?.isConnected && opener.getClientRects().length > 0 ? opener : (this.#settingsButton ?? this.#customizeButton());
      target?.focus();
    });
  };

  #customizeButton(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.cc-banner [part~="customize"]');
  }

  /** A native modal dialog lets Tab reach the browser's own UI; the APG pattern wraps instead. */
  #keepTabInside = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab' || !this.#preferencesDialog) return;
    const focusable = focusableIn(this.#preferencesDialog);
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  /** A click on the backdrop reaches the dialog itself, not its content. */
  #closeOnBackdrop = (event: MouseEvent): void => {
    if (event.target === this.#preferencesDialog) this.#closePreferences();
  };

  #onModalBannerClosed = (): void => this.#ui.modalBannerClosed();

  get #bannerVisible(): boolean {
    return this.#ui.shown().banner;
  }

  /**
   * The banner is plain DOM (src/ui/banner/draw-banner.ts, shared with the script-tag build's
   * first paint), kept while its content stays the same and drawn anew each time it reappears,
   * so a modal banner is always a fresh, closed dialog for showModal().
   */
  #bannerNode(config: NonNullable<ConsentManager['config']>, strings: Strings): HTMLElement {
    const drawn = this.#drawnBanner;
    if (drawn?.strings === strings && drawn.layout === config.layout && drawn.policyUrl === config.policyUrl) return drawn.node;
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (drawn?.node.contains(active)) this.#bannerFocus = active;
    const node = drawBanner(
      this.ownerDocument,
      { layout: config.layout, strings, policyUrl: config.policyUrl },
      {
        acceptAll: () => this.#decide('accept', 'banner'),
        rejectAll: () => this.#decide('reject', 'banner'),
        customize: () => this.openPreferences(),
        modalClosed: this.#onModalBannerClosed,
      },
    );
    this.#drawnBanner = { node, strings, layout: config.layout, policyUrl: config.policyUrl };
    return node;
  }

  #renderSettingsButton(strings: Strings): TemplateResult | typeof nothing {
    if (!this.#ui.shown().settingsButton) return nothing;
    return html`<button
      type="button"
      class="cc-button cc-settings"
      part="button settings-button"
      @click=${(event: Event) => this.openPreferences(event.currentTarget as HTMLElement)}
    >
      ${strings.settingsButton}
    </button>`;
  }

  override render() {
    const config = this.manager.config;
    const strings = this.strings;
    if (!config || !strings) return nothing;
    const gpcHonoured = this.manager.gpcHonoured;
    return html`<div class="cc-root" lang=${this.language} dir=${isRightToLeft(this.language) ? 'rtl' : 'ltr'}>
      ${this.#bannerVisible ? this.#bannerNode(config, strings) : nothing}
      ${
        this.preferencesPart?.preferencesTemplate(
          {
            config,
            strings,
            language: this.language,
            draft: this.draft,
            decision: this.manager.decision,
            receipts: this.receipts,
            gpcHonoured,
          },
          {
            changeDraft: (draft) => (this.draft = draft),
            save: () => this.#decide('save', 'preferences'),
            acceptAll: () => this.#decide('accept', 'preferences'),
            rejectAll: () => this.#decide('reject', 'preferences'),
            dismiss: () => this.#closePreferences(),
            onClose: this.#onPreferencesClosed,
            onKeydown: this.#keepTabInside,
            onClick: this.#closeOnBackdrop,
          },
        ) ?? nothing
      }
      ${this.#renderSettingsButton(strings)}
    </div>`;
  }
}

type ConsentView = ConsentManager['view'];

const MANAGER_EVENTS = ['consent-view', 'consent-change', 'consent-ready', 'consent-language'] as const;
