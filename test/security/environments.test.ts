import { expect } from '@open-wc/testing';
import { pageSettled, pollInterval, resetBrowserState, waitFor } from '../helpers.js';
import { note, openSecurityPage, securityUrl, waitForBanner, waitForDialog, type SecurityPage } from './security-helpers.js';

/**
 * Broken environments for the whole widget (script-tag build, interface included): the page keeps
 * working, the visitor's choice holds for the page, and when it cannot be kept beyond the page the
 * widget says so (one console warning) instead of losing it silently.
 */

async function acceptThroughTheBanner(page: SecurityPage): Promise<void> {
  await waitForBanner(page);
  await page.click('[part~="banner"] [part~="accept-all"]');
  await waitFor(() => page.page().runs.length === 3, `the consented scripts (ran ${page.page().runs.join(', ')})`);
  await waitFor(() => page.visible('[part~="settings-button"]') !== null, 'the settings button');
}

function expectPageWorks(page: SecurityPage, where: string): void {
  const win = page.page();
  expect(win.pageAlive, `${where}: the page's own script ran`).to.equal(true);
  const clicks = win.pageClicks ?? 0;
  win.document.getElementById('page-button')!.click();
  expect(win.pageClicks, `${where}: the page's own button works`).to.equal(clicks + 1);
  expect(win.errors, `${where}: errors reaching the page`).to.deep.equal([]);
  expect(win.violations, `${where}: CSP violations`).to.deep.equal([]);
}

const BROKEN: [string, string[], RegExp | null][] = [
  ['cookies blocked', ['cookies'], /consent cookie could not be stored/],
  ['no IndexedDB at all', ['idb-missing'], /history could not be saved/],
  ['IndexedDB throwing on open', ['idb'], /history could not be saved/],
  ['IndexedDB over quota', ['quota'], /history could not be saved/],
  ['no BroadcastChannel', ['broadcast'], null],
  ['cookies blocked and IndexedDB throwing', ['cookies', 'idb'], /could not be (stored|saved)/],
];

describe('broken environments: the whole widget under a strict CSP header', () => {
  beforeEach(resetBrowserState);

  for (const [name, breaks, warning] of BROKEN) {
    it(`${name}: banner, decision, gated scripts, dialog and the page all work; ${warning ? 'one warning says what was not kept' : 'no warning needed'}`, async () => {
      const page = await openSecurityPage('script-tag.html', {
        csp: 'strict',
        break: breaks,
        config: { revision: 1, policyUrl: '/privacy', reloadOnWithdraw: false, endpoint: '/test-receiver/security-env/consent' },
      });
      await acceptThroughTheBanner(page);
      const win = page.page();
      expect(win.manager!.decision?.method, 'the choice holds for the page').to.equal('accept-all');
      expect(win.manager!.granted('analytics')).to.equal(true);
      await page.click('[part~="settings-button"]');
      await waitForDialog(page);
      await waitFor(() => page.shadow()!.querySelector('[part~="receipt"]') !== null, 'the receipt');
      await page.click('dialog [part~="reject-all"]');
      await waitFor(() => win.manager!.decision?.method === 'reject-all', 'the second choice');
      // The history is written after the decision, and IndexedDB fails when it fails: waited for, not assumed done.
      if (warning) await waitFor(() => win.warnings.some((text) => warning.test(text)), `the warning, got ${JSON.stringify(win.warnings)}`).catch(() => {});
      await pageSettled();
      if (warning) {
        const matching = win.warnings.filter((text) => warning.test(text));
        expect(matching.length, `the warning, got ${JSON.stringify(win.warnings)}`).to.be.at.least(1);
      }
      expect(new Set(win.warnings).size, 'each warning once').to.equal(win.warnings.length);
      expectPageWorks(page, name);
      page.frame.remove();
    });
  }

  it('the script tag twice: one manager, one element, one banner; the first configuration wins; each gated script runs once', async () => {
    const page = await openSecurityPage('twice.html', { csp: 'strict', config: { revision: 1, policyUrl: '/privacy', reloadOnWithdraw: false } });
    const win = page.page();
    expect(win.document.querySelectorAll('cookie-consent').length).to.equal(1);
    expect(win.manager!.config?.policyUrl).to.equal('/privacy');
    await acceptThroughTheBanner(page);
    await pageSettled();
    expect([...win.runs].sort()).to.deep.equal(['external-analytics', 'inline-analytics', 'inline-promotional']);
    expectPageWorks(page, 'twice');
    page.frame.remove();
  });

  it('two copies (script tag + npm element) without any CSP: one interface, one manager, gated scripts once', async () => {
    const page = await openSecurityPage('two-copies.html', { csp: 'none' });
    const win = page.page();
    await waitFor(() => win.npmLoaded === true, 'the npm copy');
    await acceptThroughTheBanner(page);
    await pageSettled();
    expect([...win.runs].sort()).to.deep.equal(['external-analytics', 'inline-analytics', 'inline-promotional']);
    expect(win.document.querySelectorAll('cookie-consent').length).to.equal(1);
    expectPageWorks(page, 'two copies');
    page.frame.remove();
  });

  it('the page removes <cookie-consent> while the dialog is open: the page is not left inert; a new element takes over and the choice is saved', async () => {
    const page = await openSecurityPage('script-tag.html', { csp: 'strict' });
    const win = page.page();
    const doc = win.document;
    await waitForBanner(page);
    await page.click('[part~="banner"] [part~="customize"]');
    await waitForDialog(page);
    page.element().remove();
    // A modal dialog taken out of the document leaves the top layer: the page answers again.
    const button = doc.getElementById('page-button')!;
    const box = button.getBoundingClientRect();
    await waitFor(() => doc.elementFromPoint(box.left + 2, box.top + 2) === button, 'the page to answer clicks again (not inert)');
    await waitFor(() => doc.documentElement.style.paddingBottom === '', 'the reserved space to be given back');
    expectPageWorks(page, 'element removed');
    expect(win.manager!.decision, 'nothing was decided for the visitor').to.equal(null);

    doc.body.append(doc.createElement('cookie-consent'));
    await waitForDialog(page);
    page.shadow()!.querySelector<HTMLInputElement>('#cc-switch-analytics')!.click();
    await page.click('dialog [part~="save"]');
    await waitFor(() => win.manager!.decision?.method === 'custom', 'the choice made in the new element');
    await waitFor(() => win.runs.length === 2, 'the analytics scripts');
    expect(win.document.cookie).to.include('cookie_consent=');
    expectPageWorks(page, 'element re-added');
    page.frame.remove();
  });
});

