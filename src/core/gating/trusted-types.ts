import { warnOnce } from '../log.js';

/**
 * The one Trusted Types policy of the widget; sites allow it with `trusted-types cookie-consent`
 * (plus `'allow-duplicates'` when two copies of the widget are on one page: each copy has its own).
 */
export const TRUSTED_TYPES_POLICY_NAME = 'cookie-consent';

/** The policy's three rules: script text, script URLs, and the HTML of Lit's own templates. */
export interface WidgetPolicy {
  createHTML(html: string): unknown;
  createScript(text: string): unknown;
  createScriptURL(url: string): unknown;
}

type PassThrough = (value: string) => string;

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML: PassThrough; createScript: PassThrough; createScriptURL: PassThrough }): WidgetPolicy;
}

/**
 * One policy per window, kept in this module's scope and nowhere else: a policy that passes text
 * through unchanged is a Trusted Types bypass for whoever holds it, so no script of the page can
 * reach it (it used to be shared on `window` under a Symbol.for key; not any more). Two copies of
 * the widget on a page therefore create a policy each, which the CSP allows with 'allow-duplicates'.
 */
const policies = new WeakMap<object, WidgetPolicy | null>();

/** The widget's policy in `win`, created on first use; null where there are no Trusted Types or the CSP refuses it. */
export function widgetPolicy(win: Window): WidgetPolicy | null {
  const known = policies.get(win);
  if (known !== undefined) return known;
  const factory = (win as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  let policy: WidgetPolicy | null = null;
  if (factory) {
    try {
      // The scripts are the site's own markup, which the site marked as wanting to run; the HTML is
      // the widget's own Lit templates (developer-authored constants, parsed before any value is
      // bound). The policy passes them on unchanged; what it guards is that nothing else reaches a sink.
      const passThrough: PassThrough = (value) => value;
      policy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
        createHTML: passThrough,
        createScript: passThrough,
        createScriptURL: passThrough,
      });
    } catch (error) {
      warnOnce(
        'trusted-types',
        `the Trusted Types policy "${TRUSTED_TYPES_POLICY_NAME}" could not be created; allow it in the trusted-types directive ` +
          `(with 'allow-duplicates' when two copies of the widget are on the page).`,
        error,
      );
    }
  }
  policies.set(win, policy);
  return policy;
}

/**
 * Uses a policy another copy of this module created, for a chunk of the script-tag build that
 * carries its own copy: one page, one policy. Only before the first use in `win`.
 */
export function adoptWidgetPolicy(win: Window, policy: WidgetPolicy | null): void {
  if (!policies.has(win)) policies.set(win, policy);
}

/** Script text as the page's Trusted Types enforcement wants it (a plain string where there is none). */
export function trustedScript(win: Window, text: string): string {
  return (widgetPolicy(win)?.createScript(text) ?? text) as string;
}

/** A script URL as the page's Trusted Types enforcement wants it (a plain string where there is none). */
export function trustedScriptURL(win: Window, url: string): string {
  return (widgetPolicy(win)?.createScriptURL(url) ?? url) as string;
}
