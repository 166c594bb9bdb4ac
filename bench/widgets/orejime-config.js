// Orejime 3.2 (standard theme, English) configured like our widget's defaults: the same four
// purposes, the session one required. Its own texts stay: Orejime writes the banner around the
// purpose titles.
window.orejimeConfig = {
  privacyPolicyUrl: '/privacy',
  purposes: [
    { id: 'necessary', title: 'Strictly necessary', description: 'Needed for the site to work: your session and this choice.', isMandatory: true, cookies: [] },
    { id: 'preferences', title: 'Preferences', description: 'Remember your settings, such as language.', cookies: [] },
    { id: 'analytics', title: 'Analytics', description: 'Measure how the site is used, so we can improve it.', cookies: [] },
    { id: 'promotional', title: 'Promotional', description: 'Show you our offers on other sites.', cookies: [] },
  ],
};
