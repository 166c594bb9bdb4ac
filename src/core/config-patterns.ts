/**
 * What makes a cookie attribute or an erase pattern safe to use: the full check (config.ts)
 * refuses anything else with a message, and the unchecked fill-in of the script-tag build's main
 * file (config-defaults.ts) drops it, so an unchecked configuration can never write a cookie
 * attribute or erase more than a valid one could.
 */
export const COOKIE_NAME_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}$/;
export const COOKIE_PATH_PATTERN = /^\/[^\s;,]*$/;
export const COOKIE_DOMAIN_PATTERN = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
export const SAME_SITE_PATTERN = /^(Lax|Strict|None)$/;
/** A cookie name, or a `prefix*` pattern; never a lone `*`, which would match every cookie. */
const ERASE_PATTERN = /^[^\s;,=*]+\*?$/;

export function matches(pattern: RegExp, value: unknown): value is string {
  return typeof value === 'string' && pattern.test(value);
}

export function isSameSite(value: unknown): value is 'Lax' | 'Strict' | 'None' {
  return matches(SAME_SITE_PATTERN, value);
}

export function isErasePattern(name: unknown): name is string {
  return matches(ERASE_PATTERN, name);
}
