import { expect } from '@open-wc/testing';
import type { ConsentManager } from '../../src/core/manager.js';
import { newLane, waitForServer } from '../delivery/lane.js';
import { openFrame, pageSettled, resetBrowserState, storeDecision, visibleIn, waitFor } from '../helpers.js';

type FastPathWindow = Window & {
  cookieConsent?: ConsentManager;
  runs: string[];
  errors: string[];
  violations: string[];
  warnings: string[];
};

const FIXTURES = '/test/fast-path/fixtures/';
/** The configuration block of fixtures/erase.html, for a decision stored as under it. */
const ERASE_PAGE_CONFIG = {
  policyUrl: '/privacy',
  revision: 1,
  reloadOnWithdraw: false,
  categories: [{ id: 'session', required: true }, { id: 'preferences' }, { id: 'analytics', erase: ['_ga*'] }, { id: 'promotional' }],
};

/**
 * The dist files of the script-tag build the page has requested, by file name. Firefox makes no
 * resource timing entry for a script served from its memory cache (a chunk an earlier page of
 * the same test file loaded), so the chunk scripts the loader inserted count too.
 */
function requestedBuildFiles(win: Window): string[] {
  const fileOf = (url: string): string | null => {
    const path = new URL(url, win.location.href).pathname;
    return path.startsWith('/dist/cookie-consent') ? path.slice('/dist/'.length) : null;
  };
  const fetched = win.performance.getEntriesByType('resource').map((entry) => fileOf(entry.name));
  const inserted = Array.from(win.document.querySelectorAll<HTMLScriptElement>('script[src]'), (script) => fileOf(script.src));
  const files = fetched.filter((file): file is string => file !== null);
  for (const file of inserted) if (file !== null && !files.includes(file)) files.push(file);
  return files;
}

/** The dev server's own live-reload script is not the widget's: a strict CSP blocks it, by design. */
const widgetViolations = (win: FastPathWindow): string[] => win.violations.filter((text) => !text.includes('__web-dev-server'));

async function openPage(file: string) {
  const opened = await openFrame(`${FIXTURES}${file}`);
  const page = () => opened.frame.contentWindow as FastPathWindow;
  await waitFor(() => page().cookieConsent !== undefined, `the manager of ${file}`);
  await page().cookieConsent!.ready;
  const element = () => opened.frame.contentDocument!.querySelector('cookie-consent')!;
  return { ...opened, page, element };
}

const dialogOpen = (element: Element): boolean => element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~="dialog"]')?.open === true;

