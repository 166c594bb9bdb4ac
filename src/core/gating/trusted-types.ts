import { warnOnce } from '../log.js';

/** The one Trusted Types policy of the widget; sites allow it with `trusted-types cookie-consent`. */
export const TRUSTED_TYPES_POLICY_NAME = 'cookie-consent';

interface ScriptPolicy {
  createScript(text: string): unknown;
  createScriptURL(url: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript(text: string): string; createScriptURL(url: string): string }): ScriptPolicy;
}

// Shared by every copy of the widget on the page: under `trusted-types cookie-consent` a second
// createPolicy with the same name is a violation, so the script tag and an npm copy must share it.
const POLICY_KEY = Symbol.for('cookie-consent-widget.trusted-types-policy');

type PolicyHolder = { [POLICY_KEY]?: ScriptPolicy | null };

function policyFor(win: Window): ScriptPolicy | null {
  const holder = win as unknown as PolicyHolder;
  if (holder[POLICY_KEY] !== undefined) return holder[POLICY_KEY];
  const factory = (win as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  let policy: ScriptPolicy | null = null;
  if (factory) {
    try {
      // The scripts are the site's own markup, which the site marked as wanting to run: the
      // policy passes them on unchanged; what it guards is that nothing else reaches a script sink.
      policy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
        createScript: (text) => text,
        createScriptURL: (url) => url,
      });
    } catch (error) {
      warnOnce(
        'trusted-types',
        `the Trusted Types policy "${TRUSTED_TYPES_POLICY_NAME}" could not be created; allow it in the trusted-types directive.`,
        error,
      );
    }
  }
  holder[POLICY_KEY] = policy;
  return policy;
}

/** Script text as the page's Trusted Types enforcement wants it (a plain string where there is none). */
export function trustedScript(win: Window, text: string): string {
  const policy = policyFor(win);
  return (policy ? policy.createScript(text) : text) as string;
}

/** A script URL as the page's Trusted Types enforcement wants it (a plain string where there is none). */
export function trustedScriptURL(win: Window, url: string): string {
  const policy = policyFor(win);
  return (policy ? policy.createScriptURL(url) : url) as string;
}
