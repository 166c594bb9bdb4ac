/** How a decision was given; recorded as proof of consent (docs/compliance.md, C12). */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'withdraw' | 'gpc';

/** Which part of the interface a decision was made in. */
export type ConsentLayer = 'banner' | 'preferences' | 'api' | 'placeholder';

export type ConsentLayout = 'bar' | 'box' | 'modal';
export type ConsentTheme = 'light' | 'dark' | 'auto';
export type CookieSameSite = 'Lax' | 'Strict' | 'None';

/** One category of every configured id, each explicitly granted (true) or refused (false). */
export type CategoryStates = Record<string, boolean>;

/** One state per configured service id, each explicitly granted (true) or refused (false). */
export type ServiceStates = Record<string, boolean>;

export interface ConsentDecision {
  /** A random UUID that stays the same across changes of mind until `reset()`. */
  consentId: string;
  /** The policy revision the visitor decided on. */
  revision: number;
  /** When the decision was made, ISO 8601 UTC. */
  timestamp: string;
  /** When the decision stops counting and the visitor is asked again, ISO 8601 UTC. */
  expiresAt: string;
  method: ConsentMethod;
  categories: CategoryStates;
  /** Every configured service, explicitly granted or refused; absent when no category has services. */
  services?: ServiceStates;
}

export interface CookieDescription {
  name: string;
  provider: string;
  duration: string;
  purpose: string;
}

export interface CategoryConfig {
  /** Lower-case letters, digits, `_` and `-`, starting with a letter; at most 32 characters. */
  id: string;
  label?: string;
  description?: string;
  /** Strictly necessary: always on, shown disabled, never asked for. */
  required?: boolean;
  cookies?: CookieDescription[];
  /**
   * Cookie names (or `prefix*` patterns) erased when this category is refused or withdrawn;
   * also applied to localStorage and sessionStorage keys.
   */
  erase?: string[];
  /**
   * The vendors or tools inside this category, each with its own choice: the category is
   * granted when at least one of them is, and each is granted only with its category.
   */
  services?: ServiceConfig[];
}

/** One vendor or tool inside a category, such as Google Analytics inside `analytics`. */
export interface ServiceConfig {
  /** Same rule as a category id; category and service ids share one namespace. */
  id: string;
  label?: string;
  description?: string;
  /** Who runs it, as the visitor knows them (e.g. "Google Ireland Ltd."). */
  provider?: string;
  /** The provider's own privacy policy: an http(s) or a relative URL. */
  policyUrl?: string;
  cookies?: CookieDescription[];
  /** Cookie names or `prefix*` patterns erased when this service is refused or withdrawn. */
  erase?: string[];
}

export interface ConsentCookieOptions {
  name?: string;
  domain?: string;
  path?: string;
  sameSite?: CookieSameSite;
}

export interface GoogleConsentModeOptions {
  /** Milliseconds tags wait for an `update` before firing with the defaults. */
  waitForUpdate?: number;
  /** ISO 3166-2 region codes the defaults apply to; all regions when absent. */
  region?: string[];
}

/** Strings of the interface, by key; any of them can be overridden per language. */
export type Translation = Record<string, string>;

export interface ConsentConfig {
  /** The policy revision: raise it when purposes change and every visitor is asked again. */
  revision: number;
  /** Link to the privacy policy: an http(s) or a relative URL. */
  policyUrl: string;
  /** Where every decision is POSTed as a ConsentRecord. */
  endpoint?: string;
  language?: string;
  translations?: Record<string, Translation>;
  layout?: ConsentLayout;
  theme?: ConsentTheme;
  /** How long a decision, a refusal too, is remembered. Default 182 days. */
  expiresDays?: number;
  cookie?: ConsentCookieOptions;
  categories?: CategoryConfig[];
  /** Honour Global Privacy Control by starting with `promotional` refused. Default true. */
  gpc?: boolean;
  googleConsentMode?: boolean | GoogleConsentModeOptions;
  uet?: boolean;
  meta?: boolean;
  /**
   * Reload the page once after a withdrawal, since scripts that already run cannot be stopped.
   * Default: only when a script of a withdrawn category ran on this page.
   */
  reloadOnWithdraw?: boolean;
  /** Show the small "Cookie settings" button after a decision. Default true. */
  settingsButton?: boolean;
  /** Honour Do Not Track like GPC: "Accept all" keeps `promotional` refused. Default true. */
  dnt?: boolean;
  /** Warn in the console about what the page sets or runs before consent. Default false. */
  debug?: boolean;
}

export interface ResolvedCategory {
  id: string;
  label?: string;
  description?: string;
  required: boolean;
  cookies: CookieDescription[];
  /** Its own patterns and its cookies' names; a refused category erases its services' too. */
  erase: string[];
  services: ResolvedService[];
}

export interface ResolvedService {
  id: string;
  label?: string;
  description?: string;
  provider?: string;
  policyUrl?: string;
  cookies: CookieDescription[];
  erase: string[];
}

/** The configuration after validation, with every default filled in. */
export interface ResolvedConfig {
  revision: number;
  policyUrl: string;
  endpoint?: string;
  language?: string;
  translations: Record<string, Translation>;
  layout: ConsentLayout;
  theme: ConsentTheme;
  expiresDays: number;
  cookie: Required<Omit<ConsentCookieOptions, 'domain'>> & { domain?: string };
  categories: ResolvedCategory[];
  gpc: boolean;
  googleConsentMode: false | GoogleConsentModeOptions;
  uet: boolean;
  meta: boolean;
  reloadOnWithdraw?: boolean;
  settingsButton: boolean;
  dnt: boolean;
  debug: boolean;
}
