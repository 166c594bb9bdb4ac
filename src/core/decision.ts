import { encodeConsentCookie } from './storage/consent-cookie.js';
import type { CategoryStates, ConsentDecision, ConsentMethod, ResolvedConfig } from './types.js';

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

/** Every configured category, explicitly: required ones on, the rest as asked, unknown ids dropped. */
export function completeCategories(config: ResolvedConfig, wanted: Partial<CategoryStates>): CategoryStates {
  const categories: CategoryStates = {};
  for (const category of config.categories) {
    categories[category.id] = category.required || wanted[category.id] === true;
  }
  return categories;
}

/** A new decision over every configured category; `wanted` may name only some of them. */
export function createDecision(
  config: ResolvedConfig,
  wanted: Partial<CategoryStates>,
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
    categories: completeCategories(config, wanted),
  };
}

/**
 * Whether a stored decision still answers this page's question: same policy revision, exactly
 * the configured categories, required ones granted, and within the retention period counted
 * from when it was given (not only by the cookie's own expiry).
 */
export function isDecisionCurrent(decision: ConsentDecision, config: ResolvedConfig, now: number = Date.now()): boolean {
  if (decision.revision !== config.revision) return false;
  const issued = Date.parse(decision.timestamp);
  if (!(now < Date.parse(decision.expiresAt)) || !(now < issued + config.expiresDays * DAY_MS)) return false;
  const ids = Object.keys(decision.categories);
  if (ids.length !== config.categories.length) return false;
  return config.categories.every((category) => {
    const granted = decision.categories[category.id];
    return typeof granted === 'boolean' && (!category.required || granted);
  });
}

/**
 * Ids of the configured categories whose effect changed between two decisions. Without a
 * decision only the required categories are in effect, so a first decision never "changes" them.
 */
export function changedCategories(config: ResolvedConfig, previous: ConsentDecision | null, next: ConsentDecision | null): string[] {
  const inEffect = (decision: ConsentDecision | null, id: string, required: boolean): boolean => required || decision?.categories[id] === true;
  return config.categories.filter(({ id, required }) => inEffect(previous, id, required) !== inEffect(next, id, required)).map(({ id }) => id);
}

/** Categories granted before and refused now: what a withdrawal must clean up after. */
export function withdrawnCategories(previous: ConsentDecision | null, next: ConsentDecision | null): string[] {
  return Object.keys(previous?.categories ?? {}).filter((id) => previous?.categories[id] && !next?.categories[id]);
}

/**
 * The cookie names and `prefix*` patterns the site declared for the categories a decision
 * refuses (without a decision: every category but the required ones), for erasing.
 */
export function erasePatternsRefusedBy(config: ResolvedConfig, decision: ConsentDecision | null): string[] {
  return config.categories.filter((category) => !category.required && !decision?.categories[category.id]).flatMap((category) => category.erase);
}

/**
 * Whether two decisions are one and the same: equal in their cookie form, which holds every field
 * (a receipt compares as its decision). Two decisions made within one millisecond share their
 * timestamp and still differ.
 */
export function sameDecision(a: ConsentDecision, b: ConsentDecision): boolean {
  return encodeConsentCookie(a) === encodeConsentCookie(b);
}
