import { expect } from '@open-wc/testing';
import { pageSettled, resetBrowserState, storeDecision, waitFor } from '../helpers.js';
import { hasTrustedTypes, note, openSecurityPage, pageNonce, waitForBanner, waitForDialog, type ProbedWindow, type SecurityPage } from './security-helpers.js';

/**
 * docs/compliance.md C24: the strict CSP header plus
 *   require-trusted-types-for 'script'; trusted-types cookie-consent
 * The only policy the page allows is the widget's. Lit would create one named "lit-html" when its
 * module is evaluated; the widget hands Lit its own policy instead (src/ui/trusted-types-lit.ts).
 * probe.js wraps trustedTypes.createPolicy before anything else runs and records every name.
 */

/** Withdrawing a category whose scripts ran reloads the page by default; these tests follow one page. */
const NO_RELOAD = { revision: 1, policyUrl: '/privacy', reloadOnWithdraw: false };

/** Every value reachable from the page's window that is a Trusted Types policy: there must be none. */
function policiesOnWindow(win: ProbedWindow): string[] {
  const Policy = (win as unknown as { TrustedTypePolicy?: new () => unknown }).TrustedTypePolicy;
  if (!Policy) return [];
  const found: string[] = [];
  for (const key of [...Object.getOwnPropertyNames(win), ...Object.getOwnPropertySymbols(win)]) {
    try {
      const value = (win as unknown as Record<PropertyKey, unknown>)[key];
      if (value instanceof Policy) found.push(String(key));
    } catch {
      // A getter that throws holds no policy.
    }
  }
  return found;
}

async function decideThroughTheInterface(page: SecurityPage): Promise<void> {
  const win = page.page();
  await waitForBanner(page);
  await page.click('[part~="customize"]');
  await waitForDialog(page);
  page.shadow()!.querySelector<HTMLInputElement>('#cc-switch-analytics')!.click();
  await page.click('[part~="save"]');
  await waitFor(() => win.runs.length === 2, `the analytics scripts (ran ${win.runs.join(', ')}; ${win.warnings.join(' / ')})`);
  await page.click('[part~="settings-button"]');
  await waitForDialog(page);
  await page.click('dialog [part~="accept-all"]');
  await waitFor(() => win.runs.includes('inline-promotional'), 'the promotional script');
  await page.click('[part~="settings-button"]');
  await waitForDialog(page);
  await page.click('dialog [part~="reject-all"]');
  await waitFor(() => win.runs.includes('inline-refused-analytics'), 'the script that runs on refusal');
  await pageSettled();
}

for (const file of ['script-tag.html', 'npm.html']) {
  const build = file === 'npm.html' ? 'the npm element' : 'the script-tag build';

  describe(`compliance C24: ${build} under Trusted Types with only the "cookie-consent" policy allowed`, () => {
    beforeEach(resetBrowserState);

    it('creates exactly one policy, "cookie-consent" (none named lit-html); banner, dialog, decisions and gated scripts work; zero violations', async () => {
      const page = await openSecurityPage(file, { csp: 'tt', config: NO_RELOAD });
      const win = page.page();
      if (!hasTrustedTypes(win)) note('no Trusted Types in this browser: the CSP directive is ignored; the widget works without a policy.');
      await decideThroughTheInterface(page);
      expect(win.runInfo['inline-analytics']!.nonce).to.equal(pageNonce(win));
      if (hasTrustedTypes(win)) {
        expect(win.policyNames, 'policies created on the page').to.deep.equal(['cookie-consent']);
        expect(policiesOnWindow(win), 'a policy reachable from window is a bypass gadget').to.deep.equal([]);
        const ElementClass = win.customElements.get('cookie-consent') as unknown as { trustedTypes?: { state: string } } | undefined;
        if (ElementClass?.trustedTypes) expect(ElementClass.trustedTypes.state, 'Lit renders through the widget policy').to.equal('bridged');
        // Enforcement is real: a string into a script sink is refused on this page.
        const script = win.document.createElement('script');
        expect(() => (script.text = 'window.sneaked = 1')).to.throw();
        win.violations.splice(0);
      } else {
        expect(win.policyNames).to.deep.equal([]);
      }
      expect(win.violations, 'securitypolicyviolation events').to.deep.equal([]);
      expect(win.errors, 'errors reaching the page').to.deep.equal([]);
      expect(
        win.warnings.filter((text) => text.includes('Trusted Types')),
        'Trusted Types warnings',
      ).to.deep.equal([]);
      page.frame.remove();
    });
  });
}