interface Report {
  probe: true;
  id: number;
  origin: string;
  runs: string[];
  errors: string[];
  warnings: string[];
  violations: string[];
  ready: boolean;
  method: string | null;
  analytics: boolean | null;
  banner: boolean;
  settingsButton: boolean;
  cookieKept: boolean | string | null;
  pageAlive: boolean;
}

/** A frame of another origin, driven through probe.js's message protocol. */
async function openForeignFrame(src: string, sandbox?: string) {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  let next = 0;
  const ask = (click?: string): Promise<Report> =>
    new Promise((resolve) => {
      const id = ++next;
      const onMessage = (event: MessageEvent): void => {
        if (event.source !== frame.contentWindow || event.data?.probe !== true || event.data.id !== id) return;
        removeEventListener('message', onMessage);
        resolve(event.data as Report);
      };
      addEventListener('message', onMessage);
      frame.contentWindow!.postMessage({ probe: true, id, click }, '*');
    });
  const until = async (condition: (report: Report) => boolean, what: string): Promise<Report> => {
    let last: Report | undefined;
    const started = performance.now();
    while (performance.now() - started < 5000) {
      last = await ask();
      if (condition(last)) return last;
      await pollInterval();
    }
    throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
  };
  return { frame, ask, until };
}

describe('the widget inside frames of another origin', () => {
  beforeEach(resetBrowserState);

  it('a sandboxed frame without allow-same-origin (document.cookie and storage throw): banner, decision for the page, gated scripts, no exception', async () => {
    const { frame, ask, until } = await openForeignFrame(securityUrl('script-tag.html', { csp: 'strict' }), 'allow-scripts');
    const first = await until((report) => report.banner, 'the banner');
    expect(first.origin, 'an opaque origin').to.equal('null');
    expect(first.cookieKept).to.match(/^throws/);
    await ask('[part~="banner"] [part~="accept-all"]');
    const after = await until((report) => report.runs.length === 3 && report.settingsButton, 'the decision');
    expect(after.method).to.equal('accept-all');
    expect(after.analytics).to.equal(true);
    expect(after.errors, 'errors reaching the page').to.deep.equal([]);
    expect(after.violations).to.deep.equal([]);
    expect(after.pageAlive).to.equal(true);
    expect(after.warnings.join('\n'), 'the visitor is told through the console that the choice is for this page only').to.match(/could not be stored/);
    note(`sandboxed frame: cookie ${after.cookieKept}; warnings: ${after.warnings.join(' / ')}`);
    frame.remove();
  });

  it('a cross-site frame (127.0.0.1 inside localhost): works; the cookie is kept where the browser allows it, else a warning says so', async () => {
    const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const origin = `${location.protocol}//${otherHost}:${location.port}`;
    const { frame, ask, until } = await openForeignFrame(securityUrl('script-tag.html', { csp: 'strict' }, origin));
    await until((report) => report.banner, 'the banner');
    await ask('[part~="banner"] [part~="accept-all"]');
    const after = await until((report) => report.runs.length === 3 && report.settingsButton, 'the decision');
    expect(after.method).to.equal('accept-all');
    expect(after.errors).to.deep.equal([]);
    expect(after.violations).to.deep.equal([]);
    if (after.cookieKept === true) {
      note('cross-site frame: the consent cookie (SameSite=Lax) was kept (partitioned or third-party cookies allowed).');
    } else {
      note(`cross-site frame: the consent cookie was not kept (${String(after.cookieKept)}); the choice holds for the page and the widget warned.`);
      expect(after.warnings.join('\n')).to.match(/could not be stored/);
    }
    frame.remove();
  });
});
