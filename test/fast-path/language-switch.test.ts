import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import type { ConsentManager } from '../../src/core/manager.js';
import type { ConsentConfig } from '../../src/core/types.js';
import { de } from '../../src/ui/i18n/de.js';
import { es } from '../../src/ui/i18n/es.js';
import { fr } from '../../src/ui/i18n/fr.js';
import { importLanguage } from '../../src/ui/i18n/import-language.js';
import { loadStrings } from '../../src/ui/i18n/languages.js';
import { lv } from '../../src/ui/i18n/lv.js';
import { shownStrings } from '../../src/ui/i18n/shown-strings.js';
import { newLane } from '../delivery/lane.js';
import { openFrame, resetBrowserState, storeDecision, visibleIn, waitFor } from '../helpers.js';
import { bringToFront, expectAccessibleInFrame } from '../ui/ui-helpers.js';

type ScriptTagWindow = Window & typeof globalThis & { cookieConsent?: ConsentManager; errors: string[] };

/**
 * The script-tag build as built (dist/), before its interface loads: the banner and the settings
 * button drawn without Lit switch language too, other languages coming from their pinned chunks.
 */
async function openScriptTagPage(config: Partial<ConsentConfig> = {}) {
  const full = { policyUrl: '/privacy', revision: 1, ...config };
  const opened = await openFrame(`/test/fast-path/fixtures/config.html?config=${encodeURIComponent(JSON.stringify(full))}`);
  const page = () => opened.frame.contentWindow as ScriptTagWindow;
  await waitFor(() => page().cookieConsent !== undefined, 'the manager');
  const manager = page().cookieConsent!;
  await manager.ready;
  const element = () => page().document.querySelector('cookie-consent')!;
  const shown = (selector: string) => visibleIn(element().shadowRoot, selector);
  // The root holds only fixed-position content, so it has no box of its own to be visible.
  const root = () => element().shadowRoot?.querySelector<HTMLElement>('.cc-root') ?? null;
  const languages: string[] = [];
  manager.addEventListener('consent-language', (event) => languages.push(event.detail.language));
  return { ...opened, page, manager, element, shown, root, languages, config: full };
}

type ScriptTagPage = Awaited<ReturnType<typeof openScriptTagPage>>;

/** The first-paint banner showing `title`, in a root that says `language`. */
const bannerIn = (opened: ScriptTagPage, language: string, title: string): Promise<void> =>
  waitFor(() => opened.shown('#cc-banner-title')?.textContent === title && opened.root()?.lang === language, `the banner in ${language}`);

