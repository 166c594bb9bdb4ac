import { expect } from '@open-wc/testing';
import { cookieJar, finishAnimations, openFrame, resetBrowserState, visibleIn, waitFor } from './helpers.js';
import type { ConsentManager } from '../src/core/manager.js';

type PageWindow = Window & { cookieConsent?: ConsentManager };

function loadScriptTag(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/dist/cookie-consent.js';
    script.dataset['policyUrl'] = '/privacy';
    script.dataset['revision'] = '1';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('dist/cookie-consent.js did not load: run npm run build'));
    document.head.append(script);
  });
}

describe('script-tag build (dist/cookie-consent.js)', () => {
  before(resetBrowserState);

  it('mounts <cookie-consent>, shows the banner, and saves "Reject all" in the cookie (compliance C1, C5)', async () => {
    await loadScriptTag();
    const manager = (window as PageWindow).cookieConsent!;
    await manager.ready;
    const element = document.querySelector('cookie-consent')!;
    expect(element, 'element appended to <body>').to.exist;
    await waitFor(() => visibleIn(element.shadowRoot, '[part~="banner"]') !== null, 'the banner');
    expect(cookieJar().has('cookie_consent'), 'no cookie before the visitor decides').to.equal(false);
    await finishAnimations(element);
    await expect(element).to.be.accessible();

    visibleIn(element.shadowRoot, '[part~="reject-all"]')!.click();
    await waitFor(() => cookieJar().has('cookie_consent'), 'the consent cookie');
    expect(manager.decision?.method).to.equal('reject-all');
    expect(manager.decision?.categories).to.deep.equal({ session: true, preferences: false, analytics: false, promotional: false });
    await waitFor(() => visibleIn(element.shadowRoot, '[part~="banner"]') === null, 'the banner to hide');
    expect(visibleIn(element.shadowRoot, '[part~="settings-button"]')).to.exist;
    await finishAnimations(element);
    await expect(element).to.be.accessible();
  });

  it('keeps the banner hidden after a real reload once the visitor chose', async () => {
    const { frame, reload } = await openFrame('/test/fixtures/script-tag.html');
    const win = frame.contentWindow as PageWindow;
    await win.cookieConsent!.ready;
    // The decision of the first test is in the shared cookie jar: this page must not ask again.
    const element = frame.contentDocument!.querySelector('cookie-consent')!;
    await waitFor(() => element.shadowRoot?.querySelector('.cc-root') != null, 'render');
    expect(visibleIn(element.shadowRoot, '[part~="banner"]')).to.equal(null);

    await reload();
    const reloaded = frame.contentWindow as PageWindow;
    await reloaded.cookieConsent!.ready;
    expect(reloaded.cookieConsent!.decision?.method).to.equal('reject-all');
    const again = frame.contentDocument!.querySelector('cookie-consent')!;
    await waitFor(() => visibleIn(again.shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    expect(visibleIn(again.shadowRoot, '[part~="banner"]')).to.equal(null);
    frame.remove();
  });
});
