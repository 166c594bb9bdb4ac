import { expect } from '@open-wc/testing';
import { domainVariants, pathVariants } from '../../src/core/gating/erase.js';
import { cookieJar, openCorePage, pageSettled, resetBrowserState, waitFor } from '../helpers.js';

const cookieDeclaringConfig = {
  revision: 1,
  policyUrl: '/privacy',
  categories: [
    { id: 'session', required: true, cookies: [{ name: 'sid', provider: 'This site', duration: 'session', purpose: 'Keeps the cart' }] },
    { id: 'preferences', erase: ['currency'] },
    {
      id: 'analytics',
      cookies: [{ name: '_gid', provider: 'Google', duration: '1 day', purpose: 'Tells visits apart' }],
      erase: ['_ga*'],
    },
    { id: 'promotional', erase: ['_fbp'] },
  ],
};

describe('cross-tab sync (two pages of the site open at once)', () => {
  beforeEach(resetBrowserState);

  for (const transport of ['BroadcastChannel', 'cookie polling (no BroadcastChannel)']) {
    it(`carries a decision to the other page within one second, firing consent-change there, via ${transport}`, async () => {
      const breaks = transport.startsWith('cookie') ? ['broadcast'] : [];
      const first = await openCorePage({ break: breaks });
      const second = await openCorePage({ break: breaks });
      expect(second.page().manager.view).to.equal('banner');

      const started = performance.now();
      await first.page().manager.set({ analytics: true }, { layer: 'banner' });
      await waitFor(() => second.page().manager.decision !== null, 'the decision in the other page', 1000);
      const elapsed = performance.now() - started;
      expect(elapsed).to.be.below(1000);
      expect(second.page().manager.decision).to.deep.equal(first.page().manager.decision);
      expect(second.page().manager.granted('analytics')).to.equal(true);
      expect(second.page().manager.view, 'the other page stops asking').to.equal('none');
      const change = second.page().changes.at(-1)!;
      expect(change.origin).to.equal('other-tab');
      expect(change.changed).to.deep.equal(['analytics']);

      await first.page().manager.withdraw();
      await waitFor(() => second.page().manager.granted('analytics') === false, 'the withdrawal in the other page', 1000);
      expect(second.page().manager.decision?.method).to.equal('withdraw');
      first.frame.remove();
      second.frame.remove();
    });
  }

  it('a change of mind within the same millisecond still reaches the other page', async () => {
    const first = await openCorePage();
    const second = await openCorePage();
    const frozen = Date.now();
    // Both decisions carry one timestamp, as a click and a script's call can (Firefox rounds Date.now).
    (first.page() as unknown as typeof globalThis).Date.now = () => frozen;
    await first.page().manager.acceptAll();
    await waitFor(() => second.page().manager.granted('analytics'), 'the first decision in the other page', 1000);
    await first.page().manager.set({ analytics: false });
    expect(first.page().manager.decision!.timestamp).to.equal(second.page().manager.decision!.timestamp);
    await waitFor(() => !second.page().manager.granted('analytics'), 'the second decision in the other page', 1000);
    expect(second.page().manager.decision).to.deep.equal(first.page().manager.decision);
    first.frame.remove();
    second.frame.remove();
  });

  it('a reset in one page makes the other ask again', async () => {
    const first = await openCorePage();
    const second = await openCorePage();
    await first.page().manager.acceptAll();
    await waitFor(() => second.page().manager.decision !== null, 'the decision in the other page', 1000);
    first.page().manager.reset();
    await waitFor(() => second.page().manager.decision === null, 'the reset in the other page', 1000);
    expect(second.page().manager.view).to.equal('banner');
    first.frame.remove();
    second.frame.remove();
  });
});

describe('storage failures: the choice is held in memory, one warning, nothing thrown into the page', () => {
  beforeEach(resetBrowserState);

  const cases: [string, string[], RegExp][] = [
    ['cookies blocked', ['cookies'], /consent cookie could not be stored/],
    ['IndexedDB unavailable', ['idb'], /history could not be saved/],
    ['IndexedDB quota exceeded', ['quota'], /history could not be saved/],
    ['cookies and IndexedDB both unavailable', ['cookies', 'idb'], /could not be (stored|saved)/],
  ];
  for (const [name, breaks, warning] of cases) {
    it(`keeps working when ${name}`, async () => {
      const { frame, page } = await openCorePage({ break: breaks });
      const manager = page().manager;
      await manager.rejectAll({ layer: 'banner' });
      const decision = await manager.set({ analytics: true });
      await manager.set({ preferences: true });
      expect(manager.decision?.categories).to.deep.equal({ session: true, preferences: true, analytics: true, promotional: false });
      expect(manager.decision?.consentId).to.equal(decision.consentId);
      expect(manager.granted('analytics')).to.equal(true);
      expect(manager.view).to.equal('none');
      expect(await manager.history()).to.be.an('array');
      const matching = page().warnings.filter((text) => warning.test(text));
      expect(matching.length, `one warning, got ${JSON.stringify(page().warnings)}`).to.be.at.least(1);
      expect(new Set(page().warnings).size, 'each warning once').to.equal(page().warnings.length);
      expect(page().errors, 'errors reaching the page').to.deep.equal([]);
      frame.remove();
    });
  }
});

