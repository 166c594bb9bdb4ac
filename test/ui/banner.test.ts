import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { encodeConsentCookie } from '../../src/core/storage/consent-cookie.js';
import { createDecision } from '../../src/core/decision.js';
import { resolveConfig } from '../../src/core/config.js';
import { cookieJar, pageSettled, resetBrowserState, twoFrames, waitFor } from '../helpers.js';
import { baseConfig, bringToFront, contrastRatio, disposeManagers, enableWcag22Rules, focused, isShown, mountConsent } from './ui-fixture.js';

describe('banner (first layer)', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  beforeEach(bringToFront);
  afterEach(disposeManagers);

  for (const layout of ['bar', 'box', 'modal'] as const) {
    it(`shows a title, the text with the policy link and three equal buttons in the ${layout} layout`, async () => {
      const { el, $, $$ } = await mountConsent({ layout });
      const banner = $('[part~="banner"]');
      expect(isShown(banner)).to.equal(true);
      expect($('#cc-banner-title').textContent).to.equal('We value your privacy');
      expect($<HTMLAnchorElement>('[part~="banner"] a').getAttribute('href')).to.equal('/privacy');
      expect($$('[part~="banner"] button').map((button) => button.textContent!.trim())).to.deep.equal(['Accept all', 'Reject all', 'Customize']);
      expect(banner.tagName).to.equal(layout === 'modal' ? 'DIALOG' : 'SECTION');
      if (layout === 'modal') expect((banner as HTMLDialogElement).open).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`compliance C5: "Reject all" has the same weight as "Accept all" (${theme} theme)`, async () => {
      const { el, $ } = await mountConsent({ theme });
      const accept = $('[part~="accept-all"]');
      const reject = $('[part~="reject-all"]');
      expect(reject.tagName).to.equal(accept.tagName);
      expect(reject.getAttribute('role')).to.equal(accept.getAttribute('role'));
      const [a, r] = [accept.getBoundingClientRect(), reject.getBoundingClientRect()];
      expect(Math.abs(a.width - r.width) / a.width, 'width within 10%').to.be.at.most(0.1);
      expect(Math.abs(a.height - r.height) / a.height, 'height within 10%').to.be.at.most(0.1);
      const [sa, sr] = [getComputedStyle(accept), getComputedStyle(reject)];
      expect(sr.fontSize).to.equal(sa.fontSize);
      expect(sr.fontWeight).to.equal(sa.fontWeight);
      expect(sr.backgroundColor).to.equal(sa.backgroundColor);
      for (const style of [sa, sr]) expect(contrastRatio(style.color, style.backgroundColor)).to.be.at.least(4.5);
      await expect(el).to.be.accessible();
    });
  }

  it('compliance C3: Escape, scrolling and clicking the page grant nothing', async () => {
    const filler = document.createElement('div');
    filler.style.height = '3000px';
    filler.innerHTML = '<p>page content</p>';
    document.body.prepend(filler);
    try {
      const { el, manager, $ } = await mountConsent();
      $('[part~="accept-all"]').focus();
      await sendKeys({ press: 'Escape' });
      window.scrollTo(0, 2000);
      document.dispatchEvent(new Event('scroll'));
      filler.querySelector('p')!.click();
      await pageSettled();
      expect(manager.decision).to.equal(null);
      expect(manager.granted('analytics')).to.equal(false);
      expect(cookieJar().has('cookie_consent')).to.equal(false);
      expect(isShown($('[part~="banner"]')), 'still asking').to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      filler.remove();
      window.scrollTo(0, 0);
    }
  });

  it('compliance C3, C17: a modal banner closes on Escape without granting anything, and offers the settings button', async () => {
    const { el, manager, $ } = await mountConsent({ layout: 'modal' });
    await waitFor(() => el.shadowRoot!.activeElement !== null, 'focus inside the modal banner');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !isShown($('[part~="banner"]')), 'the banner to close');
    expect(manager.decision).to.equal(null);
    expect(manager.granted('promotional')).to.equal(false);
    expect(cookieJar().has('cookie_consent')).to.equal(false);
    await el.updateComplete;
    expect(isShown($('[part~="settings-button"]')), 'a way back to the choice').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('compliance C6: after "Reject all" nothing covers the page and it scrolls', async () => {
    const filler = document.createElement('div');
    filler.style.height = '3000px';
    filler.id = 'page-content';
    document.body.prepend(filler);
    try {
      const { el, manager, $ } = await mountConsent({ layout: 'modal' });
      $('[part~="reject-all"]').click();
      await waitFor(() => manager.decision !== null, 'the decision');
      await el.updateComplete;
      const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      expect(hit, 'the page, not the widget, is under the centre of the viewport').to.equal(filler);
      expect(getComputedStyle(document.documentElement).overflow).to.not.equal('hidden');
      expect(getComputedStyle(document.body).overflow).to.not.equal('hidden');
      window.scrollTo(0, 500);
      expect(window.scrollY).to.be.greaterThan(0);
      expect(document.querySelector(':modal'), 'no modal left open').to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      filler.remove();
      window.scrollTo(0, 0);
    }
  });

  it('compliance C17: the non-modal banner traps nothing: Tab leaves it for the page', async () => {
    const after = document.createElement('button');
    after.textContent = 'A page button';
    const { el, $ } = await mountConsent();
    el.after(after);
    try {
      $('[part~="customize"]').focus();
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(after);
      await expect(el).to.be.accessible();
    } finally {
      after.remove();
    }
  });

  it('compliance C18 (WCAG 2.4.11): the sticky bar never hides the element that has focus', async () => {
    const page = document.createElement('div');
    page.innerHTML = Array.from({ length: 40 }, (_, i) => `<p style="margin: 0 0 40px"><a href="#l${i}">Link ${i}</a></p>`).join('');
    document.body.prepend(page);
    try {
      const { el, $ } = await mountConsent();
      const banner = $('[part~="banner"]');
      // A visitor sees the banner only once a frame is drawn, and the room it needs is measured in
      // that frame's layout; Firefox once took the first Tabs before it (the test's keys are faster than a hand).
      await twoFrames();
      window.scrollTo(0, 0);
      page.querySelector('a')!.focus();
      for (let i = 1; i < 40; i++) {
        await sendKeys({ press: 'Tab' });
        const link = focused() as HTMLElement;
        expect(link.textContent).to.equal(`Link ${i}`);
        const linkBox = link.getBoundingClientRect();
        const bannerTop = banner.getBoundingClientRect().top;
        expect(linkBox.bottom, `Link ${i} is above the banner`).to.be.at.most(bannerTop + 0.5);
      }
      await expect(el).to.be.accessible();
    } finally {
      page.remove();
      window.scrollTo(0, 0);
    }
  });

  it('does not flash the banner for a visitor who already decided', async () => {
    const decision = createDecision(resolveConfig(baseConfig), { analytics: true }, 'custom');
    document.cookie = `cookie_consent=${encodeConsentCookie(decision)}; Path=/`;
    const appeared: string[] = [];
    const observer = new MutationObserver(() => {
      const root = document.querySelector('cookie-consent')?.shadowRoot;
      if (root?.querySelector('[part~="banner"]')) appeared.push('banner');
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const { el, $ } = await mountConsent();
    const root = el.shadowRoot!;
    const inner = new MutationObserver(() => {
      if (root.querySelector('[part~="banner"]')) appeared.push('banner');
    });
    inner.observe(root, { childList: true, subtree: true });
    await waitFor(() => isShown($('[part~="settings-button"]')), 'the settings button');
    await pageSettled();
    observer.disconnect();
    inner.disconnect();
    expect(appeared).to.deep.equal([]);
    expect(root.querySelector('[part~="banner"]')).to.equal(null);
    expect(isShown($('[part~="settings-button"]'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('causes no layout shift: the page content does not move when the banner appears (CLS 0)', async () => {
    const content = document.createElement('main');
    content.innerHTML = '<h1>Shop</h1><p>Products</p>';
    document.body.prepend(content);
    const shifts: number[] = [];
    const layoutShiftSupported = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
    const observer = layoutShiftSupported
      ? new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as PerformanceEntry & { value: number }).value)))
      : undefined;
    observer?.observe({ type: 'layout-shift', buffered: false });
    try {
      const before = content.getBoundingClientRect().toJSON();
      const { el, $ } = await mountConsent();
      await waitFor(() => isShown($('[part~="banner"]')), 'the banner');
      // The banner's entry animation done, then the layout-shift entries it would have caused.
      await Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
      await pageSettled();
      expect(content.getBoundingClientRect().toJSON()).to.deep.equal(before);
      // Chromium reports layout shifts; Firefox has no layout-shift entries, the box check covers it.
      if (observer) expect(shifts.reduce((sum, value) => sum + value, 0)).to.equal(0);
      await expect(el).to.be.accessible();
    } finally {
      observer?.disconnect();
      content.remove();
    }
  });
});
