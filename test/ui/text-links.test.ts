import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, render } from 'lit';
import { ConsentManager } from '../../src/core/index.js';
import type { ConsentConfig } from '../../src/core/types.js';
import { en } from '../../src/ui/i18n/en.js';
import { linkedText } from '../../src/ui/linked-text.template.js';
import { pageSettled, resetBrowserState, waitFor } from '../helpers.js';
import { bringToFront, contrastRatio, disposeManagers, enableWcag22Rules, focused, mountConsent, type Mounted, openDialog } from './ui-fixture.js';

/** `[label](url)` in the texts of the element: the banner (plain DOM) and the dialog (Lit). */

const categories: ConsentConfig['categories'] = [
  { id: 'session', required: true },
  {
    id: 'analytics',
    label: 'Analytics ([Matomo](https://matomo.example/privacy))',
    description: 'Counts visits on our own server. [How Matomo counts](https://matomo.example/faq#counting)',
  },
];

/** Presses Tab until `target` has focus; fails after `most` presses. */
async function tabTo(target: Element, most: number): Promise<void> {
  for (let presses = 0; presses < most && focused() !== target; presses++) await sendKeys({ press: 'Tab' });
  expect(focused(), `reached with Tab within ${most} presses`).to.equal(target);
}

/** What WCAG 1.4.1, 1.4.3 and 2.4.7 ask of a link: underlined, readable, and a visible ring while focused. */
function expectReadableLink(link: Element, background: Element, focusedNow: boolean): void {
  const style = getComputedStyle(link);
  const backgroundColor = getComputedStyle(background).backgroundColor;
  expect(style.textDecorationLine, 'told apart from the text by more than colour').to.contain('underline');
  expect(contrastRatio(style.color, backgroundColor), 'text contrast').to.be.at.least(4.5);
  if (focusedNow) {
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(contrastRatio(style.outlineColor, backgroundColor), 'focus ring contrast').to.be.at.least(3);
  }
}

describe('links in texts, in the element', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  beforeEach(bringToFront);
  afterEach(disposeManagers);

  for (const theme of ['light', 'dark'] as const) {
    it(`compliance C7, C17, C20: a link in the banner text, reached with Tab from the page (${theme} theme)`, async () => {
      const before = document.createElement('button');
      before.textContent = 'The page';
      try {
        const { el, $ } = await mountConsent({ theme, translations: { en: { bannerText: 'We use cookies. Operated by Example GmbH, [Imprint](/imprint).' } } });
        const link = $<HTMLAnchorElement>('#cc-banner-text a[part~="link"]');
        expect(link.getAttribute('href')).to.equal('/imprint');
        expect(link.hasAttribute('target'), 'the same tab, as the policy link').to.equal(false);
        expect($('#cc-banner-text').textContent).to.equal(`We use cookies. Operated by Example GmbH, Imprint. ${en.policyLink}`);
        el.before(before);
        before.focus();
        await sendKeys({ press: 'Tab' });
        expect(focused(), 'the first stop in the banner').to.equal(link);
        expectReadableLink(link, $('[part~="banner"]'), true);
        await expect(el).to.be.accessible();
      } finally {
        before.remove();
      }
    });
  }

  it('compliance C7, C17, C20: links in a category label and description and in the intro; Tab reaches them', async () => {
    const mounted = await mountConsent({ categories, translations: { en: { preferencesIntro: 'Choose. [Imprint](/imprint)' } } });
    const dialog = await openDialog(mounted);
    const description = mounted.$<HTMLAnchorElement>('#cc-description-analytics a[part~="link"]');
    expect(description.getAttribute('href')).to.equal('https://matomo.example/faq#counting');
    expect(description.textContent).to.equal('How Matomo counts');
    expect(mounted.$('#cc-description-analytics').textContent).to.equal('Counts visits on our own server. How Matomo counts');
    const label = mounted.$('label[for="cc-switch-analytics"]');
    expect(label.textContent).to.equal('Analytics (Matomo)');
    expect(label.querySelector('a')!.getAttribute('href')).to.equal('https://matomo.example/privacy');
    expect(mounted.$('dialog p a[part~="link"]').getAttribute('href'), 'the intro').to.equal('/imprint');

    await tabTo(description, 12);
    expectReadableLink(description, dialog, true);
    await expect(mounted.el).to.be.accessible();
  });

  it('the receipt lists a label with a link by its words', async () => {
    const mounted = await mountConsent({ categories });
    await mounted.manager.acceptAll();
    await openDialog(mounted);
    await waitFor(() => (mounted.$('[part~="receipt"]')?.textContent ?? '').includes('Analytics (Matomo)'), 'the receipt');
    expect(mounted.$('[part~="receipt"]').querySelector('a')).to.equal(null);
    expect(mounted.$('[part~="receipt"]').textContent).to.not.contain('](');
    await expect(mounted.el).to.be.accessible();
  });
});