function noInterface(opened: ScriptTagPage): void {
  expect(opened.page().customElements.get('cookie-consent'), 'still without Lit').to.equal(undefined);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('switching language in the script-tag build, before its interface loads', () => {
  beforeEach(resetBrowserState);
  beforeEach(bringToFront);
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('compliance C21: setLanguage() redraws the first-paint banner from the pinned language chunk, focus staying on its button', async () => {
    const opened = await openScriptTagPage();
    await bannerIn(opened, 'en', 'We value your privacy');
    opened.shown('[part~="reject-all"]')!.focus();
    opened.manager.setLanguage('lv');
    await bannerIn(opened, 'lv', lv.bannerTitle);
    expect(opened.shown('[part~="accept-all"]')!.textContent).to.equal(lv.acceptAll);
    const chunk = opened.page().document.querySelector<HTMLScriptElement>('script[src*="cookie-consent.lv."]');
    expect(chunk?.integrity, 'the language chunk, pinned').to.match(/^sha256-/);
    expect(opened.element().shadowRoot!.querySelectorAll('[part~="banner"]'), 'one banner').to.have.length(1);
    expect(opened.element().shadowRoot!.activeElement, 'focus on the new "Reject all"').to.equal(opened.shown('[part~="reject-all"]'));
    noInterface(opened);
    expect(opened.page().errors).to.deep.equal([]);
    await expectAccessibleInFrame(opened.element());
  });

  it('compliance C21: the modal banner stays a modal dialog in the new language, and nothing is decided', async () => {
    const opened = await openScriptTagPage({ layout: 'modal' });
    await bannerIn(opened, 'en', 'We value your privacy');
    opened.manager.setLanguage('de');
    await bannerIn(opened, 'de', de.bannerTitle);
    expect(opened.shown('[part~="banner"]')!.matches(':modal')).to.equal(true);
    expect(opened.manager.decision).to.equal(null);
    expect(opened.manager.view).to.equal('banner');
    noInterface(opened);
    await expectAccessibleInFrame(opened.element());
  });

  it("compliance C21: the settings button is relabelled, with the interface's lookup of the site's translations", async () => {
    await storeDecision({ analytics: true });
    const opened = await openScriptTagPage({ translations: { 'LV-lv': { settingsButton: 'Sīkdatnes' } } });
    await waitFor(() => opened.shown('[part~="settings-button"]')?.textContent === 'Cookie settings', 'the settings button');
    opened.shown('[part~="settings-button"]')!.focus();
    opened.manager.setLanguage('de');
    await waitFor(() => opened.shown('[part~="settings-button"]')?.textContent === de.settingsButton, 'the label in German');
    expect(opened.root()!.lang).to.equal('de');
    expect(opened.element().shadowRoot!.activeElement, 'focus kept').to.equal(opened.shown('[part~="settings-button"]'));
    // The site wrote its tag in another case than the visitor's: it still counts, as in the interface.
    opened.manager.setLanguage('lv-LV');
    await waitFor(() => opened.shown('[part~="settings-button"]')?.textContent === 'Sīkdatnes', "the site's own label");
    expect(opened.element().shadowRoot!.querySelectorAll('[part~="settings-button"]'), 'one button').to.have.length(1);
    noInterface(opened);
    await expectAccessibleInFrame(opened.element());
  });

  it("compliance C21: a change of the element's lang attribute switches the banner", async () => {
    const opened = await openScriptTagPage();
    await bannerIn(opened, 'en', 'We value your privacy');
    opened.element().setAttribute('lang', 'fr');
    await bannerIn(opened, 'fr', fr.bannerTitle);
    expect(opened.languages).to.deep.equal(['fr']);
    await expectAccessibleInFrame(opened.element());
  });

  it('compliance C21: without a configured language, a change of <html lang> is followed', async () => {
    const opened = await openScriptTagPage();
    await bannerIn(opened, 'en', 'We value your privacy');
    opened.page().document.documentElement.lang = 'es';
    await bannerIn(opened, 'es', es.bannerTitle);
    expect(opened.languages).to.deep.equal(['es']);
    await expectAccessibleInFrame(opened.element());
  });

  it('compliance C21: with a configured language, <html lang> is not followed', async () => {
    const opened = await openScriptTagPage({ language: 'lv' });
    await bannerIn(opened, 'lv', lv.bannerTitle);
    // An observer made after the widget's hears the change after it would have: then it is known to have done nothing.
    await new Promise<void>((resolve) => {
      const observer = new (opened.page().MutationObserver)(() => resolve());
      observer.observe(opened.page().document.documentElement, { attributeFilter: ['lang'] });
      opened.page().document.documentElement.lang = 'de';
    });
    expect(opened.languages, 'no switch').to.deep.equal([]);
    expect(opened.manager.language).to.equal('lv');
    expect(opened.shown('#cc-banner-title')!.textContent).to.equal(lv.bannerTitle);
    await expectAccessibleInFrame(opened.element());
  });

  it('compliance C12, C21: a decision after a switch is recorded with the new language and the hash of the strings shown in it', async () => {
    const lane = newLane();
    const opened = await openScriptTagPage({ endpoint: lane.endpoint });
    const delivered: ConsentRecord[] = [];
    opened.page().document.addEventListener('consent-delivered', (event) => delivered.push(event.detail.record));
    await bannerIn(opened, 'en', 'We value your privacy');
    opened.manager.setLanguage('de');
    await bannerIn(opened, 'de', de.bannerTitle);
    await expectAccessibleInFrame(opened.element());
    opened.shown('[part~="reject-all"]')!.click();
    await waitFor(() => delivered.length === 1, 'the record', 8000);
    const german = await loadStrings('de', {}, importLanguage);
    expect(delivered[0]!.language).to.equal('de');
    expect(delivered[0]!.layer).to.equal('banner');
    expect(delivered[0]!.textHash).to.equal(await sha256Hex(shownStrings(resolveConfig(opened.config), german).join('\n')));
    expect(opened.page().errors).to.deep.equal([]);
  });
});
