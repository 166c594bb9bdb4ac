import {
  changedIds,
  choiceOver,
  createDecision,
  erasePatternsRefusedBy,
  grantsId,
  isDecisionCurrent,
  sameDecision,
  withdrawnIds,
  type ConsentChoice,
} from './decision.js';
import type { ConsentChangeDetail, ConsentEventMap, ConsentView } from './events.js';
import { warnOnce } from './log.js';
import { decodeConsentCookie, encodeConsentCookie, readConsentCookie } from './storage/consent-cookie.js';
import { deleteStoredDecision, readDocumentCookies, writeStoredDecision } from './storage/cookie-jar.js';
import type { ConsentReceipt } from './storage/history.js';
import type { ConsentParts } from './parts.js';
import { acceptAllUnderSignals, readPrivacySignals, type PrivacySignals } from './signals/privacy-signals.js';
import { startTabSync, type TabSync } from './sync.js';
import { checkedCookieName, forgetCheckedConfig } from './config-fingerprint.js';
import { pickLanguage } from './language.js';
import { watchPageLanguage } from './page-language.js';
import type { ConsentConfig, ConsentDecision, ConsentLayer, ConsentMethod, ResolvedConfig } from './types.js';

export interface DecisionOptions {
  /** Where the visitor decided; `api` when a script called the method. */
  layer?: ConsentLayer;
}

export interface Presentation {
  language: string;
  strings: string[];
}

export interface ConsentManagerOptions {
  /** The window whose document, cookies and storage the manager works on. Default: the global one. */
  window?: Window;
}

export interface ConsentManagerParts {
  /** The parts of the core this manager and what starts with it use (src/core/parts.ts). */
  parts: ConsentParts;
}

