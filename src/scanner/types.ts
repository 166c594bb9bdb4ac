/** The three visits the scanner makes to every page, each in a fresh browser context. */
export type Phase = 'before' | 'accept' | 'reject';

/** Whether an observation came before the visitor's choice in its phase, or after it. */
export type Step = 'before-choice' | 'after-choice';

export type ItemKind = 'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB' | 'request';

/** What caused an item: a response's Set-Cookie header, a script, the page's markup, or nothing the scanner could see. */
export interface Initiator {
  kind: 'response' | 'script' | 'markup' | 'unknown';
  /** The response's, the script's or the document's URL. */
  url?: string;
}

export interface CookieAttributes {
  domain: string;
  path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None' | '';
}

/** One sighting of an item: where and when the scanner saw it, and what set it. */
export interface Observation {
  kind: ItemKind;
  /** The cookie name, storage key, database name, or the request's host. */
  name: string;
  /** The cookie's domain, the storage's origin, or the request's host: with the name, what identifies the item. */
  scope: string;
  phase: Phase;
  step: Step;
  page: string;
  initiator: Initiator;
  cookie?: CookieAttributes;
  /** For a request: its URL and resource type. */
  url?: string;
  resourceType?: string;
}

/** The widget's consent configuration as the scanner needs it, read from a page. */
export interface PageConfig {
  categories: DeclaredCategory[];
  /** The widget's own consent cookie. */
  cookieName: string;
  revision?: number;
  policyUrl?: string;
  endpoint?: string;
}

export interface DeclaredCookie {
  name: string;
  provider?: string;
  duration?: string;
  purpose?: string;
}

export interface DeclaredCategory {
  id: string;
  required: boolean;
  cookies: DeclaredCookie[];
  /** Erase patterns as written: names and `prefix*`. */
  erase: string[];
  /** Hosts the page loads only with this category's consent (gated scripts and iframes). */
  hosts: string[];
}

/** An entry of the Open Cookie Database that matched an item. */
export interface KnownCookie {
  platform: string;
  /** The database's own category (Functional, Analytics, ...). */
  databaseCategory: string;
  /** Ours: session, preferences, analytics or promotional. */
  category: string;
  name: string;
  description: string;
  retention: string;
  controller: string;
  /** The database lists the name as a prefix. */
  wildcard: boolean;
}

export interface PageVisit {
  url: string;
  phase: Phase;
  status: number | null;
  widget: boolean;
  /** How the choice was made on this page, if it was. */
  choice?: 'api' | 'button' | 'none';
}

/** An item with everything known about it, as reported. */
export interface ScannedItem {
  kind: ItemKind;
  name: string;
  scope: string;
  cookie?: CookieAttributes;
  resourceType?: string;
  exampleUrl?: string;
  first: { phase: Phase; step: Step; page: string; initiator: Initiator };
  seen: { beforeChoice: boolean; afterAccept: boolean; afterReject: boolean };
  /** The category the page's configuration puts it in, if it does. */
  declared?: string;
  /** The Open Cookie Database's entry, for an item the configuration does not declare. */
  known?: KnownCookie;
  /** The widget's own consent cookie, storage or requests. */
  widget: boolean;
  /** Our category: declared, else from the database; undefined when neither knows it. */
  category?: string;
  required: boolean;
}

export interface Leak {
  item: ScannedItem;
  when: 'before consent' | 'after Reject all';
  page: string;
  initiator: Initiator;
  /** Set before consent and still (or again) there after "Reject all". */
  alsoAfterReject: boolean;
}

export interface ScanReport {
  startUrl: string;
  origin: string;
  pages: string[];
  widgetFound: boolean;
  choices: { accept: PageVisit['choice']; reject: PageVisit['choice'] };
  items: ScannedItem[];
  leaks: Leak[];
  configs: PageConfig[];
  durationMs: number;
}
