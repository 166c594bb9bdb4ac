import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { shownStrings } from '../../src/ui/i18n/shown-strings.js';
import { en } from '../../src/ui/i18n/en.js';
import { cookieJar, resetBrowserState, waitFor } from '../helpers.js';
import { bringToFront, contrastRatio, enableWcag22Rules, focused, isShown } from '../ui/ui-helpers.js';
import { mountLite, unmountLite } from './lite-fixture.js';

describe('first-paint banner of the script-tag build, drawn without Lit', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  beforeEach(bringToFront);
  afterEach(unmountLite);

  for (const layout of ['bar', 'box', 'modal'] as const) {
    it(`compliance C5, C17: a title, the text with the policy link and three equal buttons in the ${layout} layout`, async () => {
      const { host, $ } = await mountLite({ layout });
      const banner = $('[part~="banner"]')!;
      expect(banner.tagName).to.equal(layout === 'modal' ? 'DIALOG' : 'SECTION');
      if (layout === 'modal') expect(banner.matches(':modal'), 'a modal dialog').to.equal(true);
      expect($('#cc-banner-title')!.textContent).to.equal(en.bannerTitle);
      expect($<HTMLAnchorElement>('[part~="policy-link"]')!.getAttribute('href')).to.equal('/privacy');
      const buttons = [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="banner"] button')];
      expect(buttons.map((button) => button.textContent)).to.deep.equal([en.acceptAll, en.rejectAll, en.customize]);
      const [accept, reject] = buttons.map((button) => getComputedStyle(button));
      expect(reject!.backgroundColor).to.equal(accept!.backgroundColor);
      expect(reject!.fontWeight).to.equal(accept!.fontWeight);
      expect(contrastRatio(accept!.color, accept!.backgroundColor)).to.be.at.least(4.5);
      await expect(host).to.be.accessible();
    });
  }

  it('compliance C5: the dark theme keeps every button equal and readable', async () => {
    const { host, $ } = await mountLite({ theme: 'dark' });
    expect(host.getAttribute('theme')).to.equal('dark');
    const accept = getComputedStyle($('[part~="accept-all"]')!);
    const reject = getComputedStyle($('[part~="reject-all"]')!);
    expect(reject.backgroundColor).to.equal(accept.backgroundColor);
    expect(contrastRatio(accept.color, accept.backgroundColor)).to.be.at.least(4.5);
    await expect(host).to.be.accessible();
  });

  it('compliance C1, C8, C17: keyboard only: Tab reaches "Reject all", Enter decides, focus moves to the settings button', async () => {
    const { host, manager, $ } = await mountLite();
    expect(cookieJar().has('cookie_consent'), 'nothing stored before the visitor decides').to.equal(false);
    $<HTMLButtonElement>('[part~="accept-all"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal($('[part~="reject-all"]'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => manager.decision !== null, 'the decision');
    expect(manager.decision!.method).to.equal('reject-all');
    await waitFor(() => cookieJar().has('cookie_consent'), 'the consent cookie');
    await waitFor(() => focused() === $('[part~="settings-button"]'), 'focus on the settings button');
    expect($('[part~="banner"]'), 'the banner is gone').to.equal(null);
    await expect(host).to.be.accessible();
  });

  it('compliance C3: Escape closes the modal layout and grants nothing; the settings button offers the choice again', async () => {
    const { host, manager, $ } = await mountLite({ layout: 'modal' });
    $<HTMLButtonElement>('[part~="accept-all"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => $('[part~="banner"]') === null, 'the banner to close');
    expect(manager.decision).to.equal(null);
    expect(manager.granted('analytics')).to.equal(false);
    expect(cookieJar().has('cookie_consent')).to.equal(false);
    await waitFor(() => isShown($('[part~="settings-button"]')), 'the settings button');
    await expect(host).to.be.accessible();
  });

  it("compliance C21: speaks the visitor's language, right to left for Arabic", async () => {
    const { host, $ } = await mountLite({ language: 'ar' });
    const root = $('.cc-root')!;
    expect(root.lang).to.equal('ar');
    expect(root.dir).to.equal('rtl');
    const { ar } = await import('../../src/ui/i18n/ar.js');
    expect($('#cc-banner-title')!.textContent).to.equal(ar.bannerTitle);
    await expect(host).to.be.accessible();
  });

  it('compliance C18 (WCAG 2.4.11): the bar reserves room at the end of the page and gives it back after the decision', async () => {
    const { host, manager, $ } = await mountLite({ layout: 'bar', settingsButton: false });
    // Measured after the browser's own layout (ResizeObserver), not while the page loads.
    await waitFor(() => parseFloat(document.documentElement.style.paddingBottom) > 0, 'the room reserved');
    const reserved = parseFloat(document.documentElement.style.paddingBottom);
    // Measured as the banner rises into place, so up to its 0.5rem entry offset short; scroll padding adds 8px.
    expect(reserved, 'padding about as tall as the banner').to.be.at.least($('[part~="banner"]')!.getBoundingClientRect().height - 16);
    $<HTMLButtonElement>('[part~="accept-all"]')!.click();
    await waitFor(() => manager.decision !== null, 'the decision');
    await waitFor(() => document.documentElement.style.paddingBottom === '', 'the room given back');
    expect(host.shadowRoot!.querySelector('[part~="banner"]')).to.equal(null);
  });

  it('compliance C12: reports the same text for the proof of consent as the interface would', async () => {
    const { host, manager } = await mountLite();
    expect(manager.presentation.language).to.equal('en');
    expect(manager.presentation.strings).to.deep.equal(shownStrings(manager.config!, { ...en }));
    await expect(host).to.be.accessible();
  });

  it('"Customize" asks for the interface; nothing else does', async () => {
    const lite = await mountLite();
    expect(lite.uiRequests, 'showing the banner needs no Lit').to.equal(0);
    lite.$<HTMLButtonElement>('[part~="customize"]')!.click();
    expect(lite.uiRequests).to.equal(1);
    expect(lite.manager.decision, 'customizing decides nothing').to.equal(null);
    await expect(lite.host).to.be.accessible();
  });
});
