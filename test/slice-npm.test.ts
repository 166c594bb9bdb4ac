import { expect, fixture, html } from '@open-wc/testing';
import '../dist/define.js';
import { getConsentManager } from '../dist/index.js';
import { cookieJar, finishAnimations, openFrame, resetBrowserState, visibleIn, waitFor } from './helpers.js';

describe('npm build (dist/define.js + dist/index.js)', () => {
  before(resetBrowserState);

  it('shows the banner and saves "Accept all" in the cookie', async () => {
    const element = await fixture(html`<cookie-consent policy-url="/privacy" revision="1"></cookie-consent>`);
    const manager = getConsentManager();
    await manager.ready;
    await waitFor(() => visibleIn(element.shadowRoot, '[part~="banner"]') !== null, 'the banner');
    await finishAnimations(element);
    await expect(element).to.be.accessible();

    visibleIn(element.shadowRoot, '[part~="accept-all"]')!.click();
    await waitFor(() => cookieJar().has('cookie_consent'), 'the consent cookie');
    expect(manager.decision?.method).to.equal('accept-all');
    expect(manager.granted('analytics')).to.equal(true);
    await waitFor(() => visibleIn(element.shadowRoot, '[part~="banner"]') === null, 'the banner to hide');
    await finishAnimations(element);
    await expect(element).to.be.accessible();
  });

  it('does not show the banner again after a real reload', async () => {
    const { frame, reload } = await openFrame('/test/fixtures/npm-module.html');
    await reload();
    const element = frame.contentDocument!.querySelector('cookie-consent')!;
    await waitFor(() => visibleIn(element.shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    expect(visibleIn(element.shadowRoot, '[part~="banner"]')).to.equal(null);
    frame.remove();
  });
});
