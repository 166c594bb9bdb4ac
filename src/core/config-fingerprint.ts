import { WIDGET_VERSION } from './delivery/version.js';
import { pageStorage } from './delivery/outbox-hint.js';

/**
 * The fingerprint of the last configuration that passed the check in this browser, kept once the
 * visitor has decided (nothing is stored before). A page whose configuration has the same
 * fingerprint needs no check: the check is deterministic for the same input and widget version.
 */
export const CHECKED_CONFIG_KEY = 'cookie-consent-widget:config-checked';

/** JSON with every object's keys in order: the same configuration written in another key order is the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** FNV-1a (32 bit) over the configuration and the widget version: cheap, and any edit changes it. */
export function configFingerprint(config: unknown): string {
  const text = `${WIDGET_VERSION}\n${canonicalJson(config)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function isCheckedConfig(win: Window, fingerprint: string): boolean {
  try {
    return pageStorage(win)?.getItem(CHECKED_CONFIG_KEY) === fingerprint;
  } catch {
    return false;
  }
}

export function rememberCheckedConfig(win: Window, fingerprint: string): void {
  try {
    pageStorage(win)?.setItem(CHECKED_CONFIG_KEY, fingerprint);
  } catch {
    // Storage refused: the next page view checks again, which is only slower.
  }
}
