import { expect } from '@open-wc/testing';
import { resetBrowserState } from '../helpers.js';
import { contrastRatio, disposeManagers, emulateFeatures, enableWcag22Rules, mediaRulesText, mountConsent, openDialog } from './ui-fixture.js';

describe('themes, custom properties and parts', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  afterEach(async () => {
    disposeManagers();
    await emulateFeatures([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`compliance C20: the ${theme} theme keeps text at 4.5:1 and switches and focus rings at 3:1`, async () => {
      const mounted = await mountConsent({ theme });
      expect(mounted.el.getAttribute('theme')).to.equal(theme);
      const banner = getComputedStyle(mounted.$('[part~="banner"]'));
      expect(contrastRatio(banner.color, banner.backgroundColor)).to.be.at.least(4.5);
      await expect(mounted.el).to.be.accessible();
      await openDialog(mounted);
      const dialog = getComputedStyle(mounted.$('[part~="dialog"]'));
      const off = getComputedStyle(mounted.$('#cc-switch-analytics'));
      expect(contrastRatio(off.borderTopColor, dialog.backgroundColor), 'switch outline').to.be.at.least(3);
      const on = getComputedStyle(mounted.$('#cc-switch-session'));
      expect(contrastRatio(on.backgroundColor, dialog.backgroundColor), 'switch when on').to.be.at.least(3);
      const focusRing = getComputedStyle(mounted.el).getPropertyValue('--cc-focus').trim();
      const probe = document.createElement('span');
      probe.style.color = focusRing;
      document.body.append(probe);
      expect(contrastRatio(getComputedStyle(probe).color, dialog.backgroundColor), 'focus ring').to.be.at.least(3);
      probe.remove();
      await expect(mounted.el).to.be.accessible();
    });
  }

  it('follows prefers-color-scheme with theme "auto"', async () => {
    const mounted = await mountConsent({ theme: 'auto' });
    if (await emulateFeatures([{ name: 'prefers-color-scheme', value: 'dark' }])) {
      expect(getComputedStyle(mounted.$('[part~="banner"]')).backgroundColor).to.equal('rgb(27, 27, 31)');
      await emulateFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      expect(getComputedStyle(mounted.$('[part~="banner"]')).backgroundColor).to.equal('rgb(255, 255, 255)');
    } else {
      // Firefox over WebDriver BiDi cannot emulate the scheme: check the parsed rules instead.
      expect(mediaRulesText(mounted.el, 'prefers-color-scheme: dark')).to.match(/:host\(:not\(\[theme="light"\]\)\) \{[^}]*--cc-bg: #1b1b1f/);
    }
    await expect(mounted.el).to.be.accessible();
  });

  it('is styled from outside through --cc-* custom properties and ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `
      cookie-consent { --cc-button-bg: rgb(0, 80, 0); --cc-radius: 0px; }
      cookie-consent::part(reject-all) { text-transform: uppercase; }
      cookie-consent::part(banner) { font-style: italic; }
    `;
    document.head.append(style);
    try {
      const mounted = await mountConsent({ theme: 'light' });
      const accept = getComputedStyle(mounted.$('[part~="accept-all"]'));
      expect(accept.backgroundColor).to.equal('rgb(0, 80, 0)');
      expect(accept.borderTopLeftRadius).to.equal('0px');
      expect(getComputedStyle(mounted.$('[part~="reject-all"]')).textTransform).to.equal('uppercase');
      expect(getComputedStyle(mounted.$('[part~="banner"]')).fontStyle).to.equal('italic');
      await expect(mounted.el).to.be.accessible();
    } finally {
      style.remove();
    }
  });
});
