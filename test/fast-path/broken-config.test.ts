import { expect } from '@open-wc/testing';
import type { ConsentChangeDetail } from '../../src/core/events.js';
import type { ConsentManager } from '../../src/core/manager.js';
import { openFrame, resetBrowserState, storeDecision, visibleIn, waitFor } from '../helpers.js';
import { expectAccessibleInFrame } from '../ui/ui-helpers.js';

type ConfigPageWindow = Window & {
  cookieConsent?: ConsentManager;
  runs: string[];
  errors: string[];
  consoleErrors: string[];
  /** Every consent-change of the page, heard from before the widget started (fixtures/config.html). */
  changes: ConsentChangeDetail[];
};

const VALID = { revision: 1, policyUrl: '/privacy' };
/** A configuration the check refuses: "popup" is no layout. */
const BROKEN = { ...VALID, layout: 'popup' };
const LAYOUT_ERROR = 'cookie-consent: config.layout must be one of "bar", "box", "modal", got "popup"';

async function openConfigPage(config: object) {
  const opened = await openFrame(`/test/fast-path/fixtures/config.html?config=${encodeURIComponent(JSON.stringify(config))}`);
  const page = () => opened.frame.contentWindow as ConfigPageWindow;
  await waitFor(() => page().cookieConsent !== undefined, 'the manager');
  await page().cookieConsent!.ready;
  const element = () => opened.frame.contentDocument!.querySelector('cookie-consent')!;
  return { ...opened, page, element, changes: () => page().changes };
}

/** Whether the page has a consent cookie (set only by a decision). */
const cookieHasDecision = (win: Window): boolean => /(^|; )cookie_consent=/.test(win.document.cookie);

describe('a broken configuration is handled the same on every page view (compliance: C28)', () => {
  beforeEach(resetBrowserState);

  it('a returning visitor: the error names the key, nothing non-required runs, and the settings still open to withdraw', async () => {
    await storeDecision({ analytics: true }, 'custom', VALID);
    const { frame, page, element } = await openConfigPage(BROKEN);
    expect(page().consoleErrors.join('\n')).to.include(LAYOUT_ERROR);
    expect(page().cookieConsent!.configError?.message).to.equal(LAYOUT_ERROR);
    expect(page().cookieConsent!.granted('analytics'), 'analytics granted under a broken configuration').to.equal(false);
    expect(page().cookieConsent!.granted('session'), 'required stays granted').to.equal(true);

    const button = await (async () => {
      await waitFor(() => visibleIn(element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
      return visibleIn(element().shadowRoot, '[part~="settings-button"]')!;
    })();
    expect(page().runs, 'the gated script did not run').to.deep.equal([]);
    button.click();
    const dialog = () => element().shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~="dialog"]');
    await waitFor(() => dialog()?.open === true, 'the preferences dialog', 8000);
    await expectAccessibleInFrame(element());
    dialog()!.querySelector<HTMLButtonElement>('[part~="reject-all"]')!.click();
    await waitFor(() => page().cookieConsent!.decision?.categories['analytics'] === false, 'the refusal saved');
    expect(page().cookieConsent!.granted('analytics')).to.equal(false);
    expect(cookieHasDecision(page()), 'the refusal is in the cookie').to.equal(true);
    expect(page().runs).to.deep.equal([]);
    expect(page().errors, 'nothing thrown into the page').to.deep.equal([]);
    frame.remove();
  });

  it('a first visit: closing the preferences without a choice brings back the settings button, not a banner', async () => {
    const { frame, page, element } = await openConfigPage(BROKEN);
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    visibleIn(element().shadowRoot, '[part~="settings-button"]')!.click();
    const dialog = () => element().shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~="dialog"]');
    await waitFor(() => dialog()?.open === true, 'the preferences dialog', 8000);
    dialog()!.querySelector<HTMLButtonElement>('[part~="close"]')!.click();
    await waitFor(() => dialog()?.open !== true, 'the dialog to close');
    // Now drawn by the interface (Lit), which decides what shows as the head UI did.
    await waitFor(() => visibleIn(element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button again');
    expect(visibleIn(element().shadowRoot, '[part~="banner"]'), 'no banner asks under a broken configuration').to.equal(null);
    expect(page().cookieConsent!.view).to.equal('none');
    await waitFor(
      () => element().shadowRoot!.activeElement === visibleIn(element().shadowRoot, '[part~="settings-button"]'),
      'focus back on the settings button',
    );
    await expectAccessibleInFrame(element());
    expect(page().runs).to.deep.equal([]);
    expect(page().errors, 'nothing thrown into the page').to.deep.equal([]);
    frame.remove();
  });

  it('the error comes again on the next page view, and a first visit gets no banner but the settings', async () => {
    const first = await openConfigPage(BROKEN);
    expect(first.page().consoleErrors.join('\n')).to.include(LAYOUT_ERROR);
    expect(first.page().document.cookie, 'nothing stored before a decision').to.equal('');
    await waitFor(() => visibleIn(first.element().shadowRoot, '[part~="settings-button"]') !== null, 'the settings button');
    expect(first.element().shadowRoot!.querySelector('[part~="banner"]'), 'no banner asks under a broken configuration').to.equal(null);
    await expectAccessibleInFrame(first.element());
    first.frame.remove();

    const second = await openConfigPage(BROKEN);
    expect(second.page().consoleErrors.join('\n'), 'reported again').to.include(LAYOUT_ERROR);
    expect(second.page().runs).to.deep.equal([]);
    second.frame.remove();
  });

  it('a returning visitor after the site changed a valid configuration: the decision takes effect once checked, and the next view skips the check', async () => {
    const changed = { ...VALID, layout: 'box' };
    await storeDecision({ analytics: true }, 'custom', VALID);
    const first = await openConfigPage(changed);
    // ready resolves after the check: the decision is in effect by then, announced as "checked".
    expect(first.page().cookieConsent!.granted('analytics')).to.equal(true);
    await waitFor(() => first.page().runs.includes('analytics'), 'the analytics script');
    expect(first.changes().map((change) => change.origin)).to.deep.equal(['checked']);
    expect(first.page().consoleErrors).to.deep.equal([]);
    expect(first.page().document.cookie, 'the changed configuration remembered as checked').to.match(/(^|; )cookie_consent_checked=\w+/);
    first.frame.remove();

    const second = await openConfigPage(changed);
    expect(second.page().runs, 'ran while the page was parsed, without a check').to.deep.equal(['analytics']);
    const files = second
      .page()
      .performance.getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname);
    expect(
      files.filter((path) => path.startsWith('/dist/')),
      'no chunk needed',
    ).to.deep.equal(['/dist/cookie-consent.js']);
    expect(second.changes()).to.deep.equal([]);
    second.frame.remove();
  });
});
