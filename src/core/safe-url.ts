/** Only http(s) and relative URLs can be links: `javascript:` and `data:` never reach the page. */
export function isSafeUrl(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed !== value) return false;
  // Control characters and backslashes let browsers re-interpret a "relative" URL as a scheme.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value);
  if (scheme) return /^https?$/i.test(scheme[1]!);
  return true;
}
