/** Global Privacy Control: `navigator.globalPrivacyControl === true` (the `Sec-GPC: 1` header's twin). */
export function globalPrivacyControl(win: Window | undefined): boolean {
  return (win?.navigator as (Navigator & { globalPrivacyControl?: unknown }) | undefined)?.globalPrivacyControl === true;
}
