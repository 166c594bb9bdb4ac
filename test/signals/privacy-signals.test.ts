import { expect } from '@open-wc/testing';
import { cookieJar, openGatingPage, pageSettled, resetBrowserState, waitFor } from '../helpers.js';
import type { ConsentManager } from '../../src/core/manager.js';

type SignalsManager = ConsentManager & { gpcHonoured: boolean; dntHonoured: boolean };

const adStorage = (dataLayer: ArrayLike<unknown>[] | undefined): unknown =>
  (Array.from(Array.from(dataLayer ?? []).at(-1) ?? [])[2] as Record<string, unknown> | undefined)?.['ad_storage'];

describe('compliance C15: Global Privacy Control', () => {
  beforeEach(resetBrowserState);

  it('is honoured without asking: promotional starts refused, no decision is made for the visitor, no modal opens', async () => {
    const { frame, page } = await openGatingPage('tags.html', { gpc: true });
    const manager = page().manager as SignalsManager;
    expect((page().navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl, 'the browser sends GPC').to.equal(true);
    expect(manager.gpcHonoured).to.equal(true);
    expect(manager.granted('promotional')).to.equal(false);
    expect(manager.decision, 'GPC alone decides nothing else').to.equal(null);
    expect(manager.view, 'the ordinary banner, not a modal of its own').to.equal('banner');
    expect(cookieJar(page().document).has('cookie_consent')).to.equal(false);
    expect(() => ((manager as unknown as { gpcHonoured: boolean }).gpcHonoured = false), 'read-only').to.throw();
    frame.remove();
  });

  it('"Accept all" under GPC keeps promotional refused, recorded with method "gpc"; Consent Mode keeps ads denied', async () => {
    const { frame, page } = await openGatingPage('tags.html', { gpc: true });
    const decision = await page().manager.acceptAll({ layer: 'banner' });
    expect(decision.method).to.equal('gpc');
    expect(decision.categories).to.deep.equal({ session: true, preferences: true, analytics: true, promotional: false });
    expect(adStorage(page().dataLayer)).to.equal('denied');
    frame.remove();
  });

  it('an explicit opt-in to promotional by the visitor still wins', async () => {
    const { frame, page } = await openGatingPage('tags.html', { gpc: true });
    await page().manager.acceptAll();
    const decision = await page().manager.set({ promotional: true }, { layer: 'preferences' });
    expect(decision.method).to.equal('custom');
    expect(decision.categories['promotional']).to.equal(true);
    expect(adStorage(page().dataLayer)).to.equal('granted');
    frame.remove();
  });

  it('is ignored with gpc: false, and absent without the signal', async () => {
    const off = await openGatingPage('tags.html', { gpc: true, config: { revision: 1, policyUrl: '/privacy', gpc: false } });
    expect((off.page().manager as SignalsManager).gpcHonoured).to.equal(false);
    expect((await off.page().manager.acceptAll()).method).to.equal('accept-all');
    off.frame.remove();
    await resetBrowserState();
    const none = await openGatingPage('tags.html');
    expect((none.page().manager as SignalsManager).gpcHonoured).to.equal(false);
    const decision = await none.page().manager.acceptAll();
    expect([decision.method, decision.categories['promotional']]).to.deep.equal(['accept-all', true]);
    none.frame.remove();
  });

  it('keeps promotional scripts from running after "Accept all"', async () => {
    const { frame, page } = await openGatingPage('scripts.html', { gpc: true });
    await page().manager.acceptAll();
    await waitFor(() => page().runs.includes('a-inline-7'), 'the analytics scripts');
    await pageSettled();
    expect(page().runs.filter((id) => id.startsWith('p-') || id === 'analytics-and-promotional')).to.deep.equal([]);
    expect(page().runs).to.include('not-promotional');
    frame.remove();
  });
});

describe('compliance C16: Do Not Track only ever makes the result more private', () => {
  beforeEach(resetBrowserState);

  it('"Accept all" under DNT keeps promotional refused (method "custom"); an explicit opt-in wins; dnt: false ignores it', async () => {
    const { frame, page } = await openGatingPage('tags.html', { dnt: true });
    const manager = page().manager as SignalsManager;
    expect([manager.dntHonoured, manager.gpcHonoured]).to.deep.equal([true, false]);
    const accepted = await manager.acceptAll();
    expect(accepted.method).to.equal('custom');
    expect(accepted.categories).to.deep.equal({ session: true, preferences: true, analytics: true, promotional: false });
    expect((await manager.set({ promotional: true })).categories['promotional']).to.equal(true);
    frame.remove();

    await resetBrowserState();
    const off = await openGatingPage('tags.html', { dnt: true, config: { revision: 1, policyUrl: '/privacy', dnt: false } });
    expect((off.page().manager as SignalsManager).dntHonoured).to.equal(false);
    expect((await off.page().manager.acceptAll()).categories['promotional']).to.equal(true);
    off.frame.remove();
  });

  it('never grants anything by itself: "Reject all" stays a refusal', async () => {
    const { frame, page } = await openGatingPage('tags.html', { dnt: true });
    expect(page().manager.decision).to.equal(null);
    const decision = await page().manager.rejectAll();
    expect(decision.method).to.equal('reject-all');
    expect(Object.values(decision.categories).filter(Boolean)).to.have.length(1);
    frame.remove();
  });
});
