import { expect } from '@open-wc/testing';
import { openGatingPage, resetBrowserState, storeDecision, waitFor, type GatingPageWindow } from '../helpers.js';

type Tags = GatingPageWindow & { tagsReady?: boolean; gtag?: unknown };

const KEYS = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];

function consent(states: { ads: string; analytics: string; preferences: string }): Record<string, string> {
  return {
    ad_storage: states.ads,
    ad_user_data: states.ads,
    ad_personalization: states.ads,
    analytics_storage: states.analytics,
    functionality_storage: states.preferences,
    personalization_storage: states.preferences,
    security_storage: 'granted',
  };
}
const ALL_DENIED = consent({ ads: 'denied', analytics: 'denied', preferences: 'denied' });
const ALL_GRANTED = consent({ ads: 'granted', analytics: 'granted', preferences: 'granted' });
const DEFAULT = { ...ALL_DENIED, wait_for_update: 500 };

async function openTags(options: Parameters<typeof openGatingPage>[1] = {}) {
  const opened = await openGatingPage('tags.html', options);
  await waitFor(() => (opened.page() as Tags).tagsReady === true, 'the page tags');
  return { ...opened, page: () => opened.page() as Tags };
}

const entries = (win: GatingPageWindow): unknown[][] => Array.from(win.dataLayer ?? [], (entry) => Array.from(entry));

describe('compliance C13: Google Consent Mode v2', () => {
  beforeEach(resetBrowserState);

  it('pushes default (all seven keys denied but security_storage, wait_for_update) before any tag command, as gtag arguments', async () => {
    const { frame, page } = await openTags();
    expect(entries(page())).to.deep.equal([
      ['consent', 'default', DEFAULT],
      ['js', 'start'],
      ['config', 'G-TEST'],
    ]);
    const [command] = Array.from(page().dataLayer!);
    // gtag.js reads only arguments objects from the dataLayer, never arrays.
    expect(Object.prototype.toString.call(command)).to.equal('[object Arguments]');
    expect(Object.keys(entries(page())[0]![2] as object).filter((key) => KEYS.includes(key))).to.have.length(7);
    frame.remove();
  });

  it('pushes update on every decision, with the mapping of categories to keys, in order', async () => {
    const { frame, page } = await openTags();
    const manager = page().manager;
    await manager.acceptAll();
    await manager.set({ promotional: false });
    await manager.set({ preferences: false, analytics: true });
    await manager.rejectAll();
    await manager.set({ promotional: true });
    await manager.withdraw();
    expect(entries(page())).to.deep.equal([
      ['consent', 'default', DEFAULT],
      ['js', 'start'],
      ['config', 'G-TEST'],
      ['consent', 'update', ALL_GRANTED],
      ['consent', 'update', consent({ ads: 'denied', analytics: 'granted', preferences: 'granted' })],
      ['consent', 'update', consent({ ads: 'denied', analytics: 'granted', preferences: 'denied' })],
      ['consent', 'update', ALL_DENIED],
      ['consent', 'update', consent({ ads: 'granted', analytics: 'denied', preferences: 'denied' })],
      // docs/compliance.md C9: a withdrawal sends everything back to denied.
      ['consent', 'update', ALL_DENIED],
    ]);
    frame.remove();
  });

  it('pushes update again on a later page load with a stored decision, right after default and before the tags', async () => {
    await storeDecision({ analytics: true, preferences: true });
    const { frame, page } = await openTags();
    expect(entries(page())).to.deep.equal([
      ['consent', 'default', DEFAULT],
      ['consent', 'update', consent({ ads: 'denied', analytics: 'granted', preferences: 'granted' })],
      ['js', 'start'],
      ['config', 'G-TEST'],
    ]);
    frame.remove();
  });

  it('takes wait_for_update and region from the configuration', async () => {
    const { frame, page } = await openTags({
      config: { revision: 1, policyUrl: '/privacy', googleConsentMode: { waitForUpdate: 2000, region: ['LV', 'US-CA'] } },
    });
    expect(entries(page())[0]).to.deep.equal(['consent', 'default', { ...ALL_DENIED, wait_for_update: 2000, region: ['LV', 'US-CA'] }]);
    frame.remove();
  });

  it('sends an update for a decision made in another tab (compliance C13)', async () => {
    const first = await openTags();
    const second = await openTags();
    await first.page().manager.acceptAll();
    await waitFor(() => entries(second.page()).length === 4, 'the update in the other page', 2000);
    expect(entries(second.page())[3]).to.deep.equal(['consent', 'update', ALL_GRANTED]);
    first.frame.remove();
    second.frame.remove();
  });

  it('sends nothing with googleConsentMode: false, and leaves gtag to the page', async () => {
    const { frame, page } = await openTags({ config: { revision: 1, policyUrl: '/privacy', googleConsentMode: false } });
    await page().manager.acceptAll();
    expect(entries(page())).to.deep.equal([
      ['js', 'start'],
      ['config', 'G-TEST'],
    ]);
    frame.remove();
  });
});
