import { expect, fixture, html } from '@open-wc/testing';
import { ConsentManager } from '../../src/core/index.js';
import type { ConsentConfig } from '../../src/core/types.js';
import { de } from '../../src/ui/i18n/de.js';
import { fr } from '../../src/ui/i18n/fr.js';
import { lv } from '../../src/ui/i18n/lv.js';
import { resetBrowserState, waitFor } from '../helpers.js';
import { disposeManagers, enableWcag22Rules, mountConsent } from './ui-fixture.js';

/**
 * Resolves once `<html lang>` has changed and every observer created before this call has heard
 * of it: MutationObserver callbacks run in the order the observers were made, so a manager
 * watching the attribute has acted by then, and a test can tell that it did nothing.
 */
function changePageLanguage(language: string): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(document.documentElement, { attributeFilter: ['lang'] });
    document.documentElement.lang = language;
  });
}

function listening<T extends { manager: ConsentManager }>(mounted: T): T & { languages: string[] } {
  const languages: string[] = [];
  mounted.manager.addEventListener('consent-language', (event) => languages.push(event.detail.language));
  return { ...mounted, languages };
}

const mountListening = async (config: Partial<ConsentConfig>) => listening(await mountConsent(config));

const ownManagers: ConsentManager[] = [];

/** The element as markup configures it: `lang` is there before it starts, so it is the configured language. */
async function mountWithLangAttribute(language: string) {
  const manager = new ConsentManager();
  ownManagers.push(manager);
  const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
    html`<cookie-consent lang=${language} policy-url="/privacy" revision="1" .manager=${manager}></cookie-consent>`,
  );
  await manager.ready;
  await waitFor(() => el.shadowRoot!.querySelector('#cc-banner-title') !== null, 'the banner');
  await el.updateComplete;
  return listening({ el, manager, $: (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)! });
}

describe('following <html lang> (npm build)', () => {
  let pageLanguage: string;
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  beforeEach(() => (pageLanguage = document.documentElement.lang));
  afterEach(disposeManagers);
  afterEach(() => ownManagers.splice(0).forEach((manager) => manager.dispose()));
  afterEach(() => (document.documentElement.lang = pageLanguage));

  it('compliance C21: without a configured language, a change of <html lang> switches the banner', async () => {
    document.documentElement.lang = 'de';
    const mounted = await mountListening({});
    expect(mounted.$('#cc-banner-title').textContent).to.equal(de.bannerTitle);
    await changePageLanguage('fr-CA');
    expect(mounted.languages).to.deep.equal(['fr']);
    await waitFor(() => mounted.$('#cc-banner-title').textContent === fr.bannerTitle, 'the banner in French');
    expect(mounted.$('.cc-root').getAttribute('lang')).to.equal('fr');
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C21: a page language changed after setLanguage() is followed too: the latest change wins', async () => {
    const mounted = await mountListening({});
    mounted.manager.setLanguage('lv');
    await waitFor(() => mounted.$('#cc-banner-title').textContent === lv.bannerTitle, 'the banner in Latvian');
    await changePageLanguage('de');
    await waitFor(() => mounted.$('#cc-banner-title').textContent === de.bannerTitle, 'the banner in German');
    expect(mounted.languages).to.deep.equal(['lv', 'de']);
    await expect(mounted.el).to.be.accessible();
  });

  for (const [how, config] of [
    ['the configuration', { language: 'lv' }],
    ['the lang attribute', {}],
  ] as const) {
    it(`compliance C21: with a language configured by ${how}, <html lang> is not followed`, async () => {
      const mounted = how === 'the lang attribute' ? await mountWithLangAttribute('lv') : await mountListening(config);
      expect(mounted.$('#cc-banner-title').textContent).to.equal(lv.bannerTitle);
      await changePageLanguage('de');
      await mounted.el.updateComplete;
      expect(mounted.languages, 'no switch').to.deep.equal([]);
      expect(mounted.manager.language).to.equal('lv');
      expect(mounted.$('#cc-banner-title').textContent).to.equal(lv.bannerTitle);
      await expect(mounted.el).to.be.accessible();
    });
  }
});