describe('compliance C23, C24: the script-tag build for a returning visitor, in Latvian, under Trusted Types', () => {
  beforeEach(resetBrowserState);

  it('stored decision: the settings button, then the interface and the language loaded on demand, all through the one policy, no violation', async () => {
    await storeDecision({ analytics: true });
    const page = await openSecurityPage('script-tag.html', { csp: 'tt', config: { ...NO_RELOAD, language: 'lv' } });
    const win = page.page();
    await waitFor(() => win.runs.length === 2, `the stored decision runs the analytics scripts (ran ${win.runs.join(', ')})`);
    await page.click('[part~="settings-button"]');
    const dialog = await waitForDialog(page);
    await waitFor(() => dialog.querySelector('[part~="save"]')?.textContent?.trim() !== 'Save choices', 'the Latvian strings');
    expect(page.shadow()!.querySelector('.cc-root')!.getAttribute('lang')).to.equal('lv');
    await page.click('dialog [part~="reject-all"]');
    await waitFor(() => win.manager!.decision?.method === 'reject-all', 'the new choice');
    await pageSettled();
    if (hasTrustedTypes(win)) expect(win.policyNames).to.deep.equal(['cookie-consent']);
    expect(win.violations).to.deep.equal([]);
    expect(win.errors).to.deep.equal([]);
    page.frame.remove();
  });
});

describe('compliance C24: two copies of the widget on one page (script tag in <head> + npm element)', () => {
  beforeEach(resetBrowserState);

  it("with trusted-types cookie-consent 'allow-duplicates': each copy has its own policy, everything works, zero violations", async () => {
    const page = await openSecurityPage('two-copies.html', { csp: 'tt-dup', config: NO_RELOAD });
    const win = page.page();
    await waitFor(() => win.npmLoaded === true, 'the npm copy');
    await decideThroughTheInterface(page);
    if (hasTrustedTypes(win)) {
      expect(
        win.policyNames.every((name) => name === 'cookie-consent'),
        `policies: ${win.policyNames.join(', ')}`,
      ).to.equal(true);
      expect(win.policyNames.length).to.be.within(1, 2);
      expect(policiesOnWindow(win)).to.deep.equal([]);
    } else {
      note('no Trusted Types in this browser: two copies need nothing more.');
    }
    expect(win.npmManager, 'both copies share the one manager').to.equal(win.manager);
    expect(win.violations).to.deep.equal([]);
    expect(win.errors).to.deep.equal([]);
    // Whichever copy defines <cookie-consent> first keeps it; the other steps back.
    expect(win.customElements.get('cookie-consent')).to.not.equal(undefined);
    page.frame.remove();
  });

  it("without 'allow-duplicates': the page and the first copy keep working; the second copy's refused policy is the only violation, with a warning that says what to add", async () => {
    const page = await openSecurityPage('two-copies.html', { csp: 'tt', config: NO_RELOAD });
    const win = page.page();
    await waitFor(() => win.npmLoaded === true, 'the npm copy (its module graph must not throw)');
    await decideThroughTheInterface(page);
    expect(win.pageAlive).to.equal(true);
    expect(win.errors, 'errors reaching the page').to.deep.equal([]);
    if (hasTrustedTypes(win)) {
      const refused = win.violations.filter((text) => text.startsWith('trusted-types |'));
      expect(win.violations.length - refused.length, `violations other than a refused duplicate policy: ${win.violations.join('\n')}`).to.equal(0);
      if (refused.length > 0) {
        expect(
          win.warnings.some((text) => text.includes("'allow-duplicates'")),
          'the warning names the fix',
        ).to.equal(true);
      }
    } else {
      note('no Trusted Types in this browser: two copies need nothing more.');
      expect(win.violations).to.deep.equal([]);
    }
    page.frame.remove();
  });
});

declare global {
  interface Window {
    npmManager?: unknown;
  }
}
