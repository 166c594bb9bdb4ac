import type { CookieDatabase } from './cookie-database.js';
import { sameSite } from './crawl.js';
import { declaringCategory } from './page-config.js';
import type { DeclaredCategory, Initiator, ItemKind, Leak, Observation, PageConfig, ScannedItem } from './types.js';
import { CHECKED_COOKIE_SUFFIX } from '../core/config-fingerprint.js';

export interface ClassifyOptions {
  database: CookieDatabase;
  configs: PageConfig[];
  siteHost: string;
  /** Third-party hosts the site needs before any choice (a CDN, a payment provider): never a leak. */
  allowHosts: string[];
}

const KIND_ORDER: ItemKind[] = ['cookie', 'localStorage', 'sessionStorage', 'indexedDB', 'request'];
const PHASE_ORDER = ['before', 'accept', 'reject'];

/** The widget's own storage: its IndexedDB database and its localStorage keys share this prefix. */
const WIDGET_STORAGE_PREFIX = 'cookie-consent-widget';
/** The script-tag build and its chunks (cookie-consent.js, cookie-consent.ui.js, ...). */
const WIDGET_SCRIPT = /\/cookie-consent(\.[\w-]+)*\.js$/;

function hostMatches(host: string, allowed: string): boolean {
  return host === allowed || host.endsWith(`.${allowed}`);
}

/** Whether `url` is the endpoint that receives the consent records, on the page that configured it. */
function isConsentEndpoint(url: string, page: string, configs: PageConfig[]): boolean {
  return configs.some((config) => config.endpoint !== undefined && url.startsWith(new URL(config.endpoint, page).href));
}

function isWidgetOwn(observation: Observation, configs: PageConfig[]): boolean {
  switch (observation.kind) {
    case 'cookie': {
      // The consent cookie, and beside it the fingerprint of the configuration that passed its check.
      if (configs.some((config) => config.cookieName === observation.name || `${config.cookieName}${CHECKED_COOKIE_SUFFIX}` === observation.name)) return true;
      // What the consent-record endpoint sets with its answer: the receiver's credential for the visitor's own records.
      const { initiator } = observation;
      return initiator.kind === 'response' && initiator.url !== undefined && isConsentEndpoint(initiator.url, observation.page, configs);
    }
    case 'request': {
      const url = new URL(observation.url!);
      if (WIDGET_SCRIPT.test(url.pathname)) return true;
      return isConsentEndpoint(url.href, observation.page, configs);
    }
    default:
      return observation.name.startsWith(WIDGET_STORAGE_PREFIX);
  }
}

function declaredFor(observation: Observation, configs: PageConfig[]): DeclaredCategory | undefined {
  if (observation.kind !== 'request') return declaringCategory(configs, observation.name);
  for (const config of configs) {
    const found = config.categories.find((category) => category.hosts.some((host) => hostMatches(observation.name, host)));
    if (found) return found;
  }
  return undefined;
}

const knownInitiator = (observations: Observation[]): Initiator | undefined =>
  observations.find((observation) => observation.initiator.kind !== 'unknown')?.initiator;

/** One item from all its observations, in the order they were made, phase by phase. */
function toItem(observations: Observation[], options: ClassifyOptions): ScannedItem {
  const first = observations[0]!;
  const declared = declaredFor(first, options.configs);
  const known = declared ? undefined : first.kind === 'request' ? options.database.lookupHost(first.name) : options.database.lookupName(first.name);
  const widget = isWidgetOwn(first, options.configs);
  // A third-party request is required only when the site says so: even a font or CDN download
  // hands the visitor's address to another company, so the database's "Functional" is not enough.
  const required =
    widget ||
    declared?.required === true ||
    (first.kind === 'request' ? options.allowHosts.some((host) => hostMatches(first.name, host)) : known?.category === 'session');
  const after = (phase: string) => observations.some((observation) => observation.phase === phase && observation.step === 'after-choice');
  const withAttributes = observations.filter((observation) => observation.cookie).at(-1);
  return {
    kind: first.kind,
    name: first.name,
    scope: first.scope,
    ...(withAttributes ? { cookie: withAttributes.cookie } : {}),
    ...(first.kind === 'request' ? { resourceType: first.resourceType, exampleUrl: first.url } : {}),
    first: { phase: first.phase, step: first.step, page: first.page, initiator: knownInitiator(observations) ?? first.initiator },
    seen: {
      beforeChoice: observations.some((observation) => observation.step === 'before-choice'),
      afterAccept: after('accept'),
      afterReject: after('reject'),
    },
    ...(declared ? { declared: declared.id } : {}),
    ...(known ? { known } : {}),
    widget,
    ...(declared || known ? { category: declared?.id ?? known?.category } : {}),
    required,
  };
}

function leakOf(item: ScannedItem, observations: Observation[]): Leak | undefined {
  if (item.required) return undefined;
  const beforeConsent = observations.find((observation) => observation.step === 'before-choice');
  const afterReject = observations.find((observation) => observation.phase === 'reject' && observation.step === 'after-choice');
  const found = beforeConsent ?? afterReject;
  if (!found) return undefined;
  const initiator = found.initiator.kind !== 'unknown' ? found.initiator : item.first.initiator;
  return {
    item,
    when: beforeConsent ? 'before consent' : 'after Reject all',
    page: found.page,
    initiator,
    alsoAfterReject: Boolean(beforeConsent && afterReject),
  };
}

/**
 * Items from observations: what each is (declared by the configuration, or known to the Open
 * Cookie Database), whether it is required, and the leaks: anything not required that was set
 * before the choice or after "Reject all", one leak per item, at its first such sighting.
 */
export function classify(observations: Observation[], options: ClassifyOptions): { items: ScannedItem[]; leaks: Leak[] } {
  const groups = new Map<string, Observation[]>();
  const ordered = observations
    .map((observation, index) => ({ observation, index }))
    .sort((a, b) => PHASE_ORDER.indexOf(a.observation.phase) - PHASE_ORDER.indexOf(b.observation.phase) || a.index - b.index)
    .map(({ observation }) => observation)
    // A start page that redirected to another host of the same site: its requests are first-party.
    .filter((observation) => observation.kind !== 'request' || !sameSite(observation.name, options.siteHost));
  for (const observation of ordered) {
    const key = `${observation.kind} ${observation.scope} ${observation.name}`;
    const group = groups.get(key);
    if (group) group.push(observation);
    else groups.set(key, [observation]);
  }
  const classified = [...groups.values()].map((group) => ({ item: toItem(group, options), group }));
  classified.sort((a, b) => KIND_ORDER.indexOf(a.item.kind) - KIND_ORDER.indexOf(b.item.kind) || a.item.name.localeCompare(b.item.name));
  return {
    items: classified.map(({ item }) => item),
    leaks: classified.flatMap(({ item, group }) => leakOf(item, group) ?? []),
  };
}
