import { expect } from '@open-wc/testing';
import { knownTracker } from '../../src/core/debug.js';
import { openGatingPage, resetBrowserState, pageSettled, waitFor } from '../helpers.js';

const categories = [
  { id: 'session', required: true, cookies: [{ name: 'sid', provider: 'This site', duration: 'session', purpose: 'Keeps the cart' }] },
  { id: 'preferences' },
  { id: 'analytics' },
  { id: 'promotional' },
];
const debugConfig = { revision: 1, policyUrl: '/privacy', debug: true, categories };

function script(attributes: Record<string, string>): HTMLScriptElement {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

describe('debug mode: where the page leaks before consent (compliance C1)', () => {
  beforeEach(resetBrowserState);

  it('compliance C1: recognises the scripts of known trackers by where they load from, unless marked or inert', () => {
    const cases: [Record<string, string>, string | null][] = [
      [{ src: 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC' }, 'Google Tag Manager'],
      [{ src: 'https://www.googletagmanager.com/gtag/js?id=G-ABC', async: '' }, 'Google Analytics (gtag.js)'],
      [{ src: 'https://www.google-analytics.com/analytics.js' }, 'Google Analytics (gtag.js)'],
      [{ src: 'https://connect.facebook.net/en_US/fbevents.js' }, 'Meta Pixel'],
      [{ src: 'https://static.hotjar.com/c/hotjar-123.js?sv=6' }, 'Hotjar'],
      [{ src: 'https://www.clarity.ms/tag/abcdef', type: 'text/javascript' }, 'Microsoft Clarity'],
      [{ src: 'https://example.com/app.js' }, null],
      [{ src: 'https://example.com/?u=googletagmanager.com/gtm.js' }, null],
      [{ src: 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC', 'data-consent': 'analytics', type: 'text/plain' }, null],
      [{ src: 'https://connect.facebook.net/en_US/fbevents.js', type: 'application/json' }, null],
    ];
    for (const [attributes, expected] of cases) {
      expect(knownTracker(script(attributes)), JSON.stringify(attributes)).to.equal(expected);
    }
  });

  it('compliance C1: warns about undeclared cookies and storage keys, unmarked trackers, and marks that gate nothing', async () => {
    const { frame, page } = await openGatingPage('debug.html', { config: debugConfig });
    const debugWarnings = (): string[] => page().warnings.filter((text) => text.includes('cookie-consent: debug:'));
    await waitFor(() => debugWarnings().length >= 9, 'the nine debug warnings');
    await pageSettled();
    const debug = debugWarnings();
    const about = (needle: string): string[] => debug.filter((text) => text.includes(needle));
    expect(about('cookie "_ga"'), 'an analytics cookie set before consent').to.have.length(1);
    expect(about('localStorage key "_hjid"')).to.have.length(1);
    expect(about('"sid"'), 'declared by the required category').to.deep.equal([]);
    expect(about('cookie_consent')).to.deep.equal([]);
    for (const tracker of ['Google Tag Manager', 'Google Analytics (gtag.js)', 'Meta Pixel', 'Hotjar', 'Microsoft Clarity']) {
      expect(about(tracker), tracker).to.have.length(1);
    }
    expect(about('G-MARKED'), 'a marked tracker is not reported').to.deep.equal([]);
    expect(about('"marketing"'), 'a mark naming no configured category: gating reports it, debug mode or not').to.deep.equal([]);
    expect(page().warnings.filter((text) => text.includes('"marketing"'))).to.have.length(1);
    expect(about('has data-consent but type "text/javascript"'), 'a mark on a script that is not text/plain').to.have.length(1);
    expect(about('an iframe has data-consent but a src'), 'a mark on an iframe that has src').to.have.length(1);
    expect(page().runs, 'what the marks could not stop').to.include('marked-but-live');
    expect(debug, `exactly these warnings: ${debug.join('\n')}`).to.have.length(9);
    frame.remove();
  });

  it('compliance C1: does not mistake the scripts the widget activated for unmarked ones', async () => {
    const { frame, page } = await openGatingPage('scripts.html', { config: { ...debugConfig } });
    await page().manager.rejectAll();
    await waitFor(() => page().runs.length === 2, 'the refusal scripts');
    await page().manager.acceptAll();
    await waitFor(() => page().runs.length === 14, 'every other script');
    await pageSettled();
    expect(page().warnings.filter((text) => text.includes('debug:'))).to.deep.equal([]);
    frame.remove();
  });

  it('compliance C1: reports a tracker added later before consent, but not one added after consent', async () => {
    const { frame, page } = await openGatingPage('empty.html', { config: debugConfig });
    const doc = page().document;
    const add = (text: string): void => {
      const element = doc.createElement('script');
      element.text = text;
      doc.body.append(element);
    };
    add('window._hjSettings = { hjid: 2, hjsv: 6 };');
    await waitFor(() => page().warnings.some((text) => text.includes('Hotjar')), 'the Hotjar warning');
    await page().manager.acceptAll();
    add("window.clarityTag = 'https://www.clarity.ms/tag/later';");
    await pageSettled();
    expect(page().warnings.filter((text) => text.includes('debug:'))).to.have.length(1);
    frame.remove();
  });

  it('says nothing without debug: true', async () => {
    const { frame, page } = await openGatingPage('debug.html', { config: { ...debugConfig, debug: false } });
    await pageSettled();
    expect(page().warnings.filter((text) => text.includes('debug:'))).to.deep.equal([]);
    frame.remove();
  });
});
