import { expect } from '@open-wc/testing';
import { openGatingPage, resetBrowserState, storeDecision, waitFor, type GatingPageWindow } from '../helpers.js';

type Tags = GatingPageWindow & { tagsReady?: boolean; fbq?: unknown };

async function openTags(config: object = {}) {
  const opened = await openGatingPage('tags.html', { config: { revision: 1, policyUrl: '/privacy', ...config } });
  await waitFor(() => (opened.page() as Tags).tagsReady === true, 'the page tags');
  return { ...opened, page: () => opened.page() as Tags };
}

describe('compliance C14: Microsoft UET consent', () => {
  beforeEach(resetBrowserState);

  it('pushes default denied before the tag, then update following promotional on every decision', async () => {
    const { frame, page } = await openTags({ uet: true });
    expect(page().uetq).to.deep.equal(['consent', 'default', { ad_storage: 'denied' }, 'pageLoad']);
    await page().manager.acceptAll();
    await page().manager.set({ promotional: false });
    expect(page().uetq!.slice(4)).to.deep.equal(['consent', 'update', { ad_storage: 'granted' }, 'consent', 'update', { ad_storage: 'denied' }]);
    frame.remove();
  });

  it('pushes the stored decision on a later page load, before the tag', async () => {
    await storeDecision({ promotional: true });
    const { frame, page } = await openTags({ uet: true });
    expect(page().uetq).to.deep.equal(['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }, 'pageLoad']);
    frame.remove();
  });

  it('sends nothing unless enabled', async () => {
    const { frame, page } = await openTags();
    await page().manager.acceptAll();
    expect(page().uetq).to.deep.equal(['pageLoad']);
    frame.remove();
  });
});

describe('compliance C14: Meta Pixel consent', () => {
  beforeEach(resetBrowserState);

  it("revokes before the page's fbq('init'), grants on consent to promotional, revokes on withdrawal", async () => {
    const { frame, page } = await openTags({ meta: true });
    await waitFor(() => (page().fbqCalls ?? []).length === 3, 'fbevents.js to replay the queue');
    expect(page().fbqCalls).to.deep.equal([
      ['consent', 'revoke'],
      ['init', '1234567890'],
      ['track', 'PageView'],
    ]);
    expect(page().fbq, 'the base code kept its own fbq and loaded fbevents.js').to.have.property('callMethod');
    await page().manager.set({ analytics: true });
    await page().manager.set({ promotional: true });
    await page().manager.withdraw();
    expect(page().fbqCalls!.slice(3)).to.deep.equal([
      ['consent', 'revoke'],
      ['consent', 'grant'],
      ['consent', 'revoke'],
    ]);
    frame.remove();
  });

  it('grants first on a later page load with promotional stored', async () => {
    await storeDecision({ promotional: true });
    const { frame, page } = await openTags({ meta: true });
    await waitFor(() => (page().fbqCalls ?? []).length === 3, 'fbevents.js to replay the queue');
    expect(page().fbqCalls).to.deep.equal([
      ['consent', 'grant'],
      ['init', '1234567890'],
      ['track', 'PageView'],
    ]);
    frame.remove();
  });

  it('sends nothing unless enabled', async () => {
    const { frame, page } = await openTags();
    await waitFor(() => (page().fbqCalls ?? []).length === 2, 'fbevents.js to replay the queue');
    await page().manager.acceptAll();
    expect(page().fbqCalls).to.deep.equal([
      ['init', '1234567890'],
      ['track', 'PageView'],
    ]);
    frame.remove();
  });
});