describe('compliance C9: withdrawal and narrowing erase what the refused categories set', () => {
  beforeEach(resetBrowserState);

  it('lists every domain variant a cookie may have: host-only, .host, and each parent without www', () => {
    expect(domainVariants('www.shop.example.lv')).to.deep.equal([
      undefined,
      'www.shop.example.lv',
      '.www.shop.example.lv',
      'shop.example.lv',
      '.shop.example.lv',
      'example.lv',
      '.example.lv',
    ]);
    expect(domainVariants('localhost')).to.deep.equal([undefined, 'localhost', '.localhost']);
    expect(domainVariants('127.0.0.1')).to.deep.equal([undefined, '127.0.0.1']);
    expect(pathVariants('/shop/cart/')).to.deep.equal(['/', '/shop', '/shop/', '/shop/cart', '/shop/cart/']);
  });

  it('erases declared cookies under every path, prefix patterns included, and declared storage keys', async () => {
    const { frame, page } = await openCorePage({ config: cookieDeclaringConfig });
    const doc = frame.contentDocument!;
    const manager = page().manager;
    await manager.acceptAll();
    // What the scripts of each category left behind, under several paths.
    for (const path of ['/', '/test', '/test/fixtures', '/test/fixtures/']) {
      doc.cookie = `_ga=GA1.${path}; Path=${path}`;
    }
    doc.cookie = '_ga_XYZ123=GS1; Path=/';
    doc.cookie = '_gid=GA1.2; Path=/test/';
    doc.cookie = 'currency=EUR; Path=/';
    doc.cookie = '_fbp=fb.1; Path=/';
    doc.cookie = 'sid=abc; Path=/';
    doc.cookie = 'gallery_view=grid; Path=/';
    const storage = frame.contentWindow!.localStorage;
    storage.setItem('_ga_client', '1');
    frame.contentWindow!.sessionStorage.setItem('_ga_session', '1');
    storage.setItem('currency', 'EUR');
    const jar = cookieJar(doc);
    expect([...jar.keys()]).to.include.members(['_ga', '_ga_XYZ123', '_gid', 'currency', '_fbp', 'sid']);
    // Browsers refuse Domain=localhost, so domain variants are checked through domainVariants()
    // above; here the same name lives under four paths at once.
    const names = doc.cookie.split(';').map((pair) => pair.trim().split('=')[0]);
    expect(names.filter((name) => name === '_ga').length, '_ga under four paths').to.equal(4);

    await manager.set({ analytics: false });
    const after = doc.cookie.split(';').map((pair) => pair.trim().split('=')[0]);
    expect(
      after.filter((name) => name === '_ga' || name === '_ga_XYZ123' || name === '_gid'),
      'analytics cookies, every path',
    ).to.deep.equal([]);
    expect(after).to.include.members(['currency', '_fbp', 'sid', 'cookie_consent']);
    expect(after, 'a cookie no category declares is left alone').to.include('gallery_view');
    expect(storage.getItem('_ga_client')).to.equal(null);
    expect(frame.contentWindow!.sessionStorage.getItem('_ga_session')).to.equal(null);
    expect(storage.getItem('currency')).to.equal('EUR');

    await manager.withdraw();
    const withdrawn = doc.cookie.split(';').map((pair) => pair.trim().split('=')[0]);
    expect(withdrawn).to.not.include.members(['currency', '_fbp']);
    expect(withdrawn, 'required cookies and the consent cookie stay').to.include.members(['sid', 'cookie_consent']);
    expect(storage.getItem('currency')).to.equal(null);
    frame.remove();
  });
});

describe('reloadOnWithdraw: running scripts cannot be stopped, so a withdrawal may reload the page', () => {
  beforeEach(resetBrowserState);

  const cases: [string, boolean | undefined, boolean, boolean][] = [
    ['by default, when a script of the withdrawn category ran', undefined, true, true],
    ['not by default when none ran', undefined, false, false],
    ['always with reloadOnWithdraw: true', true, false, true],
    ['never with reloadOnWithdraw: false', false, true, false],
  ];
  for (const [name, reloadOnWithdraw, used, reloads] of cases) {
    it(`${reloads ? 'reloads' : 'does not reload'} ${name}`, async () => {
      const config = { revision: 1, policyUrl: '/privacy', ...(reloadOnWithdraw === undefined ? {} : { reloadOnWithdraw }) };
      const { frame, page } = await openCorePage({ config });
      await page().manager.acceptAll();
      if (used) page().manager.markCategoryUsed('analytics');
      const marker = page() as unknown as { beforeWithdrawal?: boolean };
      marker.beforeWithdrawal = true;
      let reloaded = false;
      frame.addEventListener('load', () => (reloaded = true), { once: true });
      await page().manager.set({ analytics: false });
      if (reloads) {
        // A loaded machine may take seconds to finish the reload.
        await waitFor(() => reloaded, 'the reload', 8000);
        await waitFor(() => page().started === true, 'the reloaded page');
        await page().manager.ready;
        expect(page().manager.granted('analytics'), 'the reloaded page keeps the withdrawal').to.equal(false);
      } else {
        // A reload is called for before set() resolves: by the time the page has settled, its
        // navigation would have replaced the window that holds the marker.
        await pageSettled();
        expect(reloaded, 'a load event').to.equal(false);
        expect(marker.beforeWithdrawal).to.equal(true);
      }
      frame.remove();
    });
  }

  it('reloads the other open page too when its scripts of the category ran', async () => {
    const first = await openCorePage();
    const second = await openCorePage();
    await first.page().manager.acceptAll();
    await waitFor(() => second.page().manager.granted('analytics'), 'the grant in the other page', 1000);
    second.page().manager.markCategoryUsed('analytics');
    let reloaded = false;
    second.frame.addEventListener('load', () => (reloaded = true), { once: true });
    await first.page().manager.withdraw();
    await waitFor(() => reloaded, 'the other page to reload', 8000);
    first.frame.remove();
    second.frame.remove();
  });
});
