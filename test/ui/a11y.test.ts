import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { resetBrowserState } from '../helpers.js';
import { disposeManagers, emulateFeatures, enableWcag22Rules, isShown, mediaRulesText, mountConsent, type Mounted, openDialog, settled } from './ui-fixture.js';

const WCAG_TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;

const openPreferences = (mounted: Mounted): Promise<HTMLDialogElement> => openDialog(mounted);

function interactive(mounted: Mounted, scope: string): HTMLElement[] {
  return mounted.$$(`${scope} button, ${scope} input, ${scope} summary`).filter(isShown);
}

/** Text that does not fit its box is clipped or overflows into its neighbours. */
function clipped(elements: HTMLElement[]): string[] {
  return elements
    .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
    .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent!.trim().slice(0, 30)}`);
}

describe('WCAG 2.2 AA checks scripted beyond axe (compliance C20, C21)', () => {
  before(enableWcag22Rules);
  beforeEach(resetBrowserState);
  afterEach(async () => {
    disposeManagers();
    await setViewport({ width: 800, height: 600 });
    await emulateFeatures([]);
  });

  for (const layout of ['bar', 'box', 'modal'] as const) {
    it(`1.4.10 reflow: at 320 CSS px the ${layout} banner and the dialog need no horizontal scrolling`, async () => {
      await setViewport({ width: 320, height: 640 });
      const mounted = await mountConsent({ layout });
      const banner = mounted.$('[part~="banner"]');
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
      const wide = [banner, ...banner.querySelectorAll<HTMLElement>('*')]
        .filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).display !== 'inline')
        .map((element) => `${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`);
      expect(wide, 'nothing wider than its box').to.deep.equal([]);
      for (const control of interactive(mounted, '[part~="banner"]')) {
        const box = control.getBoundingClientRect();
        expect(box.left, control.textContent!).to.be.at.least(0);
        expect(box.right, control.textContent!).to.be.at.most(320);
      }
      await expect(mounted.el).to.be.accessible();

      const dialog = await openPreferences(mounted);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
      expect(dialog.getBoundingClientRect().right).to.be.at.most(320);
      for (const control of interactive(mounted, '[part~="dialog"]')) {
        control.scrollIntoView({ block: 'nearest' });
        const box = control.getBoundingClientRect();
        expect(box.left).to.be.at.least(0);
        expect(box.right).to.be.at.most(320);
      }
      await expect(mounted.el).to.be.accessible();
    });
  }

  it('1.4.12 text spacing: the WCAG overrides clip no text on either layer', async () => {
    const mounted = await mountConsent();
    const override = new CSSStyleSheet();
    override.replaceSync(WCAG_TEXT_SPACING);
    mounted.el.shadowRoot!.adoptedStyleSheets = [...mounted.el.shadowRoot!.adoptedStyleSheets, override];
    await settled(mounted.el);
    const texts = (scope: string): HTMLElement[] => mounted.$$(`${scope} button, ${scope} h2, ${scope} p, ${scope} label, ${scope} summary`).filter(isShown);
    expect(getComputedStyle(mounted.$('[part~="accept-all"]')).letterSpacing, 'the override applies').to.not.equal('normal');
    expect(clipped(texts('[part~="banner"]'))).to.deep.equal([]);
    await openPreferences(mounted);
    expect(clipped(texts('[part~="dialog"]'))).to.deep.equal([]);
    await expect(mounted.el).to.be.accessible();
  });

  it('2.5.8 target size: every control is at least 24 by 24 CSS px', async () => {
    const mounted = await mountConsent({
      categories: [
        { id: 'session', required: true },
        { id: 'analytics', cookies: [{ name: '_ga', provider: 'Google', duration: '2 years', purpose: 'Statistics' }] },
      ],
    });
    const small = (scope: string): string[] =>
      interactive(mounted, scope)
        .filter((control) => {
          const box = control.getBoundingClientRect();
          return box.width < 24 || box.height < 24;
        })
        .map((control) => control.outerHTML.slice(0, 60));
    expect(small('[part~="banner"]')).to.deep.equal([]);
    await openPreferences(mounted);
    expect(small('[part~="dialog"]')).to.deep.equal([]);
    await expect(mounted.el).to.be.accessible();
  });

  it('the banner is opaque from its first frame: its entrance moves it, never fades it', async () => {
    const mounted = await mountConsent();
    const banner = mounted.$<HTMLElement>('[part~="banner"]');
    // The entrance is over by now: run it again, as a visitor's first paint does.
    banner.style.animation = 'none';
    banner.getBoundingClientRect();
    banner.style.animation = '';
    const animations = banner.getAnimations();
    expect(
      animations.map((animation) => (animation as CSSAnimation).animationName),
      'the entrance runs',
    ).to.deep.equal(['cc-rise']);
    // The start of the entrance, as the visitor's first frame shows it.
    animations[0]!.pause();
    animations[0]!.currentTime = 0;
    expect(getComputedStyle(banner).opacity).to.equal('1');
    expect(getComputedStyle(banner).transform, 'it starts lower and rises').to.not.equal('none');
    animations[0]!.play();
    await expect(mounted.el).to.be.accessible();
  });

  it('no animation when the visitor prefers reduced motion', async () => {
    const animated = await mountConsent();
    expect(getComputedStyle(animated.$('[part~="banner"]')).animationName, 'animated by default').to.equal('cc-rise');
    if (!(await emulateFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]))) {
      // Firefox over WebDriver BiDi cannot emulate the preference: check the parsed rules instead,
      // the switches' with the dialog, whose styles come with it.
      await openDialog(animated);
      const rules = mediaRulesText(animated.el, 'prefers-reduced-motion: reduce');
      expect(rules).to.match(/\.cc-banner \{\s*animation: (auto )?none/);
      expect(rules).to.match(/\.cc-switch::before \{\s*transition: none/);
      await expect(animated.el).to.be.accessible();
      return;
    }
    animated.el.remove();
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'the emulation took effect').to.equal(true);
    const still = await mountConsent();
    expect(getComputedStyle(still.$('[part~="banner"]')).animationName).to.equal('none');
    await openPreferences(still);
    expect(getComputedStyle(still.$('[part~="switch"]')).transitionDuration).to.equal('0s');
    await expect(still.el).to.be.accessible();
  });

  it('forced colors (Windows High Contrast): switches and buttons keep visible system-colour borders', async () => {
    const emulated = await emulateFeatures([{ name: 'forced-colors', value: 'active' }]);
    const mounted = await mountConsent();
    await openPreferences(mounted);
    if (emulated) {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const style = getComputedStyle(mounted.$('#cc-switch-analytics'));
      expect(style.borderTopStyle).to.equal('solid');
      expect(parseFloat(style.borderTopWidth)).to.be.at.least(2);
      expect(style.forcedColorAdjust).to.equal('none');
      expect(getComputedStyle(mounted.$('[part~="save"]')).borderTopStyle).to.equal('solid');
    } else {
      // Firefox over WebDriver BiDi cannot emulate forced colors: check the parsed rules instead.
      const rules = mediaRulesText(mounted.el, 'forced-colors: active');
      expect(rules).to.match(/\.cc-switch \{[^}]*border-color: canvastext/i);
      expect(rules).to.match(/\.cc-button \{[^}]*border-color: buttontext/i);
    }
    await expect(mounted.el).to.be.accessible();
  });

  it('3.1.2: the widget declares the language of its text', async () => {
    const english = await mountConsent();
    expect(english.$('.cc-root').getAttribute('lang')).to.equal('en');
    english.el.remove();
    const latvian = await mountConsent({ language: 'lv' });
    expect(latvian.$('.cc-root').getAttribute('lang')).to.equal('lv');
    expect(latvian.$('[part~="accept-all"]').textContent!.trim()).to.equal('Pieņemt visas');
    await expect(latvian.el).to.be.accessible();
  });
});
