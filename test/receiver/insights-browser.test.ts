import { expect } from '@open-wc/testing';
import { openFrame } from '../helpers.js';
import { contrastRatio, emulateFeatures, expectAccessibleInFrame } from '../ui/ui-helpers.js';

/**
 * The receiver's insights page in a browser, served by the packaged receiver over the demo's
 * seeded month (test/receiver/insights-server-plugin.mjs). The admin's CSP header:
 *   default-src 'none'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'
 * No script may run and no inline style apply: the charts are SVG drawn on the server, styled by
 * classes from the admin's stylesheet file.
 */
const PAGE = '/test-insights/admin/insights?period=30d';
const ADMIN_CSP = "default-src 'none'; style-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'";

interface Report {
  type: string;
  body: { effectiveDirective?: string; blockedURL?: string } | null;
}
type ReportingWindow = Window & {
  ReportingObserver?: new (callback: () => void, options: { types: string[]; buffered: boolean }) => { observe(): void; takeRecords(): Report[] };
};

/** The CSP violations the page has had since it started, as far as the browser reports them to a ReportingObserver. */
function cspViolations(win: Window): string[] {
  const Observer = (win as ReportingWindow).ReportingObserver;
  if (!Observer) return [];
  // buffered: the violations from before the observer existed, which for a page without script are all of them.
  const observer = new Observer(() => {}, { types: ['csp-violation'], buffered: true });
  observer.observe();
  return observer.takeRecords().map((report) => `${report.body?.effectiveDirective}: ${report.body?.blockedURL}`);
}

/**
 * Whether this browser reports CSP violations to a ReportingObserver: Chromium does, Firefox ESR
 * does not. Where it does not, the tests rest on what a violation would leave (a script run, a
 * style applied) and on the page having nothing that could violate.
 */
async function violationsAreReported(): Promise<boolean> {
  const { frame, win } = await openInsights('/test-insights-control');
  const reported = cspViolations(win).length > 0;
  frame.remove();
  return reported;
}

async function openInsights(url = PAGE): Promise<{ frame: HTMLIFrameElement; doc: Document; win: Window }> {
  const { frame } = await openFrame(url);
  frame.style.width = '1100px';
  frame.style.height = '900px';
  return { frame, doc: frame.contentDocument!, win: frame.contentWindow! };
}

/** The stylesheet's colours as the browser resolved them, for one theme. */
function themeColours(doc: Document): { background: string; text: string; axis: string; lines: string[] } {
  const win = doc.defaultView!;
  return {
    background: win.getComputedStyle(doc.body).backgroundColor,
    text: win.getComputedStyle(doc.querySelector('h1')!).color,
    axis: win.getComputedStyle(doc.querySelector('svg.chart text.axis')!).fill,
    lines: [...doc.querySelectorAll('[aria-labelledby="fig-categories-h"] .legend path.line')].map((line) => win.getComputedStyle(line).stroke),
  };
}

/** Text and axis labels at 4.5:1 against the page, each chart line at 3:1 (WCAG 1.4.3, 1.4.11). */
function expectReadable(colours: ReturnType<typeof themeColours>): void {
  expect(contrastRatio(colours.text, colours.background)).to.be.at.least(4.5);
  expect(contrastRatio(colours.axis, colours.background)).to.be.at.least(4.5);
  for (const line of colours.lines) expect(contrastRatio(line, colours.background), line).to.be.at.least(3);
}

describe('the receiver insights page, under its own CSP, in light and dark', () => {
  afterEach(async () => {
    await emulateFeatures([]);
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('is served with the strict CSP, and loads with no violation: no script, no inline style, styles from the stylesheet file', async () => {
    const response = await fetch(PAGE);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-security-policy')).to.equal(ADMIN_CSP);
    const { doc, win } = await openInsights();
    expect(doc.querySelector('h1')?.textContent).to.equal('Consent insights');
    if (await violationsAreReported()) expect(cspViolations(win), 'CSP violations').to.deep.equal([]);
    expect(doc.querySelectorAll('script, style, [style]').length, 'scripts, <style> and style attributes').to.equal(0);
    const handlers = [...doc.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on')));
    expect(handlers, 'event handler attributes').to.deep.equal([]);
    // The stylesheet file applied under style-src 'self': the figure lays chart and table side by side, the charts take their colours.
    expect(doc.styleSheets.length).to.equal(1);
    expect(win.getComputedStyle(doc.querySelector('.figure-body')!).display).to.equal('grid');
    expect(win.getComputedStyle(doc.querySelector('svg.chart .grid')!).stroke).to.equal('rgb(220, 220, 220)');
    // Every chart: a figure with a caption, an SVG image with a name, and a table with the numbers beside it.
    const figures = [...doc.querySelectorAll('figure')];
    // Categories, services, methods, layers, languages, revisions and withdrawals.
    expect(figures.length).to.equal(7);
    for (const figure of figures) {
      expect(figure.querySelector('figcaption a[download]'), 'a CSV link').to.not.equal(null);
      const svg = figure.querySelector('svg.chart')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-label')).to.match(/table beside it/);
      expect(figure.querySelector('table caption'), 'a table with a caption').to.not.equal(null);
    }
  });

  it("the check sees a violation where there is one: an inline style and script under the admin's CSP are refused", async () => {
    const { doc, win } = await openInsights('/test-insights-control');
    expect((win as Window & { ran?: boolean }).ran, 'the inline script did not run').to.equal(undefined);
    expect(win.getComputedStyle(doc.querySelector('p')!).color, 'neither inline style applied').to.equal('rgb(0, 0, 0)');
    if (navigator.userAgent.includes('Chrome/')) expect(cspViolations(win).length, 'violations Chromium reports').to.be.at.least(2);
  });

  it('light theme: text at 4.5:1 and chart lines at 3:1 on the page, and no axe violation', async function () {
    // axe walks seven charts and their tables: seconds of work on a busy machine.
    this.timeout(30_000);
    await emulateFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    const { doc } = await openInsights(`/test-insights-axe/admin/insights?period=30d`);
    const colours = themeColours(doc);
    expect(colours.background).to.equal('rgb(255, 255, 255)');
    expectReadable(colours);
    await expectAccessibleInFrame(doc.documentElement);
  });

  it('dark theme: follows prefers-color-scheme, with the same contrast, and no axe violation', async function () {
    this.timeout(30_000);
    const emulated = await emulateFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const { doc } = await openInsights(`/test-insights-axe/admin/insights?period=30d`);
    if (!emulated) {
      // Firefox over WebDriver BiDi cannot emulate the scheme: check the rule the browser parsed instead.
      // The frame's rules come from its own realm: no instanceof CSSMediaRule of this window.
      const rules = [...doc.styleSheets[0]!.cssRules].map((rule) => rule.cssText).filter((text) => text.startsWith('@media'));
      expect(rules.join('\n')).to.match(/prefers-color-scheme: dark\)[^]*--bg: #17181b/);
      await expectAccessibleInFrame(doc.documentElement);
      return;
    }
    const colours = themeColours(doc);
    expect(colours.background).to.equal('rgb(23, 24, 27)');
    expectReadable(colours);
    await expectAccessibleInFrame(doc.documentElement);
  });
});
