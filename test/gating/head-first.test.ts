import { expect } from '@open-wc/testing';
import { openGatingPage, requestedFixtures, resetBrowserState, pageSettled, storeDecision, waitFor, type GatingPageWindow } from '../helpers.js';

/** The test server's own live-reload script is not the widget's: the pages' CSP blocks it, by design. */
const widgetViolations = (win: GatingPageWindow): string[] => win.violations.filter((text) => !text.includes('__web-dev-server'));
const entries = (win: GatingPageWindow): unknown[][] => Array.from(win.dataLayer ?? [], (entry) => Array.from(entry));

const DENIED_DEFAULT = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
  wait_for_update: 500,
};
const ANALYTICS_ONLY = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'granted',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

function startOf(win: GatingPageWindow, id: string): number {
  const entry = win.performance.getEntriesByType('resource').find((resource) => resource.name.includes(`id=${id}`));
  if (!entry) throw new Error(`${id} was not requested`);
  return entry.startTime;
}

describe('head-first: dist/cookie-consent.js placed first in <head>', () => {
  beforeEach(resetBrowserState);

  it("compliance C1, C13: without a decision, gates every tag after it; Consent Mode default comes before the page's gtag commands", async () => {
    const { frame, page } = await openGatingPage('head-first.html');
    await pageSettled();
    expect(page().runs).to.deep.equal([]);
    expect(requestedFixtures(page())).to.deep.equal([]);
    expect(entries(page())).to.deep.equal([
      ['consent', 'default', DENIED_DEFAULT],
      ['js', 'start'],
      ['config', 'G-TEST'],
    ]);

    await page().manager.set({ analytics: true }, { layer: 'banner' });
    await waitFor(() => page().runs.length === 5, `five scripts (ran ${page().runs.join(', ')})`);
    // After parsing, defer no longer waits for anything: document order.
    expect(page().runs).to.deep.equal(['head-inline-1', 'head-inline-2', 'head-external-3', 'body-defer-4', 'body-external-5']);
    expect(entries(page()).slice(3)).to.deep.equal([['consent', 'update', ANALYTICS_ONLY]]);
    frame.remove();
  });

  it('compliance C10, C13: a stored decision activates the parsed scripts during page load, before DOMContentLoaded, in document order', async () => {
    await storeDecision({ analytics: true });
    const { frame, page } = await openGatingPage('head-first.html');
    await waitFor(() => page().runs.length === 5, `five scripts (ran ${page().runs.join(', ')})`);
    await pageSettled();
    const win = page() as GatingPageWindow & { runsAtFirstMarker: string[]; runsAtLastMarker: string[] };
    expect(win.runs, 'non-async in document order, defer after parsing').to.deep.equal([
      'head-inline-1',
      'head-inline-2',
      'head-external-3',
      'body-external-5',
      'body-defer-4',
    ]);
    expect(win.runsAtFirstMarker, 'run before the parser reached the next ungated script').to.deep.equal(['head-inline-1', 'head-inline-2']);
    expect(win.runInfo['head-inline-1']!.readyState).to.equal('loading');
    const navigation = win.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    expect(startOf(win, 'head-external-3'), 'requested before DOMContentLoaded').to.be.below(navigation.domContentLoadedEventStart);
    expect(startOf(win, 'body-external-5'), 'requested before DOMContentLoaded').to.be.below(navigation.domContentLoadedEventStart);
    expect(win.runs).to.not.include('body-refused');
    // docs/compliance.md C13: default, then the stored decision's update, then the page's tag commands.
    expect(entries(win)).to.deep.equal([
      ['consent', 'default', DENIED_DEFAULT],
      ['consent', 'update', ANALYTICS_ONLY],
      ['js', 'start'],
      ['config', 'G-TEST'],
    ]);
    expect(win.errors).to.deep.equal([]);
    frame.remove();
  });
});

describe('compliance C23, C24: strict CSP with nonces and strict-dynamic, Trusted Types', () => {
  beforeEach(resetBrowserState);

  it('the script-tag build runs consented inline, external, module and template scripts with the page nonce and no violation', async () => {
    const { frame, page } = await openGatingPage('csp-head-first.html');
    await page().manager.acceptAll();
    await waitFor(() => page().runs.length === 5, `five scripts (ran ${page().runs.join(', ')})`);
    await pageSettled();
    expect(page().runs).to.deep.equal(['csp-inline-1', 'csp-external-2', 'csp-module-3', 'csp-inline-4', 'csp-template-5']);
    for (const id of ['csp-inline-1', 'csp-external-2', 'csp-inline-4', 'csp-template-5']) {
      expect(page().runInfo[id]!.nonce, `${id} carries the nonce`).to.equal('head1st');
    }
    expect(widgetViolations(page()), 'securitypolicyviolation events').to.deep.equal([]);
    expect(page().errors).to.deep.equal([]);
    frame.remove();
  });

  it('the core creates only the "cookie-consent" policy: it works where that is the one policy allowed', async () => {
    const { frame, page } = await openGatingPage('csp-core.html');
    expect(widgetViolations(page()), 'before consent').to.deep.equal([]);
    await page().manager.acceptAll();
    await waitFor(() => page().runs.length === 5, `five scripts (ran ${page().runs.join(', ')}; ${page().warnings.join(' / ')})`);
    await pageSettled();
    // The embed loads on its own time; the scripts keep document order.
    expect(page().runs.filter((id) => id.startsWith('core-'))).to.deep.equal(['core-inline-1', 'core-external-2', 'core-inline-module-3', 'core-template-4']);
    expect(page().runs).to.include('embed-core-embed');
    expect(page().runInfo['core-inline-1']!.nonce).to.equal('c0re');
    expect(widgetViolations(page()), 'securitypolicyviolation events').to.deep.equal([]);
    const trustedTypes = (page() as unknown as { trustedTypes?: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;
    if (trustedTypes) {
      // Where Trusted Types are enforced, any other policy name is refused on this page.
      expect(() => trustedTypes.createPolicy('another', {})).to.throw();
    }
    frame.remove();
  });
});
