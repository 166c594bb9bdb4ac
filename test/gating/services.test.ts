import { expect } from '@open-wc/testing';
import type { ConsentConfig } from '../../src/core/types.js';
import { cookieJar, openGatingPage, resetBrowserState, storeDecision, waitFor } from '../helpers.js';

const CONFIG: ConsentConfig = {
  revision: 1,
  policyUrl: '/privacy',
  reloadOnWithdraw: false,
  categories: [
    { id: 'session', required: true },
    { id: 'preferences' },
    {
      id: 'analytics',
      services: [
        { id: 'statistics', label: 'Statistics', erase: ['_stat*'] },
        { id: 'heatmap', label: 'Heatmap', erase: ['hm_*'] },
      ],
    },
    {
      id: 'promotional',
      services: [
        { id: 'pixel', label: 'Ad pixel' },
        { id: 'video', label: 'Video host' },
      ],
    },
  ],
};

const openServices = () => openGatingPage('services.html', { config: CONFIG });

describe('consent per service: the manager and the gating (compliance C27)', () => {
  beforeEach(resetBrowserState);

  it('set() takes services: a category named takes its services along, a service named wins over it', async () => {
    const { frame, page } = await openServices();
    const manager = page().manager;
    const decision = await manager.set({ analytics: true, heatmap: false });
    expect(decision.categories).to.deep.equal({ session: true, preferences: false, analytics: true, promotional: false });
    expect(decision.services).to.deep.equal({ statistics: true, heatmap: false, pixel: false, video: false });
    expect(manager.granted('statistics')).to.equal(true);
    expect(manager.granted('heatmap')).to.equal(false);
    expect(manager.granted('analytics')).to.equal(true);
    await waitFor(() => page().runs.includes('analytics-without-heatmap'), 'the scripts of the granted ids');
    expect(page().runs).to.have.members(['statistics', 'analytics', 'analytics-without-heatmap', 'not-heatmap']);
    frame.remove();
  });

  it('a category is granted when one of its services is, and a service never without its category', async () => {
    const { frame, page } = await openServices();
    const manager = page().manager;
    const onlyVideo = await manager.set({ video: true });
    expect(onlyVideo.categories['promotional'], 'one service grants its category').to.equal(true);
    expect(onlyVideo.services).to.deep.equal({ statistics: false, heatmap: false, pixel: false, video: true });
    const noneLeft = await manager.set({ video: false });
    expect(noneLeft.categories['promotional'], 'the last service off refuses its category').to.equal(false);
    const all = await manager.acceptAll();
    expect(Object.values(all.services!)).to.deep.equal([true, true, true, true]);
    const none = await manager.rejectAll();
    expect(Object.values(none.services!)).to.deep.equal([false, false, false, false]);
    expect(manager.granted('pixel')).to.equal(false);
    frame.remove();
  });

  it('whenGranted() takes a service id, and consent-change names the services that changed', async () => {
    const { frame, page } = await openServices();
    const manager = page().manager;
    await manager.set({ statistics: true });
    let resolved = false;
    const waiting = manager.whenGranted('heatmap').then(() => (resolved = true));
    await manager.set({ pixel: true });
    expect(resolved, 'not granted by another service').to.equal(false);
    await manager.set({ heatmap: true });
    await waiting;
    const last = page().changes.at(-1)!;
    expect(last.changed).to.deep.equal(['heatmap']);
    expect(page().changes.at(-2)!.changed).to.deep.equal(['promotional', 'pixel']);
    frame.remove();
  });

  it('mixes category and service ids in one data-consent expression', async () => {
    const { frame, page } = await openServices();
    await page().manager.set({ statistics: true, pixel: true });
    await waitFor(() => page().runs.includes('statistics-and-pixel'), 'the script that needs a service of each category');
    expect(page().runs).to.not.include('heatmap');
    frame.remove();
  });

  it("refusing a service erases that service's cookies and storage keys, not its neighbour's", async () => {
    const { frame, page } = await openServices();
    const manager = page().manager;
    await manager.set({ analytics: true });
    const doc = frame.contentDocument!;
    doc.cookie = 'hm_user=1; Path=/';
    doc.cookie = '_stat_id=1; Path=/';
    page().localStorage.setItem('hm_clicks', '12');
    await manager.set({ heatmap: false });
    await waitFor(() => !cookieJar(doc).has('hm_user'), "the heatmap's cookie erased");
    await waitFor(() => page().localStorage.getItem('hm_clicks') === null, "the heatmap's storage key erased");
    expect(cookieJar(doc).get('_stat_id'), "the statistics tool's cookie is kept").to.equal('1');
    frame.remove();
  });

  it('Google Consent Mode stays per category: one analytics service grants analytics_storage', async () => {
    const { frame, page } = await openGatingPage('services.html', { config: { ...CONFIG, googleConsentMode: true } });
    await page().manager.set({ heatmap: true });
    const updates = Array.from(page().dataLayer ?? []).filter((entry) => entry[0] === 'consent' && entry[1] === 'update');
    expect(updates.at(-1)![2]).to.include({ analytics_storage: 'granted', ad_storage: 'denied' });
    frame.remove();
  });

  it('a gated iframe of a service gets a placeholder that allows that service only', async () => {
    const { frame, page } = await openServices();
    const doc = frame.contentDocument!;
    await waitFor(() => doc.querySelector('[data-consent-placeholder="video"]') !== null, 'the placeholder');
    const button = doc.querySelector<HTMLButtonElement>('[data-consent-placeholder="video"] button')!;
    expect(button.textContent).to.equal('Allow Video host');
    button.click();
    await waitFor(() => doc.querySelector<HTMLIFrameElement>('#video')!.src.endsWith('embed.html?id=video'), 'the video to load');
    expect(page().manager.decision!.services).to.deep.equal({ statistics: false, heatmap: false, pixel: false, video: true });
    frame.remove();
  });

  it('a decision stored before the site added services asks again: its purposes changed', async () => {
    await storeDecision({ analytics: true }, 'custom', { ...CONFIG, categories: CONFIG.categories!.map(({ services: _services, ...category }) => category) });
    const { frame, page } = await openServices();
    expect(page().manager.decision).to.equal(null);
    expect(page().manager.view).to.equal('banner');
    expect(page().runs).to.deep.equal([]);
    frame.remove();
  });
});
