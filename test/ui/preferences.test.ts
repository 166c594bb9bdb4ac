import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cookieJar, resetBrowserState, waitFor } from '../helpers.js';
import { bringToFront, disposeManagers, enableWcag22Rules, focused, isShown, mountConsent, type Mounted, openDialog, settled } from './ui-fixture.js';

const withCookies = {
  categories: [
    { id: 'session', required: true, cookies: [{ name: 'sid', provider: 'Elektronika Rīga', duration: 'Session', purpose: 'Keeps your cart' }] },
    { id: 'preferences' },
    {
      id: 'analytics',
      cookies: [
        { name: '_ga', provider: 'Google', duration: '2 years', purpose: 'Tells visitors apart' },
        { name: '_ga_*', provider: 'Google', duration: '2 years', purpose: 'Keeps the session state' },
      ],
    },
    { id: 'promotional' },
  ],
};

function openFromBanner(mounted: Mounted, opener = '[part~="customize"]'): Promise<HTMLDialogElement> {
  return openDialog(mounted, () => mounted.$(opener).click());
}

function switches(mounted: Mounted): HTMLInputElement[] {
  return mounted.$$<HTMLInputElement>('[part~="switch"]');
}

describe('preferences dialog (second layer)', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  beforeEach(bringToFront);
  afterEach(disposeManagers);

  it('compliance C17: opens as a modal dialog with a name and moves focus inside', async () => {
    const mounted = await mountConsent();
    const dialog = await openFromBanner(mounted);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('cc-preferences-title');
    expect(mounted.$('#cc-preferences-title').textContent).to.equal('Cookie settings');
    expect(dialog.contains(focused())).to.equal(true);
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C2, C19: every non-necessary switch starts off; the necessary one is on, disabled and explained', async () => {
    const mounted = await mountConsent();
    await openFromBanner(mounted);
    const states = switches(mounted).map((input) => [input.id, input.getAttribute('role'), input.checked, input.disabled]);
    expect(states).to.deep.equal([
      ['cc-switch-session', 'switch', true, true],
      ['cc-switch-preferences', 'switch', false, false],
      ['cc-switch-analytics', 'switch', false, false],
      ['cc-switch-promotional', 'switch', false, false],
    ]);
    const labels = switches(mounted).map((input) => input.labels![0]!.textContent);
    expect(labels).to.deep.equal(['Strictly necessary', 'Preferences', 'Analytics', 'Promotional']);
    expect(mounted.$('#cc-description-session').textContent).to.contain('cannot be turned off');
    expect(mounted.$('.cc-category').textContent).to.contain('Always on');
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C19: Space toggles a switch; "Save choices" saves exactly what is on', async () => {
    const mounted = await mountConsent();
    await openFromBanner(mounted);
    const analytics = mounted.$<HTMLInputElement>('#cc-switch-analytics');
    analytics.focus();
    await sendKeys({ press: ' ' });
    expect(analytics.checked).to.equal(true);
    await sendKeys({ press: ' ' });
    expect(analytics.checked).to.equal(false);
    await sendKeys({ press: ' ' });
    mounted.$('[part~="save"]').click();
    await waitFor(() => mounted.manager.decision !== null, 'the decision');
    expect(mounted.manager.decision!.method).to.equal('custom');
    expect(mounted.manager.decision!.categories).to.deep.equal({ session: true, preferences: false, analytics: true, promotional: false });
    const history = await mounted.manager.history();
    expect(history.at(-1)!.layer).to.equal('preferences');
    await mounted.el.updateComplete;
    expect(mounted.$<HTMLDialogElement>('[part~="dialog"]')?.open === true, 'no dialog open').to.equal(false);
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C17: keeps Tab and Shift+Tab inside the dialog', async () => {
    const mounted = await mountConsent();
    const dialog = await openFromBanner(mounted);
    const seen = new Set<Element>();
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: 'Tab' });
      const now = focused()!;
      expect(dialog.contains(now), `Tab ${i + 1} stays inside`).to.equal(true);
      seen.add(now);
    }
    expect(seen.has(mounted.$('[part~="save"]')), 'Tab reaches the last button').to.equal(true);
    expect(seen.has(mounted.$('[part~="close"]')), 'and wraps to the first').to.equal(true);
    for (let i = 0; i < 12; i++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(dialog.contains(focused()), `Shift+Tab ${i + 1} stays inside`).to.equal(true);
    }
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C3, C17: Escape closes without granting anything and focus returns to "Customize"', async () => {
    const mounted = await mountConsent();
    mounted.$('[part~="customize"]').focus();
    await openFromBanner(mounted);
    mounted.$<HTMLInputElement>('#cc-switch-analytics').click();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !mounted.$<HTMLDialogElement>('[part~="dialog"]').open, 'the dialog to close');
    await waitFor(() => focused() === mounted.$('[part~="customize"]'), 'focus back on Customize');
    expect(mounted.manager.decision).to.equal(null);
    expect(mounted.manager.granted('analytics'), 'a switch flipped but not saved grants nothing').to.equal(false);
    expect(cookieJar().has('cookie_consent')).to.equal(false);
    expect(isShown(mounted.$('[part~="banner"]')), 'the visitor is still asked').to.equal(true);
    await expect(mounted.el).to.be.accessible();
  });

  it('a render between a native close and its close event does not reopen the dialog (late history read)', async () => {
    const mounted = await mountConsent();
    mounted.$<HTMLButtonElement>('[part~="accept-all"]').click();
    await waitFor(() => mounted.manager.decision !== null, 'a decision');
    await mounted.el.updateComplete;
    const dialog = await openFromBanner(mounted, '[part~="settings-button"]');
    // Escape closes the dialog at once and queues `close`; the receipts read from IndexedDB may land in between.
    dialog.close();
    mounted.el.requestUpdate();
    await mounted.el.updateComplete;
    await waitFor(() => mounted.manager.view === 'none', 'the close event to reach the manager');
    await mounted.el.updateComplete;
    expect(dialog.open, 'the dialog the visitor closed stays closed').to.equal(false);
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C3: the close button and a click on the backdrop grant nothing', async () => {
    const mounted = await mountConsent();
    let dialog = await openFromBanner(mounted);
    mounted.$('[part~="close"]').click();
    await waitFor(() => !dialog.open, 'closing by the close button');
    dialog = await openFromBanner(mounted);
    const box = dialog.getBoundingClientRect();
    // A click at the dialog's own coordinates but outside its box lands on the backdrop.
    dialog.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left - 5, clientY: box.top - 5 }));
    await waitFor(() => !dialog.open, 'closing by the backdrop');
    expect(mounted.manager.decision).to.equal(null);
    expect(cookieJar().has('cookie_consent')).to.equal(false);
    await expect(mounted.el).to.be.accessible();
  });

  it("compliance C7: lists each category's cookies with name, provider, duration and purpose, and links the policy", async () => {
    const mounted = await mountConsent(withCookies);
    await openFromBanner(mounted);
    const details = mounted.$$<HTMLDetailsElement>('details');
    expect(details.length).to.equal(2);
    const analytics = details[1]!;
    expect(analytics.querySelector('summary')!.textContent).to.equal('Cookies in this category (2)');
    expect(analytics.open).to.equal(false);
    analytics.querySelector('summary')!.click();
    expect(analytics.open).to.equal(true);
    const rows = [...analytics.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()));
    expect(rows).to.deep.equal([
      ['Name', 'Set by', 'Duration', 'Purpose'],
      ['_ga', 'Google', '2 years', 'Tells visitors apart'],
      ['_ga_*', 'Google', '2 years', 'Keeps the session state'],
    ]);
    expect(mounted.$<HTMLAnchorElement>('[part~="dialog"] a[part~="policy-link"]').getAttribute('href')).to.equal('/privacy');
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C8: after a choice the settings button reopens the dialog with the current state and the receipt', async () => {
    const mounted = await mountConsent();
    mounted.$('[part~="reject-all"]').click();
    await waitFor(() => mounted.manager.decision !== null, 'the first decision');
    await mounted.manager.set({ analytics: true }, { layer: 'api' });
    await mounted.el.updateComplete;
    const settings = mounted.$('[part~="settings-button"]');
    expect(isShown(settings)).to.equal(true);
    settings.focus();
    await openDialog(mounted, () => settings.click());
    // A receipt written late by an earlier test's manager may share this origin's database, so
    // look for this test's earlier choice rather than count entries.
    await waitFor(
      () => mounted.$$('.cc-receipt li').some((item) => item.textContent!.includes('Rejected all: Only strictly necessary cookies')),
      'the history',
    );
    await settled(mounted.el);
    expect(switches(mounted).map((input) => input.checked)).to.deep.equal([true, false, true, false]);
    const receipt = mounted.$('[part~="receipt"]');
    const decision = mounted.manager.decision!;
    expect(receipt.textContent).to.contain(decision.consentId);
    expect(receipt.querySelector('time')!.getAttribute('datetime')).to.equal(decision.timestamp);
    expect(receipt.textContent).to.contain('Custom choice: Analytics');
    await expect(mounted.el).to.be.accessible();

    mounted.$('[part~="close"]').click();
    await waitFor(() => focused() === mounted.$('[part~="settings-button"]'), 'focus back on the settings button');
  });

  it('compliance C8: a decision made in the same millisecond as the one before still shows in the history', async () => {
    const mounted = await mountConsent();
    const realNow = Date.now;
    const frozen = realNow();
    // A click and a script's set() can land in one millisecond (Firefox rounds Date.now).
    Date.now = () => frozen;
    try {
      mounted.$('[part~="reject-all"]').click();
      await mounted.manager.set({ analytics: true }, { layer: 'api' });
    } finally {
      Date.now = realNow;
    }
    expect(mounted.manager.decision!.timestamp).to.equal(new Date(frozen).toISOString());
    await mounted.el.updateComplete;
    mounted.$('[part~="settings-button"]').click();
    await waitFor(() => mounted.$<HTMLDialogElement>('[part~="dialog"]')?.open === true, 'the dialog');
    await waitFor(
      () => mounted.$$('.cc-receipt li').some((item) => item.textContent!.includes('Rejected all: Only strictly necessary cookies')),
      'the earlier decision in the history',
    );
    expect(mounted.$('[part~="receipt"]').textContent, 'the decision in force').to.contain('Custom choice: Analytics');
    expect(
      mounted.$$('.cc-receipt li').filter((item) => item.textContent!.includes('Custom choice: Analytics')),
      'the decision in force is not history',
    ).to.deep.equal([]);
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C8: withdrawing everything takes as many clicks from the settings button as accepting everything', async () => {
    const mounted = await mountConsent();
    mounted.$('[part~="accept-all"]').click();
    await waitFor(() => mounted.manager.granted('analytics'), 'consent');
    await mounted.el.updateComplete;
    let clicks = 0;
    const click = (selector: string): void => {
      clicks++;
      mounted.$(selector).click();
    };
    click('[part~="settings-button"]');
    await waitFor(() => mounted.$<HTMLDialogElement>('[part~="dialog"]')?.open === true, 'the dialog');
    click('[part~="dialog"] [part~="reject-all"]');
    await waitFor(() => !mounted.manager.granted('analytics'), 'the withdrawal');
    expect(clicks).to.equal(2);
    expect(mounted.manager.decision!.categories).to.deep.equal({ session: true, preferences: false, analytics: false, promotional: false });
    await mounted.el.updateComplete;
    let acceptClicks = 0;
    acceptClicks++;
    mounted.$('[part~="settings-button"]').click();
    await waitFor(() => mounted.$<HTMLDialogElement>('[part~="dialog"]')?.open === true, 'the dialog');
    acceptClicks++;
    mounted.$('[part~="dialog"] [part~="accept-all"]').click();
    await waitFor(() => mounted.manager.granted('analytics'), 'consent again');
    expect(clicks).to.be.at.most(acceptClicks);
    await expect(mounted.el).to.be.accessible();
  });

  it('any page element marked data-consent-open opens the dialog, and focus returns to it', async () => {
    const mounted = await mountConsent();
    mounted.$('[part~="accept-all"]').click();
    await waitFor(() => mounted.manager.decision !== null, 'a decision');
    const link = document.createElement('a');
    link.href = '#cookies';
    link.dataset['consentOpen'] = '';
    link.textContent = 'Manage cookies';
    document.body.append(link);
    try {
      link.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await openDialog(mounted, () => undefined);
      expect(location.hash, 'the link does not navigate').to.not.equal('#cookies');
      await settled(mounted.el);
      await expect(mounted.el).to.be.accessible();
      // Escape goes to whatever has focus: press it only once focus has moved into the dialog.
      await waitFor(() => dialog.contains(focused()), 'focus inside the dialog');
      await sendKeys({ press: 'Escape' });
      await waitFor(() => focused() === link, 'focus back on the opener');
      expect(mounted.manager.decision!.method).to.equal('accept-all');
    } finally {
      link.remove();
    }
  });

  it('the settings button can be turned off', async () => {
    const mounted = await mountConsent({ settingsButton: false });
    mounted.$('[part~="accept-all"]').click();
    await waitFor(() => mounted.manager.decision !== null, 'a decision');
    await mounted.el.updateComplete;
    expect(mounted.$('[part~="settings-button"]')).to.equal(null);
    await expect(mounted.el).to.be.accessible();
  });

  it('compliance C15: says that a Global Privacy Control signal was honoured, and keeps promotional off on "Accept all"', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const mounted = await mountConsent();
      expect(mounted.manager.gpcHonoured).to.equal(true);
      expect(mounted.manager.view, 'GPC alone decides nothing and the banner still asks').to.equal('banner');
      await openFromBanner(mounted);
      expect(mounted.$('[part~="gpc-notice"]').textContent).to.contain('Global Privacy Control');
      await expect(mounted.el).to.be.accessible();
      mounted.$('[part~="dialog"] [part~="accept-all"]').click();
      await waitFor(() => mounted.manager.decision !== null, 'the decision');
      expect(mounted.manager.decision!.method).to.equal('gpc');
      expect(mounted.manager.decision!.categories['promotional']).to.equal(false);
      expect(mounted.manager.decision!.categories['analytics']).to.equal(true);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });
});