/**
 * The one consent manager of a page: holds the visitor's decision, stores it, tells the page and
 * the site's other tabs about every change, and asks the UI to show itself. Plain TypeScript:
 * the UI, the gating and headless users all talk to it through this API.
 *
 * @fires consent-ready - once per page load, after `start()`: `{ decision }`
 * @fires consent-change - on every saved choice, here or in another tab: `{ decision, previous, changed, origin }`
 * @fires consent-view - when the interface should show the banner, the preferences or nothing: `{ view }`
 * @fires consent-language - when the interface's language changed: `{ language }`
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface below
export class ConsentManager extends EventTarget {
  /** Resolves once `start()` has read the stored decision and `consent-ready` fired. */
  readonly ready: Promise<void>;
  #resolveReady!: () => void;
  #resolved?: ResolvedConfig;
  #input?: ConsentConfig;
  /** While the configuration's check is pending or after it failed: nothing non-required is granted. */
  #held = false;
  #configError?: Error;
  #current: ConsentDecision | null = null;
  #consentIdInUse?: string;
  #currentView: ConsentView = 'none';
  #win?: Window;
  #sync?: TabSync;
  readonly #usedCategories = new Set<string>();
  readonly #grantWaiters = new Map<string, (() => void)[]>();
  #signals: PrivacySignals = { gpc: false, dnt: false };

  #shown: Presentation = { language: 'en', strings: [] };
  /** What setLanguage() asked for; it stands in for the configured language. */
  #asked?: string;
  #language = 'en';
  #stopWatchingPage?: () => void;
  readonly #options: ConsentManagerOptions;
  /** What this manager, the gating, delivery and debug mode call for the parts not every page needs. */
  readonly parts: ConsentParts;

  constructor(options: ConsentManagerOptions & ConsentManagerParts) {
    super();
    this.#options = options;
    this.parts = options.parts;
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }

  get decision(): ConsentDecision | null {
    return this.#current;
  }

  get config(): ResolvedConfig | undefined {
    return this.#resolved;
  }

  get started(): boolean {
    return this.#resolved !== undefined;
  }

  /** Whether the browser sent Global Privacy Control and the site honours it: promotional starts refused. */
  get gpcHonoured(): boolean {
    return this.#signals.gpc;
  }

  /** Whether the browser sent Do Not Track and the site honours it (`config.dnt`), like GPC. */
  get dntHonoured(): boolean {
    return this.#signals.dnt;
  }

  /**
   * What is wrong with the configuration, once its check failed: the page then grants nothing
   * that is not required, and the interface offers only the settings, so the visitor can
   * still withdraw. Undefined while the configuration is fine or still being checked.
   */
  get configError(): Error | undefined {
    return this.#configError;
  }

  /** What the interface should show now. */
  get view(): ConsentView {
    return this.#currentView;
  }

  /**
   * Validates the configuration and reads the stored decision. Only the first call counts; a
   * later one (a second copy of the widget on the page) is ignored with a warning.
   * @throws ConsentConfigError when the configuration is wrong, naming the key.
   */
  start(config: ConsentConfig, options: ConsentManagerOptions = {}): this {
    const resolved = this.parts.resolveConfig(config);
    if (this.#resolved) {
      warnOnce('second-start', 'the consent manager was started twice; the first configuration is kept.');
      return this;
    }
    this.#resolved = resolved;
    this.#input = config;
    const win = (this.#win = options.window ?? this.#options.window ?? globalThis.window);
    this.#shown = { language: (this.#language = this.#pickedLanguage()), strings: [] };
    // A language the site configured stays; otherwise the page's is followed as it changes.
    if (!resolved.language) {
      this.#stopWatchingPage = watchPageLanguage(win, () => {
        this.#asked = undefined;
        this.#switchLanguage();
      });
    }
    this.#signals = readPrivacySignals(win, resolved);
    // A stale decision (older revision, expired) grants nothing, but its consent id stays in use.
    const cookies = readDocumentCookies(win.document);
    const stored = readConsentCookie(cookies, resolved.cookie.name);
    this.#consentIdInUse = stored?.consentId;
    const confirming = this.parts.confirmConfig(config, { window: win, resolved, cookies });
    const current = stored && isDecisionCurrent(stored, resolved) ? stored : null;
    this.#held = confirming !== null;
    this.#current = this.#held ? null : current;
    // A visitor who decided is not asked again while the check runs.
    this.#currentView = current ? 'none' : 'banner';
    this.#sync = startTabSync(
      win,
      `cookie-consent:${resolved.cookie.name}`,
      () => {
        const decision = this.#inEffect(this.#readStored());
        return decision ? encodeConsentCookie(decision) : null;
      },
      (decision) => this.#adoptRemote(decision),
    );
    const announce = (): void => {
      this.#emit('consent-ready', { decision: this.#current });
      this.#resolveReady();
      if (this.#currentView !== 'none') this.#emit('consent-view', { view: this.#currentView });
    };
    if (!confirming) queueMicrotask(announce);
    else {
      confirming.then(
        () => {
          this.#held = false;
          const decision = this.#inEffect(this.#readStored());
          if (decision) {
            this.parts.rememberConfig(config, { window: win, resolved });
            this.#adopt(decision, 'checked');
          } else this.#currentView = 'banner';
          announce();
        },
        (error: unknown) => {
          // Said on every page view, for every visitor, until the site fixes it.
          this.#configError = error instanceof Error ? error : new Error(String(error));
          console.error(this.#configError);
          this.#currentView = 'none';
          announce();
        },
      );
    }
    return this;
  }

  /** The language and the strings the visitor is being shown, for the proof of consent. */
  get presentation(): Presentation {
    return this.#shown;
  }

  /** The interface reports what it shows, so a consent record can carry its language and a hash of its text. */
  setPresentation(presentation: Presentation): void {
    this.#shown = { language: presentation.language, strings: [...presentation.strings] };
  }

  /** The language the interface speaks: see pickLanguage, with setLanguage()'s in place of the configured one. */
  get language(): string {
    return this.#language;
  }

  /**
   * Switches the banner, the preferences, the settings button and the placeholders to `lang` now
   * (`consent-language`); one neither built in nor translated falls back as at start.
   * @throws TypeError when `lang` is not a string.
   */
  setLanguage(lang: string): void {
    if (typeof lang !== 'string') throw new TypeError(`cookie-consent: setLanguage(lang) needs a string such as "lv", got ${typeof lang}`);
    this.#asked = lang;
    if (this.#resolved) this.#switchLanguage();
  }

  /**
   * Whether a category or a service (by its id) may run now. Required categories and their
   * services always may; before a decision nothing else.
   */
  granted(id: string): boolean {
    return !!this.#resolved && grantsId(this.#resolved, this.#held ? null : this.#current, id);
  }

  /** Resolves when the category or service is granted: now, or whenever the visitor grants it later. */
  whenGranted(id: string): Promise<void> {
    if (this.granted(id)) return Promise.resolve();
    return new Promise((resolve) => {
      this.#grantWaiters.set(id, [...(this.#grantWaiters.get(id) ?? []), resolve]);
    });
  }

  /** Grants every category, except `promotional` under a privacy signal (GPC: method `gpc`). */
  acceptAll(options?: DecisionOptions): Promise<ConsentDecision> {
    return this.#decide('accept-all', options);
  }

  rejectAll(options?: DecisionOptions): Promise<ConsentDecision> {
    return this.#decide('reject-all', options);
  }

  /**
   * Saves a custom choice over category and service ids: `set({ analytics: true, ga4: false })`.
   * Ids left out keep their current state (refused before any decision); a category named takes
   * its services along unless they are named too.
   */
  set(choice: ConsentChoice, options?: DecisionOptions): Promise<ConsentDecision> {
    return this.#decide('custom', options, choice);
  }

  /** Refuses every category that is not required, as a recorded withdrawal. */
  withdraw(options?: DecisionOptions): Promise<ConsentDecision> {
    return this.#decide('withdraw', options);
  }

  /** Forgets the decision and the consent id, and asks again. */
  reset(): void {
    if (!this.#resolved || !this.#win) return;
    this.#guard('reset', () => {
      deleteStoredDecision(this.#win!.document, this.#resolved!);
      forgetCheckedConfig(this.#win!.document, this.#resolved!);
      this.#eraseRefused(null);
    });
    this.#sync?.announce(null);
    this.#reloadIfWithdrawn(this.#adopt(null, 'this-tab'), null);
  }

  showBanner(): void {
    this.#setView('banner');
  }

  showPreferences(): void {
    this.#setView('preferences');
  }

  hide(): void {
    this.#setView('none');
  }

  /** Stops listening to other tabs and to `<html lang>`; for single-page apps and tests that drop a manager. */
  dispose(): void {
    this.#stopWatchingPage?.();
    this.#sync?.close();
    this.#sync = undefined;
  }

  /** The visitor's past decisions on this browser, oldest first. */
  history(): Promise<ConsentReceipt[]> {
    // A decision in effect always has its consent id in use; without either there is no history.
    if (!this.#consentIdInUse) return Promise.resolve([]);
    return this.parts.readReceipts();
  }

  /**
   * Tells the manager that a script of the category ran on this page, so that withdrawing the
   * category reloads the page (running scripts cannot be stopped otherwise).
   */
  markCategoryUsed(category: string): void {
    this.#usedCategories.add(category);
  }

  /** The one path of acceptAll, rejectAll, set and withdraw; `custom` holds what set() was given. */
  async #decide(method: ConsentMethod, { layer = 'api' }: DecisionOptions = {}, custom?: ConsentChoice): Promise<ConsentDecision> {
    const config = this.#resolved;
    const win = this.#win;
    if (!config || !win) {
      throw new Error(`cookie-consent: a decision was requested before start(config); await manager.ready first.`);
    }
    const wanted: ConsentChoice = custom
      ? choiceOver(config, this.#current, custom)
      : Object.fromEntries(config.categories.map(({ id }) => [id, method === 'accept-all']));
    if (method === 'accept-all') method = acceptAllUnderSignals(wanted, this.#signals);
    const decision = createDecision(config, wanted, method, this.#consentIdInUse);
    // Keep going after any storage failure: the decision in memory is what the page obeys.
    this.#guard('cookie', () => writeStoredDecision(win.document, config, decision));
    if (!this.#held) this.#guard('remember', () => this.parts.rememberConfig(this.#input!, { window: win, resolved: config }));
    this.#guard('erase', () => this.#eraseRefused(decision));
    this.#sync?.announce(encodeConsentCookie(decision));
    const previous = this.#adopt(decision, 'this-tab', layer);
    await this.parts.appendReceipt({ ...decision, layer });
    this.#reloadIfWithdrawn(previous, decision);
    return decision;
  }

  #readStored(): ConsentDecision | null {
    return readConsentCookie(readDocumentCookies(this.#win!.document), this.#resolved!.cookie.name);
  }

  /** The decision if it still answers this page's question (see isDecisionCurrent), else null. */
  #inEffect(decision: ConsentDecision | null): ConsentDecision | null {
    return decision && !this.#held && isDecisionCurrent(decision, this.#resolved!) ? decision : null;
  }

  #adoptRemote(encoded: unknown): void {
    const next = this.#inEffect(typeof encoded === 'string' ? decodeConsentCookie(encoded) : null);
    // The same decision coming back (its own announcement, or a cookie poll) changes nothing.
    if (next && this.#current ? sameDecision(next, this.#current) : next === this.#current) return;
    this.#reloadIfWithdrawn(this.#adopt(next, 'other-tab'), next);
  }

  /**
   * Makes `next` the decision in effect and tells the page: `consent-change`, the granted
   * categories' waiters and the view (the banner when there is no decision). Returns the
   * previous decision, for the reload a withdrawal may need.
   */
  #adopt(next: ConsentDecision | null, origin: ConsentChangeDetail['origin'], layer?: ConsentLayer): ConsentDecision | null {
    const previous = this.#current;
    this.#current = next;
    this.#consentIdInUse = next?.consentId;
    const changed = changedIds(this.#resolved!, previous, next);
    this.#emit('consent-change', { decision: next, previous, changed, origin, ...(layer ? { layer } : {}) });
    for (const [category, waiters] of this.#grantWaiters) {
      if (!this.granted(category)) continue;
      this.#grantWaiters.delete(category);
      waiters.forEach((resolve) => resolve());
    }
    this.#setView(next ? 'none' : 'banner');
    return previous;
  }

  #eraseRefused(decision: ConsentDecision | null): void {
    const config = this.#resolved!;
    this.parts.eraseMatching(this.#win!, erasePatternsRefusedBy(config, decision), [config.cookie.name, checkedCookieName(config)]);
  }

  #reloadIfWithdrawn(previous: ConsentDecision | null, next: ConsentDecision | null): void {
    const withdrawn = withdrawnIds(previous, next);
    if (withdrawn.length === 0) return;
    const policy = this.#resolved!.reloadOnWithdraw;
    const needed = policy ?? withdrawn.some((id) => this.#usedCategories.has(id));
    if (needed) this.#guard('reload', () => this.#win!.location.reload());
  }

  #pickedLanguage(): string {
    const config = this.#resolved!;
    const win = this.#win!;
    return pickLanguage(this.#asked ?? config.language, win.document.documentElement.lang, win.navigator.languages ?? [], config.translations);
  }

  #switchLanguage(): void {
    const language = this.#pickedLanguage();
    if (language === this.#language) return;
    this.#language = language;
    // Until the interface reports the strings it shows, a record carries at least their language.
    if (this.#shown.strings.length === 0) this.#shown = { language, strings: [] };
    this.#emit('consent-language', { language });
  }

  #setView(view: ConsentView): void {
    if (view === this.#currentView) return;
    this.#currentView = view;
    if (this.#resolved) this.#emit('consent-view', { view });
  }

  #emit<K extends keyof ConsentEventMap>(type: K, detail: ConsentEventMap[K]['detail']): void {
    // A listener that throws is reported by the browser as that page's own error; dispatching
    // goes on, so the widget's own work after an event is never cut short by one.
    this.dispatchEvent(new CustomEvent(type, { detail }));
    this.#win?.document.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #guard(what: string, action: () => unknown): void {
    try {
      action();
    } catch (error) {
      warnOnce(`failed-${what}`, `${what} failed; the visitor's choice is kept in memory.`, error);
    }
  }
}

/** A listener for one of the manager's events, as a function or an object with `handleEvent`. */
export type ConsentEventListener<K extends keyof ConsentEventMap> =
  ((this: ConsentManager, event: ConsentEventMap[K]) => void) | { handleEvent(event: ConsentEventMap[K]): void };

// Typed listeners by declaration merging, which is safe here: EventTarget implements the methods,
// and an override only to add types would cost every page view its bytes. Removing needs the same
// overloads as adding: a listener typed for CustomEvent is not an EventListener, so React effect
// cleanups would not compile.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ConsentManager {
  addEventListener<K extends keyof ConsentEventMap>(type: K, listener: ConsentEventListener<K> | null, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ConsentEventMap>(type: K, listener: ConsentEventListener<K> | null, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

const MANAGER_KEY = Symbol.for('cookie-consent-widget.manager');

/**
 * The page's one manager, shared by every copy of the widget on the page (script tag and npm
 * alike): the first copy to ask creates it, with its own parts. Creating it touches no window or
 * document; `start(config)` does.
 */
export function pageManager(create: () => ConsentManager): ConsentManager {
  const registry = globalThis as typeof globalThis & { [MANAGER_KEY]?: ConsentManager };
  registry[MANAGER_KEY] ??= create();
  return registry[MANAGER_KEY];
}
