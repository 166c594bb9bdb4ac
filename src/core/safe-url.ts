/**
 * Unsafe as a link: a control character or a backslash (browsers may re-interpret a "relative"
 * URL with one as a scheme), or any scheme but http(s), such as `javascript:` and `data:`.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_URL = /[\u0000-\u001f\u007f\\]|^(?!https?:)[a-z][a-z0-9+.-]*:/i;

/** Only http(s) and relative URLs can be links: `javascript:` and `data:` never reach the page. */
export function isSafeUrl(value: string): boolean {
  return value !== '' && value.trim() === value && !UNSAFE_URL.test(value);
}
