import { expect } from '@open-wc/testing';
import { pageSettled, resetBrowserState, waitFor } from '../helpers.js';
import { openSecurityPage, pageNonce, waitForBanner, waitForDialog, type SecurityPage } from './security-helpers.js';

/**
 * docs/compliance.md C23: a strict CSP sent as a response header, a fresh nonce per page:
 *   script-src 'nonce-N' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'
 * No 'unsafe-inline', no 'unsafe-eval'. The page records every securitypolicyviolation event from
 * its first script on; the dev server's websocket script is not injected into these pages, so
 * every violation would be the widget's.
 */

/** The widget's styles: adopted constructable stylesheets only, no <style> and no style="" anywhere. */
function expectNoInlineStyles(page: SecurityPage, where: string): void {
  const shadow = page.shadow()!;
  expect(shadow.adoptedStyleSheets.length, `${where}: Lit adopted its stylesheets`).to.be.greaterThan(0);
  expect(shadow.querySelectorAll('style').length, `${where}: <style> in the shadow root`).to.equal(0);
  expect(shadow.querySelectorAll('[style]').length, `${where}: style="" in the shadow root`).to.equal(0);
  const doc = page.frame.contentDocument!;
  expect(doc.querySelectorAll('style').length, `${where}: <style> in the page`).to.equal(0);
  // reserve-space.ts sets scroll padding through the CSSOM (element.style.x = …), which CSP allows;
  // a style attribute written as text would be refused. Only the CSSOM kind may appear.
  const attribute = doc.documentElement.getAttribute('style');
  if (attribute !== null) expect(attribute).to.match(/^(\s*(scroll-padding-bottom|padding-bottom):\s*[\d.]+px;)*\s*$/);
}

function expectClean(page: SecurityPage, where: string): void {
  expect(page.page().violations, `${where}: securitypolicyviolation events`).to.deep.equal([]);
  expect(page.page().errors, `${where}: errors reaching the page`).to.deep.equal([]);
}

for (const file of ['script-tag.html', 'npm.html']) {
  const build = file === 'npm.html' ? 'the npm element' : 'the script-tag build';

  describe(`compliance C23: ${build} under a strict CSP header`, () => {
    beforeEach(resetBrowserState);

    it('zero violations through load, banner, dialog and every decision; gated inline and external scripts run with the nonce', async () => {
      const page = await openSecurityPage(file, { csp: 'strict', config: { revision: 1, policyUrl: '/privacy', reloadOnWithdraw: false } });
      const win = page.page();
      const manager = win.manager!;
      const nonce = pageNonce(win);
      expect(nonce, 'the server gave the page a nonce').to.not.equal('');
      await waitForBanner(page);
      expectNoInlineStyles(page, 'banner');
      expectClean(page, 'load and banner');
      expect(win.runs, 'nothing gated runs before a decision').to.deep.equal([]);

      // Customize → dialog → analytics on → Save (custom).
      await page.click('[part~="customize"]');
      await waitForDialog(page);
      expectNoInlineStyles(page, 'dialog');
      page
        .shadow()!
        .querySelectorAll<HTMLDetailsElement>('details')
        .forEach((details) => (details.open = true));
      const analytics = page.shadow()!.querySelector<HTMLInputElement>('#cc-switch-analytics')!;
      analytics.click();
      await page.click('[part~="save"]');
      await waitFor(() => win.runs.length === 2, `the analytics scripts (ran ${win.runs.join(', ')})`);
      expect(manager.decision?.method).to.equal('custom');
      expect([...win.runs].sort()).to.deep.equal(['external-analytics', 'inline-analytics']);
      expect(win.runInfo['inline-analytics']!.nonce, 'inline script carries the page nonce').to.equal(nonce);
      expect(win.runInfo['external-analytics']!.nonce, 'external script carries the page nonce').to.equal(nonce);
      expectClean(page, 'custom save');

      // Settings button → dialog → Accept all: the promotional script runs too.
      await page.click('[part~="settings-button"]');
      await waitForDialog(page);
      await page.click('dialog [part~="accept-all"]');
      await waitFor(() => win.runs.includes('inline-promotional'), 'the promotional script');
      expect(manager.decision?.method).to.equal('accept-all');
      expectNoInlineStyles(page, 'after accept all');

      // Settings button → dialog → Reject all: the !analytics script runs.
      await page.click('[part~="settings-button"]');
      await waitForDialog(page);
      await page.click('dialog [part~="reject-all"]');
      await waitFor(() => win.runs.includes('inline-refused-analytics'), 'the script that runs on refusal');
      expect(manager.decision?.method).to.equal('reject-all');
      expect(win.runInfo['inline-refused-analytics']!.nonce).to.equal(nonce);

      // Withdraw (API), reset, then both banner decisions.
      await manager.withdraw();
      expect(manager.decision?.method).to.equal('withdraw');
      manager.reset();
      await waitForBanner(page);
      await page.click('[part~="banner"] [part~="reject-all"]');
      await waitFor(() => manager.decision?.method === 'reject-all', 'reject all from the banner');
      manager.reset();
      await waitForBanner(page);
      await page.click('[part~="banner"] [part~="accept-all"]');
      await waitFor(() => manager.decision?.method === 'accept-all', 'accept all from the banner');
      await pageSettled();
      expectNoInlineStyles(page, 'the end');
      expectClean(page, 'every decision');
      expect(win.pageAlive).to.equal(true);
      page.frame.remove();
    });

    for (const layout of ['box', 'modal'] as const) {
      it(`the ${layout} layout, dark theme: no violation`, async () => {
        const page = await openSecurityPage(file, { csp: 'strict', config: { revision: 1, policyUrl: '/privacy', layout, theme: 'dark' } });
        await waitForBanner(page);
        expectNoInlineStyles(page, layout);
        await page.click('[part~="banner"] [part~="customize"]');
        await waitForDialog(page);
        await page.click('dialog [part~="save"]');
        await waitFor(() => page.page().manager!.decision !== null, 'the decision');
        await pageSettled();
        expectClean(page, layout);
        page.frame.remove();
      });
    }

    it('a withdrawal that reloads the page (a script of the category ran) reloads into a page without violations', async () => {
      const page = await openSecurityPage(file, { csp: 'strict' });
      await page.page().manager!.acceptAll();
      await waitFor(() => page.page().runs.length === 3, 'the consented scripts');
      expectClean(page, 'before the reload');
      const reloaded = new Promise<void>((resolve) => page.frame.addEventListener('load', () => resolve(), { once: true }));
      await page.page().manager!.withdraw();
      await reloaded;
      await waitFor(() => page.page().manager !== undefined, 'the reloaded manager');
      await page.page().manager!.ready;
      await waitFor(() => page.visible('[part~="settings-button"]') !== null, 'the settings button after the reload');
      expect(page.page().manager!.decision?.method).to.equal('withdraw');
      expect(page.page().runs, 'only the script for refused analytics').to.deep.equal(['inline-refused-analytics']);
      await pageSettled();
      expectClean(page, 'after the reload');
      page.frame.remove();
    });
  });
}
