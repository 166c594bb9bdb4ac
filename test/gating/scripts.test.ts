import { expect } from '@open-wc/testing';
import { openGatingPage, requestedFixtures, resetBrowserState, storeDecision, pageSettled, waitFor } from '../helpers.js';

type Page = Awaited<ReturnType<typeof openGatingPage>>;

const ANALYTICS_IN_ORDER = ['a-external-1', 'a-inline-2', 'a-external-3', 'a-module-4', 'a-inline-module-5', 'a-defer-6'];
const ANALYTICS_URLS = [
  '/test/fixtures/gating/record.js?id=a-external-1',
  '/test/fixtures/gating/record.js?id=a-external-3',
  '/test/fixtures/gating/record-module.js?id=a-module-4',
  '/test/fixtures/gating/record.js?id=a-async',
  '/test/fixtures/gating/record.js?id=a-defer-6',
];

/** The runs without the async script, whose place is up to the network. */
function ordered(page: Page): string[] {
  return page.page().runs.filter((id) => id !== 'a-async');
}

async function waitForRuns(page: Page, count: number): Promise<void> {
  await waitFor(() => page.page().runs.length >= count, `${count} scripts to run (ran: ${page.page().runs.join(', ')})`);
  await pageSettled();
}

describe('script gating: the data-category markup', () => {
  beforeEach(resetBrowserState);

  it('compliance C1, C3: before a decision no gated script runs and no gated URL is requested', async () => {
    const page = await openGatingPage('scripts.html');
    await pageSettled();
    expect(page.page().runs, 'scripts that ran').to.deep.equal([]);
    expect(requestedFixtures(page.page()), 'gated URLs requested').to.deep.equal([]);
    expect(page.page().document.querySelectorAll('script[type="text/plain"][data-consent]').length).to.equal(14);
    // Silence and hiding the banner are not consent.
    page.page().manager.hide();
    await pageSettled();
    expect(page.page().runs).to.deep.equal([]);
    expect(page.page().errors).to.deep.equal([]);
    page.frame.remove();
  });

  it('compliance C4: granting analytics runs exactly the analytics scripts, once each, in document order; !promotional runs on its refusal', async () => {
    const page = await openGatingPage('scripts.html');
    await page.page().manager.set({ analytics: true });
    await waitForRuns(page, 9);
    expect(ordered(page)).to.deep.equal([...ANALYTICS_IN_ORDER, 'not-promotional', 'a-inline-7']);
    expect(page.page().runs.filter((id) => id === 'a-async')).to.have.length(1);
    const requested = requestedFixtures(page.page());
    expect([...requested].sort()).to.deep.equal([...ANALYTICS_URLS, '/test/fixtures/gating/record.js?id=not-promotional'].sort());
    expect(
      requested.some((path) => path.includes('p-external')),
      'no promotional URL',
    ).to.equal(false);

    // Granting promotional later runs only what it adds; nothing runs twice.
    await page.page().manager.set({ promotional: true });
    await waitForRuns(page, 12);
    expect(ordered(page).slice(8)).to.deep.equal(['p-external-1', 'p-inline-2', 'analytics-and-promotional']);
    await page.page().manager.set({ analytics: true, promotional: true });
    await pageSettled();
    const counts = new Map<string, number>();
    page.page().runs.forEach((id) => counts.set(id, (counts.get(id) ?? 0) + 1));
    expect(
      [...counts.values()].every((count) => count === 1),
      `each once: ${page.page().runs.join(', ')}`,
    ).to.equal(true);
    expect(page.page().runs).to.not.include('not-analytics');
    expect(page.page().runs).to.not.include('preferences-typed');
    expect(page.page().errors).to.deep.equal([]);
    page.frame.remove();
  });

  it('compliance C4: keeps type="module" from data-type, async and defer, other attributes, and inline modules', async () => {
    const page = await openGatingPage('scripts.html');
    await page.page().manager.acceptAll();
    await waitForRuns(page, 12);
    const info = page.page().runInfo;
    expect(info['a-async']!.async, 'async kept').to.equal(true);
    expect(info['a-external-1']!.async, 'non-async ones are not made async').to.equal(false);
    expect(info['a-defer-6']!.defer, 'defer kept').to.equal(true);
    const doc = page.page().document;
    expect(doc.querySelector('script[src*="a-module-4"]')!.getAttribute('type')).to.equal('module');
    expect(doc.querySelector('script[data-note="kept"]')!.getAttribute('type'), 'data-type becomes the type').to.equal('text/javascript');
    expect(doc.querySelector('script[data-note="kept"]')!.getAttribute('data-consent')).to.equal('preferences');
    expect(doc.querySelectorAll('script[type="text/plain"][data-consent]').length, 'only the refusal scripts stay inert').to.equal(2);
    expect(page.page().runs).to.have.length(14 - 2);
    page.frame.remove();
  });

  it('compliance C4: "Reject all" runs only the !category scripts, once', async () => {
    const page = await openGatingPage('scripts.html');
    await page.page().manager.rejectAll();
    await waitForRuns(page, 2);
    expect(page.page().runs).to.deep.equal(['not-analytics', 'not-promotional']);
    expect(requestedFixtures(page.page())).to.deep.equal(['/test/fixtures/gating/record.js?id=not-promotional']);
    await page.page().manager.rejectAll();
    await pageSettled();
    expect(page.page().runs).to.deep.equal(['not-analytics', 'not-promotional']);
    page.frame.remove();
  });

  it('compliance C10: a stored decision runs its scripts on the next page load, once each, in document order', async () => {
    await storeDecision({ analytics: true });
    const page = await openGatingPage('scripts.html');
    await waitForRuns(page, 9);
    expect(ordered(page)).to.deep.equal([...ANALYTICS_IN_ORDER, 'not-promotional', 'a-inline-7']);
    page.frame.remove();
  });

  it('compliance C9: after a withdrawal the page reloads and no analytics script runs or is requested again', async () => {
    const page = await openGatingPage('scripts.html');
    await page.page().manager.set({ analytics: true });
    await waitForRuns(page, 9);
    const reloaded = new Promise<void>((resolve) => page.frame.addEventListener('load', () => resolve(), { once: true }));
    await page.page().manager.withdraw();
    await reloaded;
    await waitFor(() => page.page().manager !== undefined, 'the reloaded page');
    await page.page().manager.ready;
    await waitForRuns(page, 2);
    expect(page.page().manager.decision?.method).to.equal('withdraw');
    expect(page.page().runs).to.deep.equal(['not-analytics', 'not-promotional']);
    expect(requestedFixtures(page.page())).to.deep.equal(['/test/fixtures/gating/record.js?id=not-promotional']);
    page.frame.remove();
  });
});
