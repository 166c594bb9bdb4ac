import { expect } from '@open-wc/testing';
import { en } from '../../src/ui/i18n/en.js';
import { importLanguage } from '../../src/ui/i18n/import-language.js';
import { BUILT_IN_LANGUAGES, isRightToLeft, loadStrings, pickLanguage } from '../../src/ui/i18n/languages.js';
import { pageSettled, resetBrowserState } from '../helpers.js';
import { disposeManagers, enableWcag22Rules, mountConsent, openDialog } from './ui-fixture.js';

/** Words that are rightly the same as in English: a proper name, German "Name", French "Date". */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  ru: ['methodGpc'],
  de: ['methodGpc', 'cookieName'],
  fr: ['methodGpc', 'receiptDate'],
  es: ['methodGpc'],
};

describe('languages', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  afterEach(disposeManagers);

  it('picks the configured language, else <html lang>, else the browser languages, else English', () => {
    expect(pickLanguage('lv', 'de', ['fr'], {})).to.equal('lv');
    expect(pickLanguage('lv-LV', undefined, [], {})).to.equal('lv');
    expect(pickLanguage(undefined, 'de-AT', ['fr'], {})).to.equal('de');
    expect(pickLanguage('xx', 'yy', ['zz', 'es-MX', 'fr'], {})).to.equal('es');
    expect(pickLanguage(undefined, undefined, ['ja', 'ko'], {})).to.equal('en');
    expect(pickLanguage('et', undefined, [], { et: { acceptAll: 'Nõustu kõigiga' } }), 'a language the site translated').to.equal('et');
  });

  it('ships every string in all seven languages, each translated', async () => {
    const keys = Object.keys(en);
    for (const language of BUILT_IN_LANGUAGES) {
      const strings = await loadStrings(language, {}, importLanguage);
      for (const key of keys)
        expect(strings[key as keyof typeof en], `${language}.${key}`)
          .to.be.a('string')
          .and.not.equal('');
      if (language === 'en') continue;
      const same = keys.filter((key) => strings[key as keyof typeof en] === en[key as keyof typeof en] && !(SAME_AS_ENGLISH[language] ?? []).includes(key));
      expect(same, `${language}: strings left in English`).to.deep.equal([]);
    }
    expect(BUILT_IN_LANGUAGES.filter(isRightToLeft)).to.deep.equal(['ar']);
  });

  for (const [language, acceptAll] of [
    ['lv', 'Pieņemt visas'],
    ['ru', 'Принять все'],
    ['de', 'Alle akzeptieren'],
    ['fr', 'Tout accepter'],
    ['es', 'Aceptar todas'],
  ] as const) {
    it(`speaks ${language} on both layers, with lang="${language}"`, async () => {
      const mounted = await mountConsent({ language });
      const root = mounted.$('.cc-root');
      expect(root.getAttribute('lang')).to.equal(language);
      expect(root.getAttribute('dir')).to.equal('ltr');
      expect(mounted.$('[part~="accept-all"]').textContent!.trim()).to.equal(acceptAll);
      await expect(mounted.el).to.be.accessible();
      await openDialog(mounted);
      expect(mounted.manager.presentation.language).to.equal(language);
      await expect(mounted.el).to.be.accessible();
    });
  }

  it('lays Arabic out right to left', async () => {
    const mounted = await mountConsent({ language: 'ar' });
    const root = mounted.$('.cc-root');
    expect(root.getAttribute('dir')).to.equal('rtl');
    expect(root.getAttribute('lang')).to.equal('ar');
    const accept = mounted.$('[part~="accept-all"]').getBoundingClientRect();
    const reject = mounted.$('[part~="reject-all"]').getBoundingClientRect();
    expect(accept.left, 'the first button is on the right').to.be.greaterThan(reject.left);
    await expect(mounted.el).to.be.accessible();
  });

  it('takes the page language from <html lang> when none is configured', async () => {
    const original = document.documentElement.lang;
    document.documentElement.lang = 'de';
    try {
      const mounted = await mountConsent();
      expect(mounted.$('.cc-root').getAttribute('lang')).to.equal('de');
      expect(mounted.$('#cc-banner-title').textContent).to.equal('Ihre Privatsphäre ist uns wichtig');
      await expect(mounted.el).to.be.accessible();
    } finally {
      document.documentElement.lang = original;
    }
  });

  it('lets the site override any string and name its categories', async () => {
    const mounted = await mountConsent({
      language: 'lv',
      translations: { lv: { acceptAll: 'Piekrītu', analyticsLabel: 'Apmeklējumu statistika' } },
      categories: [{ id: 'session', required: true }, { id: 'analytics' }, { id: 'video', label: 'Video', description: 'YouTube embeds' }],
    });
    expect(mounted.$('[part~="accept-all"]').textContent!.trim()).to.equal('Piekrītu');
    await openDialog(mounted);
    const labels = mounted.$$<HTMLLabelElement>('.cc-category label').map((label) => label.textContent);
    expect(labels).to.deep.equal(['Obligāti nepieciešamās', 'Apmeklējumu statistika', 'Video']);
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C22: strings from configuration and translations render as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.__ccInjected=1"></style><script>window.__ccInjected=2</script>';
    const mounted = await mountConsent({
      translations: { en: { bannerTitle: payload, bannerText: payload, acceptAll: payload, preferencesIntro: payload } },
      categories: [
        { id: 'session', required: true, label: payload, description: payload },
        { id: 'analytics', label: `\u202E${payload}`, cookies: [{ name: payload, provider: payload, duration: payload, purpose: payload }] },
      ],
    });
    await openDialog(mounted);
    mounted.$$<HTMLDetailsElement>('details').forEach((details) => (details.open = true));
    await pageSettled();
    expect((window as { __ccInjected?: number }).__ccInjected).to.equal(undefined);
    expect(mounted.el.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
    expect(mounted.$('#cc-banner-title').textContent).to.equal(payload);
    expect(mounted.$('.cc-category label').textContent).to.equal(payload);
    expect(mounted.$('tbody td').textContent).to.equal(payload);
    await expect(mounted.el).to.be.accessible();
  });
});