describe('compliance C22: nothing but [label](url) becomes markup, in the element', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  afterEach(disposeManagers);

  const hostile = '<b>Bold</b> <img src=x onerror="window.top.__pwned(1)"> [Imprint](/imprint) <a href="/raw">raw</a> **strong** `code`';
  const shown = '<b>Bold</b> <img src=x onerror="window.top.__pwned(1)"> Imprint <a href="/raw">raw</a> **strong** `code`';

  function expectOnlyTheLink(mounted: Mounted, selector: string): void {
    const text = mounted.$(selector);
    expect(text.querySelectorAll('b, img, code, strong').length, selector).to.equal(0);
    expect(
      [...text.querySelectorAll('a[part~="link"]')].map((link) => link.getAttribute('href')),
      selector,
    ).to.deep.equal(['/imprint']);
    expect(text.textContent, selector).to.contain(shown);
  }

  it('HTML and other markdown in the banner, the intro, a label and a description stay text', async () => {
    const mounted = await mountConsent({
      translations: { en: { bannerText: hostile, preferencesIntro: hostile } },
      categories: [{ id: 'session', required: true, label: hostile, description: hostile }],
    });
    expectOnlyTheLink(mounted, '#cc-banner-text');
    await expect(mounted.el).to.be.accessible();
    await openDialog(mounted);
    expectOnlyTheLink(mounted, 'dialog p');
    expectOnlyTheLink(mounted, 'label[for="cc-switch-session"]');
    expectOnlyTheLink(mounted, '#cc-description-session');
    await expect(mounted.el).to.be.accessible();
  });

  it('a javascript: link stays text in the Lit templates', async () => {
    // What the configuration check refuses first (test/core/config.test.ts), rendered unchecked.
    const paragraph = document.createElement('p');
    document.body.append(paragraph);
    try {
      render(html`${linkedText('Read [this](javascript:window.top.__pwned(1)), [that](vbscript:x) and [the imprint](/imprint).')}`, paragraph);
      expect([...paragraph.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal(['/imprint']);
      expect(paragraph.textContent).to.equal('Read [this](javascript:window.top.__pwned(1)), [that](vbscript:x) and the imprint.');
      await expect(paragraph).to.be.accessible();
    } finally {
      paragraph.remove();
    }
  });

  it('an element configured with a javascript: link in a description renders nothing and reports the key', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      const element = document.createElement('cookie-consent') as HTMLElement & { manager: unknown; config: unknown };
      element.manager = new ConsentManager();
      element.config = { revision: 1, policyUrl: '/privacy', categories: [{ id: 'ads', description: 'Ads. [Opt out](javascript:alert(1))' }] };
      document.body.append(element);
      await waitFor(() => errors.join('\n').includes('config.categories[0].description'), 'the error naming the key');
      await pageSettled();
      expect(errors.join('\n')).to.include('must be text whose [label](url) links have an http(s) or relative URL, got "javascript:alert(1)"');
      expect(element.shadowRoot!.querySelector('.cc-root')).to.equal(null);
      await expect(element).to.be.accessible();
      element.remove();
    } finally {
      console.error = original;
    }
  });
});
