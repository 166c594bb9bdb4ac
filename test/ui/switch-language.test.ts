import { expect } from '@open-wc/testing';
import { de } from '../../src/ui/i18n/de.js';
import { es } from '../../src/ui/i18n/es.js';
import { fr } from '../../src/ui/i18n/fr.js';
import { lv } from '../../src/ui/i18n/lv.js';
import { resetBrowserState, waitFor } from '../helpers.js';
import { bringToFront, disposeManagers, enableWcag22Rules, focused, mountConsent, openDialog, type Mounted } from './ui-fixture.js';

/** The npm build's element switching language while it shows: setLanguage() and its `lang` attribute. */
const speaks = (mounted: Mounted, language: string, text: string, selector: string): Promise<void> =>
  waitFor(() => mounted.$('.cc-root')?.getAttribute('lang') === language && mounted.$(selector)?.textContent?.trim() === text, `${selector} in ${language}`);

describe('switching the language of the element (npm build)', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  beforeEach(bringToFront);
  afterEach(disposeManagers);

  it('compliance C21: setLanguage() redraws the shown banner in that language, focus staying on the same button', async () => {
    const mounted = await mountConsent();
    mounted.$<HTMLButtonElement>('[part~="reject-all"]').focus();
    mounted.manager.setLanguage('fr');
    await speaks(mounted, 'fr', fr.bannerTitle, '#cc-banner-title');
    expect(mounted.$('[part~="accept-all"]').textContent!.trim()).to.equal(fr.acceptAll);
    expect(mounted.$('.cc-root').getAttribute('dir')).to.equal('ltr');
    expect(focused(), 'focus on the new "Reject all"').to.equal(mounted.$('[part~="reject-all"]'));
    expect(mounted.$$('[part~="banner"]')).to.have.length(1);
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C21: the modal banner stays open in the new language, right to left for Arabic', async () => {
    const mounted = await mountConsent({ layout: 'modal' });
    mounted.manager.setLanguage('ar');
    await waitFor(() => mounted.$('.cc-root').getAttribute('lang') === 'ar', 'the Arabic banner');
    expect(mounted.$('.cc-root').getAttribute('dir')).to.equal('rtl');
    expect(mounted.$<HTMLDialogElement>('[part~="banner"]').open, 'still a modal dialog').to.equal(true);
    expect(mounted.manager.decision, 'switching decides nothing').to.equal(null);
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C21: setLanguage() redraws the open preferences dialog, which stays open', async () => {
    const mounted = await mountConsent();
    const dialog = await openDialog(mounted);
    mounted.manager.setLanguage('de');
    await speaks(mounted, 'de', de.preferencesTitle, '#cc-preferences-title');
    expect(dialog.open).to.equal(true);
    expect(mounted.$('[part~="save"]').textContent!.trim()).to.equal(de.save);
    expect(mounted.manager.view).to.equal('preferences');
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C21: setLanguage() relabels the settings button', async () => {
    const mounted = await mountConsent();
    await mounted.manager.rejectAll();
    await waitFor(() => mounted.$('[part~="settings-button"]') !== null, 'the settings button');
    mounted.manager.setLanguage('lv');
    await speaks(mounted, 'lv', lv.settingsButton, '[part~="settings-button"]');
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C21: a change of the lang attribute switches, and the manager reports the language shown', async () => {
    const languages: string[] = [];
    const mounted = await mountConsent();
    mounted.manager.addEventListener('consent-language', (event) => languages.push(event.detail.language));
    mounted.el.setAttribute('lang', 'es-MX');
    await speaks(mounted, 'es', es.bannerTitle, '#cc-banner-title');
    expect(languages, 'consent-language, with the language spoken').to.deep.equal(['es']);
    expect(mounted.manager.language).to.equal('es');
    expect(mounted.manager.presentation.language).to.equal('es');
    expect(mounted.manager.presentation.strings).to.include(es.bannerTitle);
    await expect(mounted.el).to.be.accessible();
  });

  it('a language neither built in nor translated falls back as at start: to the page language', async () => {
    const pageLanguage = document.documentElement.lang;
    document.documentElement.lang = 'de';
    try {
      // Site tags match in any case, in the banner as in the rest of the interface.
      const mounted = await mountConsent({ language: 'lv', translations: { 'ET-ee': { bannerTitle: 'Küpsised' } } });
      mounted.manager.setLanguage('et-EE');
      await speaks(mounted, 'et-ee', 'Küpsised', '#cc-banner-title');
      mounted.manager.setLanguage('xx-YY');
      await speaks(mounted, 'de', de.bannerTitle, '#cc-banner-title');
      await expect(mounted.el).to.be.accessible();
    } finally {
      document.documentElement.lang = pageLanguage;
    }
  });

  it('compliance C21: setLanguage() refuses anything but a string with a TypeError naming it, and nothing changes', async () => {
    const mounted = await mountConsent({ language: 'lv' });
    for (const wrong of [undefined, null, 5, { lang: 'de' }]) {
      expect(() => mounted.manager.setLanguage(wrong as unknown as string)).to.throw(TypeError, /setLanguage/);
    }
    expect(mounted.manager.language).to.equal('lv');
    expect(mounted.$('#cc-banner-title').textContent).to.equal(lv.bannerTitle);
    await expect(mounted.el).to.be.accessible();
  });
});
