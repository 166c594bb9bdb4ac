/** English strings; every other language overrides these keys. */
export const en = {
  bannerTitle: 'We use cookies',
  bannerText:
    'We use cookies that are strictly necessary for this site, and, only with your consent, cookies for preferences, usage analytics and promotional messages. You can change your choice at any time.',
  policyLink: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settingsButton: 'Cookie settings',
};

export type UiStrings = typeof en;
