// Builds the configuration from the query string, then loads the widget as a site would.
const params = new URLSearchParams(location.search);
document.cookie = 'preview_consent=; Max-Age=0; Path=/';
const config = {
  revision: 1,
  policyUrl: '/en/privacy.html',
  cookie: { name: 'preview_consent' },
  language: params.get('lang') ?? 'en',
  theme: params.get('theme') ?? 'auto',
  layout: params.get('layout') ?? 'bar',
};
document.documentElement.lang = config.language;
const block = document.createElement('script');
block.type = 'application/json';
block.id = 'cookie-consent-config';
block.textContent = JSON.stringify(config);
document.head.append(block);
const widget = document.createElement('script');
widget.src = '/dist/cookie-consent.js';
document.head.append(widget);
