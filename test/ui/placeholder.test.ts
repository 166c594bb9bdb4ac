import { expect, fixture, html } from '@open-wc/testing';
import { ConsentManager } from '../../src/core/index.js';
import { startGating } from '../../src/core/gating/start.js';
import { resetBrowserState, waitFor } from '../helpers.js';
import { enableWcag22Rules } from './ui-fixture.js';

// The embed placeholder is drawn by the core, without Lit; it is still interface a visitor uses.
describe('embed placeholder (contextual consent)', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);

  for (const language of ['en', 'lv', 'ar'] as const) {
    it(`compliance C7, C17: says what the embed needs and offers to allow it, accessibly (${language})`, async () => {
      const manager = new ConsentManager().start({ revision: 1, policyUrl: '/privacy', language }, { window });
      const page = await fixture<HTMLElement>(
        html`<main lang=${language}>
          <iframe data-consent="promotional" data-src="/test/fixtures/gating/embed.html" title="Product video" width="320" height="180"></iframe>
        </main>`,
      );
      const gating = startGating(manager, window);
      try {
        await waitFor(() => page.querySelector('[data-consent-placeholder]') !== null, 'the placeholder');
        const placeholder = page.querySelector<HTMLElement>('[data-consent-placeholder]')!;
        const button = placeholder.querySelector('button')!;
        expect(placeholder.textContent).to.contain('Product video');
        const box = button.getBoundingClientRect();
        expect(box.width, 'target size').to.be.at.least(24);
        expect(box.height, 'target size').to.be.at.least(24);
        await expect(placeholder).to.be.accessible();

        button.click();
        await waitFor(() => page.querySelector('iframe')!.getAttribute('src') !== null, 'the embed to load');
        expect(manager.decision?.categories['promotional']).to.equal(true);
        expect(page.querySelector('[data-consent-placeholder]')).to.equal(null);
        await expect(page).to.be.accessible();
      } finally {
        gating.stop();
        manager.dispose();
      }
    });
  }

  it('compliance C21: setLanguage() rewords a shown placeholder and its button, with their lang', async () => {
    const manager = new ConsentManager().start({ revision: 1, policyUrl: '/privacy', language: 'en' }, { window });
    const page = await fixture<HTMLElement>(
      html`<main>
        <iframe data-consent="analytics promotional" data-src="/test/fixtures/gating/embed.html" title="Karte" width="320" height="180"></iframe>
      </main>`,
    );
    const gating = startGating(manager, window);
    try {
      await waitFor(() => page.querySelector('[data-consent-placeholder]') !== null, 'the placeholder');
      const placeholder = page.querySelector<HTMLElement>('[data-consent-placeholder]')!;
      expect(placeholder.querySelector('button')!.textContent).to.equal('Allow Analytics, Promotional');
      manager.setLanguage('lv');
      await waitFor(() => placeholder.querySelector('button')!.textContent === 'Atļaut: Analītika, Reklāmas', 'the button in Latvian');
      expect(placeholder.lang).to.equal('lv');
      expect(placeholder.querySelector('p')!.textContent).to.equal('Lai ielādētu “Karte”, vajadzīga jūsu piekrišana sīkdatnēm: Analītika, Reklāmas.');
      manager.setLanguage('ar');
      await waitFor(() => placeholder.lang === 'ar', 'the placeholder in Arabic');
      expect(placeholder.dir).to.equal('rtl');
      expect(page.querySelectorAll('[data-consent-placeholder]'), 'reworded in place').to.have.length(1);
      await expect(placeholder).to.be.accessible();
    } finally {
      gating.stop();
      manager.dispose();
    }
  });

  it("speaks the language the interface picks: the browser's, when neither the site nor the page names one", async () => {
    const pageLanguage = document.documentElement.lang;
    document.documentElement.lang = '';
    Object.defineProperty(navigator, 'languages', { value: ['lv-LV', 'en'], configurable: true });
    const manager = new ConsentManager().start({ revision: 1, policyUrl: '/privacy' }, { window });
    const page = await fixture<HTMLElement>(
      html`<main>
        <iframe data-consent="analytics" data-src="/test/fixtures/gating/embed.html" title="Karte" width="320" height="180"></iframe>
      </main>`,
    );
    const gating = startGating(manager, window);
    try {
      await waitFor(() => page.querySelector('[data-consent-placeholder]') !== null, 'the placeholder');
      const placeholder = page.querySelector<HTMLElement>('[data-consent-placeholder]')!;
      expect(placeholder.querySelector('button')!.textContent).to.equal('Atļaut: Analītika');
      await expect(placeholder).to.be.accessible();
    } finally {
      gating.stop();
      manager.dispose();
      delete (navigator as { languages?: readonly string[] }).languages;
      document.documentElement.lang = pageLanguage;
    }
  });
});
