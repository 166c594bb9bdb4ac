// vanilla-cookieconsent configured like our widget's defaults: the same four purposes, English,
// a banner with accept all / reject all / customize, and a preferences modal with a section each.
CookieConsent.run({
  revision: 1,
  categories: {
    necessary: { enabled: true, readOnly: true },
    preferences: {},
    analytics: {},
    promotional: {},
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We value your privacy',
          description:
            'We use cookies the site needs to work and, only if you agree, cookies that remember your choices, measure how the site is used and show our offers. You can change your choice at any time. <a href="/privacy">Privacy policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Customize',
        },
        preferencesModal: {
          title: 'Cookie settings',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Choose which cookies we may use', description: 'Strictly necessary cookies are always on.' },
            { title: 'Strictly necessary', description: 'Needed for the site to work: your session and this choice.', linkedCategory: 'necessary' },
            { title: 'Preferences', description: 'Remember your settings, such as language.', linkedCategory: 'preferences' },
            { title: 'Analytics', description: 'Measure how the site is used, so we can improve it.', linkedCategory: 'analytics' },
            { title: 'Promotional', description: 'Show you our offers on other sites.', linkedCategory: 'promotional' },
          ],
        },
      },
    },
  },
});