describe('fast path: the interface chunk loads only when needed', () => {
  beforeEach(resetBrowserState);

  it('a returning visitor downloads and parses no interface code until opening the settings; data-consent-open then opens the dialog', async () => {
    await storeDecision({ analytics: true });
    const { frame, page, element } = await openPage('page.html');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    await pageSettled();
    expect(page().runs, 'the granted script ran').to.deep.equal(['analytics']);
    expect(requestedBuildFiles(page())).to.deep.equal(['cookie-consent.js']);
    expect(page().customElements.get('cookie-consent'), 'no interface code parsed').to.equal(undefined);
    expect(page().document.querySelector('script[src*="cookie-consent.ui"]')).to.equal(null);
    expect(visibleIn(element().shadowRoot, '[part~="settings-button"]')!.textContent!.trim()).to.equal('Cookie settings');

    const opener = page().document.getElementById('opener')!;
    opener.click();
    await waitFor(() => dialogOpen(element()), 'the preferences dialog');
    // The interface chunk carries the configuration check; the visitor's receipts come from
    // IndexedDB (dist/cookie-consent.store.js).
    await waitFor(() => requestedBuildFiles(page()).length === 3, 'the receipts chunk');
    expect(requestedBuildFiles(page())).to.have.members(['cookie-consent.js', 'cookie-consent.ui.js', 'cookie-consent.store.js']);
    expect(page().location.hash, 'the opener link did not navigate').to.equal('');
    expect(page().cookieConsent!.view).to.equal('preferences');
    // One settings button: the one drawn without Lit gave way to the interface's.
    element().shadowRoot!.querySelector<HTMLButtonElement>('[part~="close"]')!.click();
    await waitFor(() => !dialogOpen(element()), 'the dialog to close');
    await waitFor(() => element().shadowRoot!.querySelectorAll('[part~="settings-button"]').length === 1, 'one settings button');
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('the settings button drawn without Lit opens the preferences with the current choice', async () => {
    await storeDecision({ analytics: true });
    const { frame, page, element } = await openPage('page.html');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    visibleIn(element().shadowRoot, '[part~="settings-button"]')!.click();
    await waitFor(() => dialogOpen(element()), 'the preferences dialog');
    await waitFor(() => element().shadowRoot!.querySelector('#cc-switch-analytics') !== null, 'the switches');
    expect(element().shadowRoot!.querySelector<HTMLInputElement>('#cc-switch-analytics')!.checked, 'opens with the current state').to.equal(true);
    expect(element().shadowRoot!.querySelector<HTMLInputElement>('#cc-switch-promotional')!.checked).to.equal(false);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('manager.showPreferences() loads the interface for a returning visitor', async () => {
    await storeDecision({ analytics: false });
    const { frame, page, element } = await openPage('page.html');
    await pageSettled();
    expect(requestedBuildFiles(page())).to.deep.equal(['cookie-consent.js']);
    page().cookieConsent!.showPreferences();
    await waitFor(() => dialogOpen(element()), 'the preferences dialog');
    frame.remove();
  });

  it('a first visit paints the banner from its own chunk, without Lit; "Accept all" decides there', async () => {
    const { frame, page, element } = await openPage('page.html');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    // One chunk: the banner carries the configuration check it runs before showing anything.
    expect(requestedBuildFiles(page())).to.have.members(['cookie-consent.js', 'cookie-consent.banner.js']);
    expect(page().customElements.get('cookie-consent'), 'no interface code parsed').to.equal(undefined);
    expect(page().runs).to.deep.equal([]);
    visibleIn(element().shadowRoot, '[part~="accept-all"]')!.click();
    await waitFor(() => page().runs.includes('analytics'), 'the gated script to run');
    expect(page().cookieConsent!.decision!.method).to.equal('accept-all');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    expect(visibleIn(element().shadowRoot, '[part~="banner"]'), 'the banner is gone').to.equal(null);
    expect(requestedBuildFiles(page())).to.not.include('cookie-consent.ui.js');
    // Without an endpoint the receipts (IndexedDB) wait for the decision, not for the banner.
    await waitFor(() => requestedBuildFiles(page()).includes('cookie-consent.store.js'), 'the receipts chunk, loaded by the decision');
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('"Customize" on the first-paint banner loads the interface and opens the preferences; closing them asks again', async () => {
    const { frame, page, element } = await openPage('page.html');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    visibleIn(element().shadowRoot, '[part~="customize"]')!.click();
    await waitFor(() => dialogOpen(element()), 'the preferences dialog');
    expect(requestedBuildFiles(page())).to.include('cookie-consent.ui.js');
    expect(element().shadowRoot!.querySelectorAll('[part~="banner"]').length, 'one banner: the first paint gave way').to.equal(1);
    element().shadowRoot!.querySelector<HTMLButtonElement>('[part~="close"]')!.click();
    await waitFor(() => !dialogOpen(element()), 'the dialog to close');
    expect(page().cookieConsent!.decision, 'closing is no consent').to.equal(null);
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner again');
    // The "Customize" that opened the dialog gave way with the first paint; the interface's own takes focus back.
    await waitFor(() => element().shadowRoot!.activeElement === element().shadowRoot!.querySelector('[part~="customize"]'), 'focus on Customize');
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('loaded twice, the widget runs once: one manager, one element, one banner chunk', async () => {
    const { frame, page, element } = await openPage('twice.html');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    await pageSettled();
    expect(page().document.querySelectorAll('cookie-consent').length).to.equal(1);
    expect(requestedBuildFiles(page()).filter((file) => file === 'cookie-consent.banner.js')).to.have.length(1);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });
});

describe('delivery of the script-tag build loads only when a record may be sent', () => {
  beforeEach(resetBrowserState);

  it('a first visit loads delivery with the banner, and the decision reaches the endpoint once', async () => {
    const lane = newLane();
    const { frame, page, element } = await openPage(`delivery.html?endpoint=${encodeURIComponent(lane.endpoint)}`);
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    await waitFor(() => requestedBuildFiles(page()).includes('cookie-consent.delivery.js'), 'the delivery chunk, fetched while the banner shows');
    expect(requestedBuildFiles(page()), 'the outbox shares the receipts database').to.include('cookie-consent.store.js');
    visibleIn(element().shadowRoot, '[part~="accept-all"]')!.click();
    const state = await waitForServer(lane, (s) => s.rows.length === 1, 'the record');
    expect(state.rows[0]!.method).to.equal('accept-all');
    expect(state.rows[0]!.consentId).to.equal(page().cookieConsent!.decision!.consentId);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('a returning visitor with nothing to resend does not download delivery; a decision through the API still reaches the endpoint', async () => {
    const lane = newLane();
    // Nothing withdrawn, so the page is not reloaded (reloadOnWithdraw) under the test.
    await storeDecision({ analytics: false }, 'custom', { policyUrl: '/privacy', revision: 1, endpoint: lane.endpoint });
    const { frame, page } = await openPage(`delivery.html?endpoint=${encodeURIComponent(lane.endpoint)}`);
    await pageSettled();
    expect(requestedBuildFiles(page())).to.deep.equal(['cookie-consent.js']);
    await page().cookieConsent!.acceptAll();
    const state = await waitForServer(lane, (s) => s.rows.length === 1, 'the record of the API decision');
    expect(state.rows[0]!.method).to.equal('accept-all');
    // Firefox adds resource timing entries a little after the script ran.
    await waitFor(() => requestedBuildFiles(page()).includes('cookie-consent.delivery.js'), 'the delivery chunk among the fetched files');
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('a decision made as the page goes away, before delivery loaded, is recorded once by the next pages', async () => {
    const lane = newLane();
    await storeDecision({ analytics: false });
    const url = `delivery.html?endpoint=${encodeURIComponent(lane.endpoint)}`;
    const first = await openPage(url);
    // The site's own "withdraw" or "accept" link, then navigation, in one task: no chunk can arrive in between.
    void first.page().cookieConsent!.acceptAll();
    first.frame.remove();
    expect(localStorage.getItem('cookie-consent-widget:pending-records'), 'kept for the next page').to.contain('"method":"accept-all"');
    // Two tabs open at once both find it: the record carries one eventId, so the backend keeps one row.
    const [second, third] = await Promise.all([openPage(url), openPage(url)]);
    const state = await waitForServer(lane, (s) => s.rows.length >= 1, 'the record of the decision');
    await pageSettled();
    expect(
      (await lane.state()).rows.map((row) => row.method),
      'exactly one row',
    ).to.deep.equal(['accept-all']);
    expect(state.rows[0]!.consentId).to.equal(second.page().cookieConsent!.decision!.consentId);
    await waitFor(() => localStorage.getItem('cookie-consent-widget:pending-records') === null, 'the kept decision handed on');
    second.frame.remove();
    third.frame.remove();
  });

  it('tampered decisions kept in localStorage are skipped: nothing is sent, nothing throws', async () => {
    const lane = newLane();
    await storeDecision({ analytics: false });
    localStorage.setItem(
      'cookie-consent-widget:pending-records',
      JSON.stringify([
        5,
        'x',
        null,
        { detail: { origin: 'this-tab', decision: null } },
        { detail: { origin: 'other-tab', decision: { consentId: 'a', timestamp: 't', revision: 1, method: 'custom', categories: {} } } },
        { detail: { origin: 'this-tab', decision: { consentId: 7 } }, eventId: '<script>' },
      ]),
    );
    const { frame, page } = await openPage(`delivery.html?endpoint=${encodeURIComponent(lane.endpoint)}`);
    await waitFor(() => localStorage.getItem('cookie-consent-widget:pending-records') === null, 'the kept entries looked at');
    await pageSettled();
    expect((await lane.state()).requests, 'nothing sent').to.deep.equal([]);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('a record left undelivered is resent on the next page load, which loads delivery for it', async () => {
    const lane = newLane();
    await lane.faults([], { kind: 'status', status: 503 });
    const first = await openPage(`delivery.html?endpoint=${encodeURIComponent(lane.endpoint)}`);
    await waitFor(() => visibleIn(first.element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    visibleIn(first.element().shadowRoot, '[part~="accept-all"]')!.click();
    await waitForServer(lane, (s) => s.requests.some((request) => request.status === 503), 'a refused attempt');
    expect(localStorage.getItem('cookie-consent-widget:outbox'), 'the hint that a record waits').to.equal('1');
    first.frame.remove();
    await lane.heal();
    const second = await openPage(`delivery.html?endpoint=${encodeURIComponent(lane.endpoint)}`);
    const state = await waitForServer(lane, (s) => s.rows.length === 1, 'the resent record');
    expect(state.rows[0]!.method).to.equal('accept-all');
    await waitFor(() => requestedBuildFiles(second.page()).includes('cookie-consent.delivery.js'), 'the delivery chunk among the fetched files');
    await waitFor(() => localStorage.getItem('cookie-consent-widget:outbox') === null, 'the hint cleared once the outbox is empty');
    second.frame.remove();
  });
});

describe('erasing in the script-tag build, which loads it on demand', () => {
  beforeEach(resetBrowserState);

  it('compliance C9: a withdrawal made as the page goes away still erases the refused cookies, on the next page load', async () => {
    await storeDecision({ analytics: true });
    document.cookie = '_ga=GA1.2.3; path=/';
    const first = await openPage('erase.html');
    // The site's own "withdraw" link, then navigation, in one task: the erasing code cannot arrive in between.
    void first.page().cookieConsent!.withdraw();
    first.frame.remove();
    expect(document.cookie, 'not erased by the page that went away').to.contain('_ga=');
    const second = await openPage('erase.html');
    expect(second.page().cookieConsent!.decision!.method).to.equal('withdraw');
    await waitFor(() => !document.cookie.includes('_ga='), 'the refused cookie erased by the next page');
    await waitFor(() => localStorage.getItem('cookie-consent-widget:erase-pending') === null, 'nothing left to erase');
    expect(second.page().errors).to.deep.equal([]);
    second.frame.remove();
  });

  it('a page with nothing left to erase does not load the erasing code', async () => {
    await storeDecision({ analytics: false }, 'custom', ERASE_PAGE_CONFIG);
    const { frame, page } = await openPage('erase.html');
    await pageSettled();
    expect(requestedBuildFiles(page())).to.deep.equal(['cookie-consent.js']);
    frame.remove();
  });
});

describe('gated embeds of the script-tag build load their code only on pages that have one', () => {
  beforeEach(resetBrowserState);

  it('compliance C7: the placeholder appears through the embeds chunk, and allowing in place loads the embed', async () => {
    await storeDecision({ promotional: false });
    const { frame, page } = await openPage('embed.html');
    const doc = () => page().document;
    await waitFor(() => doc().querySelector('[data-consent-placeholder]') !== null, 'the placeholder');
    await waitFor(() => requestedBuildFiles(page()).length === 2, 'two fetched files');
    expect(requestedBuildFiles(page())).to.deep.equal(['cookie-consent.js', 'cookie-consent.embeds.js']);
    expect(doc().getElementById('video')!.getAttribute('src'), 'nothing loaded before consent').to.equal(null);
    expect(doc().querySelector('[data-consent-placeholder]')!.textContent).to.contain('Product video');
    doc().querySelector<HTMLButtonElement>('[data-consent-placeholder] button')!.click();
    await waitFor(() => doc().getElementById('video')!.getAttribute('src') !== null, 'the embed to load');
    expect(page().cookieConsent!.decision!.categories['promotional']).to.equal(true);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('a returning visitor who allowed the embed gets it loaded', async () => {
    await storeDecision({ promotional: true });
    const { frame, page } = await openPage('embed.html');
    await waitFor(() => page().document.getElementById('video')!.getAttribute('src') !== null, 'the embed to load');
    expect(page().document.querySelector('[data-consent-placeholder]')).to.equal(null);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('a page without a gated embed never fetches the embeds chunk', async () => {
    await storeDecision({ promotional: false });
    const { frame, page } = await openPage('page.html');
    await pageSettled();
    expect(requestedBuildFiles(page())).to.not.include('cookie-consent.embeds.js');
    frame.remove();
  });
});

describe('the runtime loads only the chunks the build pinned', () => {
  beforeEach(resetBrowserState);

  it('a chunk outside the manifest loads only as a language chunk next to the main file, with a well-formed hash; anything else is refused', async () => {
    const { frame, page } = await openPage('page.html');
    const runtime = (page() as unknown as Record<symbol, { load(name: string, pinned?: string): Promise<unknown> }>)[
      Symbol.for('cookie-consent-widget.runtime')
    ]!;
    const wellFormed = `sha256-${'A'.repeat(43)}=`;
    const hostile = [
      ['https://evil.example/x', wellFormed],
      ['../evil/lv', wellFormed],
      ['evil', wellFormed],
      ['lv', 'https://evil.example/x.js'],
      ['lv', ''],
      ['lv', `sha1-${'A'.repeat(27)}=`],
      ['lv', undefined],
    ] as const;
    for (const [name, pinned] of hostile) {
      let refused = false;
      await runtime.load(name, pinned).catch(() => (refused = true));
      expect(refused, `${name} ${pinned}`).to.equal(true);
    }
    expect(
      requestedBuildFiles(page()).filter((file) => /^cookie-consent\.(lv|ev)/.test(file)),
      'nothing of those fetched',
    ).to.deep.equal([]);
    expect(page().document.querySelector('script[src*="evil"]')).to.equal(null);
    frame.remove();
  });
});

describe('debug mode of the script-tag build', () => {
  beforeEach(resetBrowserState);

  it('loads the debug chunk only with debug: true, and it reports', async () => {
    const { frame, page } = await openPage('debug.html');
    await waitFor(() => page().warnings.some((text) => text.includes('"nonexistent"')), 'the debug warning about an unknown category');
    expect(requestedBuildFiles(page())).to.include('cookie-consent.debug.js');
    frame.remove();
    const plain = await openPage('page.html');
    await pageSettled();
    expect(requestedBuildFiles(plain.page())).to.not.include('cookie-consent.debug.js');
    plain.frame.remove();
  });
});

describe('fast path under a strict CSP (nonce, strict-dynamic, Trusted Types) and SRI', () => {
  beforeEach(resetBrowserState);

  it('a first visit loads the chunk with the nonce and shows the banner, with no violation', async () => {
    const { frame, page, element } = await openPage('csp.html');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    const chunk = page().document.querySelector<HTMLScriptElement>('script[src*="cookie-consent.banner"]')!;
    expect(chunk.nonce).to.equal('f4st');
    expect(chunk.integrity).to.match(/^sha256-/);
    visibleIn(element().shadowRoot, '[part~="accept-all"]')!.click();
    await waitFor(() => page().runs.includes('analytics'), 'the gated script to run');
    await pageSettled();
    expect(widgetViolations(page()), 'securitypolicyviolation events').to.deep.equal([]);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('a returning visitor opens the settings under the same CSP, with no violation', async () => {
    await storeDecision({ analytics: true });
    const { frame, page, element } = await openPage('csp.html');
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    expect(requestedBuildFiles(page())).to.deep.equal(['cookie-consent.js']);
    page().document.getElementById('opener')!.click();
    await waitFor(() => dialogOpen(element()), 'the preferences dialog');
    await pageSettled();
    expect(widgetViolations(page()), 'securitypolicyviolation events').to.deep.equal([]);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('with SRI on the main file, the chunk loads and is checked against the hash the build pinned', async () => {
    const bytes = await (await fetch('/dist/cookie-consent.js')).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    const integrity = `sha384-${btoa(String.fromCharCode(...digest))}`;
    const { frame } = await openFrame(`${FIXTURES}empty.html`);
    const win = frame.contentWindow as FastPathWindow;
    const loaded = new Promise<void>((resolve, reject) => {
      const script = win.document.createElement('script');
      script.integrity = integrity;
      script.src = '/dist/cookie-consent.js';
      script.dataset['policyUrl'] = '/privacy';
      script.dataset['revision'] = '1';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('the main file failed its own SRI check'));
      win.document.head.append(script);
    });
    await loaded;
    const element = () => win.document.querySelector('cookie-consent')!;
    await waitFor(() => element() !== null && visibleIn(element().shadowRoot, '[part~="banner"]') !== null, 'the banner');
    const chunk = win.document.querySelector<HTMLScriptElement>('script[src*="cookie-consent.banner"]')!;
    expect(chunk.integrity).to.match(/^sha256-/);
    expect(win.errors).to.deep.equal([]);
    frame.remove();
  });
});
