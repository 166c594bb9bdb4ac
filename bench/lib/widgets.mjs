/**
 * The three widgets compared: which page shows each, how a visitor presses its "Accept all", and
 * which downloaded files are the widget's (its scripts, CSS and the configuration it needs).
 */
export const WIDGETS = {
  ours: {
    title: 'cookie-consent-widget',
    page: '/ours.html',
    accept: () => document.querySelector('cookie-consent').shadowRoot.querySelector('[part~="accept-all"]'),
  },
  vcc: {
    title: 'vanilla-cookieconsent',
    page: '/vcc.html',
    accept: () => document.querySelector('#cc-main .cm [data-role="all"]'),
  },
  orejime: {
    title: 'Orejime',
    page: '/orejime.html',
    accept: () => document.querySelector('.orejime-Banner .orejime-Banner-saveButton'),
  },
};

export const WIDGET_NAMES = Object.keys(WIDGETS);

/** The widgets' own files among a page's resources (resource timing URLs). */
export const WIDGET_FILES = /\/(dist|vcc|orejime)\/|\/(vcc|orejime)-config\.js/;
