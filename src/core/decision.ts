import { configuredPurposes, isRequiredId } from './configured-ids.js';
import { encodeConsentCookie } from './storage/consent-cookie.js';
import type { CategoryStates, ConsentDecision, ConsentMethod, ResolvedConfig, ServiceStates } from './types.js';

const DAY_MS = 24 * 3600 * 1000;

export function randomId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a site on plain http still needs an id.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A choice over category and service ids together (they share one namespace), as `set()` takes
 * it: `{ analytics: true, ga4: false }`.
 */
export type ConsentChoice = Partial<Record<string, boolean>>;

/**
 * Every configured category and service, explicitly: required ones on, unknown ids dropped. A
 * service follows its own entry, else its category's; a category with services is granted when
 * at least one of them is, so a service is never granted without its category.
 */
export function completeStates(config: ResolvedConfig, wanted: ConsentChoice): Pick<ConsentDecision, 'categories' | 'services'> {
  const categories: CategoryStates = {};
  const services: ServiceStates = {};
  for (const category of config.categories) {
    let granted = category.required || wanted[category.id] === true;
    if (category.services.length > 0) {
      const own = category.services.map((service) => (services[service.id] = category.required || (wanted[service.id] ?? wanted[category.id]) === true));
      granted = own.includes(true);
    }
    categories[category.id] = granted;
  }
  return Object.keys(services).length > 0 ? { categories, services } : { categories };
}

/**
 * What `set(custom)` asks for over the decision in force: the ids it names change, the others keep
 * their state, and a category it names takes its services along unless it names them too.
 */
export function choiceOver(config: ResolvedConfig, previous: ConsentDecision | null, custom: ConsentChoice): ConsentChoice {
  const choice: ConsentChoice = { ...previous?.categories, ...previous?.services };
  for (const category of config.categories) {
    const state = custom[category.id];
    if (typeof state === 'boolean') for (const service of category.services) choice[service.id] = state;
  }
  return { ...choice, ...custom };
}

/** A new decision over every configured category and service; `wanted` may name only some of them. */
export function createDecision(
  config: ResolvedConfig,
  wanted: ConsentChoice,
  method: ConsentMethod,
  consentId: string = randomId(),
  now: number = Date.now(),
): ConsentDecision {
  return {
    consentId,
    revision: config.revision,
    timestamp: new Date(now).toISOString(),
    expiresAt: new Date(now + config.expiresDays * DAY_MS).toISOString(),
    method,
    ...completeStates(config, wanted),
  };
}

/** Exactly the expected ids, each with the expected state. */
function sameStates(given: Record<string, boolean> = {}, expected: Record<string, boolean> = {}): boolean {
  const ids = Object.keys(expected);
  return Object.keys(given).length === ids.length && ids.every((id) => given[id] === expected[id]);
}

/**
 * Whether a stored decision still answers this page's question: same policy revision, exactly
 * the configured categories and services, required ones granted, each category agreeing with its
 * services, and within the retention period counted from when it was given (not only by the
 * cookie's own expiry).
 */
export function isDecisionCurrent(decision: ConsentDecision, config: ResolvedConfig, now: number = Date.now()): boolean {
  if (decision.revision !== config.revision) return false;
  const issued = Date.parse(decision.timestamp);
  if (!(now < Date.parse(decision.expiresAt)) || !(now < issued + config.expiresDays * DAY_MS)) return false;
  const expected = completeStates(config, { ...decision.categories, ...decision.services });
  return sameStates(decision.categories, expected.categories) && sameStates(decision.services, expected.services);
}

/** Whether a category or service id is granted by a decision (required ones always are). */
export function grantsId(config: ResolvedConfig, decision: ConsentDecision | null, id: string): boolean {
  return isRequiredId(config, id) || (decision?.categories[id] ?? decision?.services?.[id]) === true;
}

/**
 * Ids of the configured categories and services whose effect changed between two decisions.
 * Without a decision only the required ones are in effect, so a first decision never "changes" them.
 */
export function changedIds(config: ResolvedConfig, previous: ConsentDecision | null, next: ConsentDecision | null): string[] {
  return configuredPurposes(config)
    .filter(([id]) => grantsId(config, previous, id) !== grantsId(config, next, id))
    .map(([id]) => id);
}

/** Categories and services granted before and refused now: what a withdrawal must clean up after. */
export function withdrawnIds(previous: ConsentDecision | null, next: ConsentDecision | null): string[] {
  const before = { ...previous?.categories, ...previous?.services };
  const after = { ...next?.categories, ...next?.services };
  return Object.keys(before).filter((id) => before[id] && !after[id]);
}

/**
 * The cookie names and `prefix*` patterns the site declared for the categories and services a
 * decision refuses (without a decision: all but the required ones), for erasing.
 */
export function erasePatternsRefusedBy(config: ResolvedConfig, decision: ConsentDecision | null): string[] {
  return config.categories
    .filter((category) => !category.required)
    .flatMap((category) => [
      ...(decision?.categories[category.id] ? [] : category.erase),
      ...category.services.filter((service) => !decision?.services?.[service.id]).flatMap((service) => service.erase),
    ]);
}

/**
 * Whether two decisions are one and the same: equal in their cookie form, which holds every field
 * (a receipt compares as its decision). Two decisions made within one millisecond share their
 * timestamp and still differ.
 */
export function sameDecision(a: ConsentDecision, b: ConsentDecision): boolean {
  return encodeConsentCookie(a) === encodeConsentCookie(b);
}
