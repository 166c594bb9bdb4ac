import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentManager } from '../../src/core/manager.js';
import { drawBanner } from '../../src/ui/banner/draw-banner.js';
import { en } from '../../src/ui/i18n/en.js';
import { openFrame, resetBrowserState, visibleIn, waitFor } from '../helpers.js';
import { bringToFront, contrastRatio, enableWcag22Rules, expectAccessibleInFrame, focused } from '../ui/ui-helpers.js';
import { mountLite, unmountLite } from './lite-fixture.js';

/**
 * `[label](url)` in the texts of the banner a first visit sees before Lit: drawn by the banner
 * chunk (src/ui/banner/draw-banner.ts) with createElement and text only, and in the script-tag build.
 */

const IMPRINT_TEXT = 'We use cookies. Operated by Example GmbH, [Imprint](/imprint).';

describe('links in the first-paint banner of the script-tag build, drawn without Lit', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  beforeEach(bringToFront);
  afterEach(unmountLite);

  for (const theme of ['light', 'dark'] as const) {
    it(`compliance C7, C20: a link in the banner text opens in the same tab and is readable (${theme} theme)`, async () => {
      const { host, $ } = await mountLite({ theme, translations: { en: { bannerText: IMPRINT_TEXT } } });
      const text = $('#cc-banner-text')!;
      const link = text.querySelector<HTMLAnchorElement>('a[part~="link"]')!;
      expect(link.getAttribute('href')).to.equal('/imprint');
      expect(link.textContent).to.equal('Imprint');
      expect(link.hasAttribute('target'), 'the same tab, as the policy link').to.equal(false);
      expect(text.textContent).to.equal(`We use cookies. Operated by Example GmbH, Imprint. ${en.policyLink}`);
      const style = getComputedStyle(link);
      expect(contrastRatio(style.color, getComputedStyle($('[part~="banner"]')!).backgroundColor)).to.be.at.least(4.5);
      expect(style.textDecorationLine, 'told apart from the text by more than colour').to.contain('underline');
      await expect(host).to.be.accessible();
    });
  }

  it('compliance C17, C20: Tab from the page reaches the link first, with a visible focus ring', async () => {
    const { host, $ } = await mountLite({ translations: { en: { bannerText: IMPRINT_TEXT } } });
    const before = document.createElement('button');
    before.textContent = 'The page';
    host.before(before);
    try {
      before.focus();
      await sendKeys({ press: 'Tab' });
      const link = $<HTMLAnchorElement>('#cc-banner-text a[part~="link"]')!;
      expect(focused()).to.equal(link);
      const style = getComputedStyle(link);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      expect(contrastRatio(style.outlineColor, getComputedStyle($('[part~="banner"]')!).backgroundColor)).to.be.at.least(3);
      await sendKeys({ press: 'Tab' });
      expect(focused(), 'then the policy link').to.equal($('[part~="policy-link"]'));
      await expect(host).to.be.accessible();
    } finally {
      before.remove();
    }
  });

  it('compliance C22: HTML in the text stays text beside a link', async () => {
    const hostile = '<b>Bold</b> <img src=x onerror="window.top.__pwned(1)"> [Imprint](/imprint) <a href="/raw">raw</a> **strong**';
    const { host, $ } = await mountLite({ translations: { en: { bannerTitle: hostile, bannerText: hostile } } });
    for (const selector of ['#cc-banner-title', '#cc-banner-text']) {
      const text = $(selector)!;
      expect(text.querySelector('b, img'), selector).to.equal(null);
      expect([...text.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal(
        selector === '#cc-banner-title' ? ['/imprint'] : ['/imprint', '/privacy'],
      );
      expect(text.textContent).to.contain('<b>Bold</b> <img src=x onerror="window.top.__pwned(1)"> Imprint <a href="/raw">raw</a> **strong**');
    }
    await expect(host).to.be.accessible();
  });

  it('compliance C22: a link whose URL is not http(s) or relative stays text, as written', async () => {
    // What the configuration check refuses first (test/core/config.test.ts), drawn unchecked.
    const bannerText = 'Read [this](javascript:window.top.__pwned(1)), [that](data:text/html,x) and [the imprint](/imprint).';
    const banner = drawBanner(
      document,
      { layout: 'box', strings: { ...en, bannerText }, policyUrl: '/privacy' },
      { acceptAll: () => undefined, rejectAll: () => undefined, customize: () => undefined, modalClosed: () => undefined },
    );
    document.body.append(banner);
    try {
      const text = banner.querySelector('#cc-banner-text')!;
      expect([...text.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal(['/imprint', '/privacy']);
      expect(text.textContent).to.equal(`Read [this](javascript:window.top.__pwned(1)), [that](data:text/html,x) and the imprint. ${en.policyLink}`);
      await expect(banner).to.be.accessible();
    } finally {
      banner.remove();
    }
  });
});

type ConfigPageWindow = Window & { cookieConsent?: ConsentManager; consoleErrors: string[]; errors: string[] };

async function openConfigPage(config: object) {
  const opened = await openFrame(`/test/fast-path/fixtures/config.html?config=${encodeURIComponent(JSON.stringify(config))}`);
  const page = () => opened.frame.contentWindow as ConfigPageWindow;
  await waitFor(() => page().cookieConsent !== undefined, 'the manager');
  await page().cookieConsent!.ready;
  const element = () => opened.frame.contentDocument!.querySelector('cookie-consent')!;
  return { ...opened, page, element };
}

/** The README's example: a German site names its imprint (Impressum) in the banner. */
const GERMAN_SITE = {
  revision: 1,
  policyUrl: '/datenschutz',
  language: 'de',
  translations: { de: { bannerText: 'Wir verwenden Cookies. Anbieter: Beispiel GmbH, [Impressum](/impressum).' } },
};

describe('links in the banner of the script-tag build (dist/cookie-consent.js)', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);

  it('compliance C7: a German site shows its imprint link in the banner', async () => {
    const { frame, element } = await openConfigPage(GERMAN_SITE);
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    const link = element().shadowRoot!.querySelector<HTMLAnchorElement>('#cc-banner-text a[part~="link"]')!;
    expect(link.getAttribute('href')).to.equal('/impressum');
    expect(link.textContent).to.equal('Impressum');
    expect(element().shadowRoot!.querySelector('[part~="policy-link"]')!.getAttribute('href')).to.equal('/datenschutz');
    element()
      .shadowRoot!.getAnimations()
      .forEach((animation) => animation.finish());
    await expectAccessibleInFrame(element());
    frame.remove();
  });

  it('compliance C22, C28: a javascript: link in a translation is refused at configuration time, naming the key; no banner asks', async () => {
    const bad = { ...GERMAN_SITE, translations: { de: { bannerText: 'Anbieter: Beispiel GmbH, [Impressum](javascript:alert(1)).' } } };
    const { frame, page, element } = await openConfigPage(bad);
    const expected =
      'cookie-consent: config.translations.de.bannerText must be text whose [label](url) links have an http(s) or relative URL, got "javascript:alert(1)"';
    await waitFor(() => page().consoleErrors.some((text) => text.includes(expected)), 'the error naming the key');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    expect(visibleIn(element().shadowRoot, '[part~="banner"]'), 'no banner under a refused configuration').to.equal(null);
    expect(page().errors, 'nothing thrown into the page').to.deep.equal([]);
    frame.remove();
  });
});
