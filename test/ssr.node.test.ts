import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

// The built package, as an SSR framework (Next.js, Nuxt, SvelteKit, Angular Universal) imports it.
describe('importing the package in Node without a DOM (SSR)', () => {
  it('imports the main entry, /core, /server and /react without touching window or document', async () => {
    const main = await import('cookie-consent-widget');
    const core = await import('cookie-consent-widget/core');
    const server = await import('cookie-consent-widget/server');
    const react = await import('cookie-consent-widget/react');
    assert.equal(typeof main.CookieConsentElement, 'function');
    assert.equal(typeof main.getConsentManager, 'function');
    assert.equal(typeof core.resolveConfig, 'function');
    assert.equal(typeof server.parseConsentCookie, 'function');
    assert.equal(typeof react.CookieConsent, 'object');
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  });

  it('creates the page manager and validates configuration on the server too', async () => {
    const core = await import('cookie-consent-widget/core');
    const manager = core.getConsentManager();
    assert.equal(manager.decision, null);
    assert.equal(manager.granted('analytics'), false);
    assert.throws(() => core.resolveConfig({ revision: 1, policyUrl: 'javascript:alert(1)' }), /config\.policyUrl must be an http\(s\) or relative URL/);
  });

  it('renders <CookieConsent> to HTML with React on the server', async () => {
    const { CookieConsent } = await import('cookie-consent-widget/react');
    const markup = renderToString(createElement(CookieConsent, { revision: 3, policyUrl: '/privacy', layout: 'box' }));
    // @lit/react sets props as element properties once the element exists in the browser.
    assert.equal(markup, '<cookie-consent></cookie-consent>');
  });
});
