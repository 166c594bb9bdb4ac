import { expect } from '@open-wc/testing';
import { ConsentConfigError, isSafeUrl, resolveConfig } from '../../src/core/config.js';
import { en } from '../../src/ui/i18n/en.js';
import { pageSettled, resetBrowserState, waitFor } from '../helpers.js';
import { disposeManagers, mountConsent, type Mounted, openDialog, settled } from '../ui/ui-fixture.js';
import { note, openSecurityPage } from './security-helpers.js';

/**
 * docs/compliance.md C22: every string the site configures or translates, every category label and
 * description and every cookie description, fed with script payloads: nothing runs, the text is
 * shown as text, links are only http(s) or relative, other URLs are refused at configuration time.
 */

type Pwned = Window & { __pwned?: (what: string) => void; __pwnedBy?: string[] };
const top = window as Pwned;

const LONG = 'L'.repeat(20_000);
export const PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.top.__pwned(\'img\')">',
  '</style><img src=x onerror=window.top.__pwned("style")>',
  '"><script>window.top.__pwned("script")</script>',
  "'><svg onload=window.top.__pwned('svg')>",
  'javascript:window.top.__pwned("js-url")',
  '<a href="javascript:window.top.__pwned(\'a\')">click</a>',
  '<iframe srcdoc="<script>parent.__pwned(\'srcdoc\')</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.top.__pwned("mxss")>',
  '&lt;img src=x onerror=window.top.__pwned("entity")&gt;',
  '\u202Etxt.exe\u202C <b>bold</b> \u2066isolate\u2069',
  '<!-- --><?lit$1234$>lit$1234$<!--?lit$5678$-->',
  '${window.top.__pwned("template-literal")}{{constructor.constructor("window.top.__pwned(\'tpl\')")()}}',
  '{count} {0} %s %n \\u003cscript\\u003e',
  '\u0000\u0007\u001b[31m control \uFFFD \uD800',
  '<form action=javascript:window.top.__pwned("form")><button>x</button></form><meta http-equiv=refresh content="0;url=javascript:window.top.__pwned(1)">',
  `<img src=x onerror=window.top.__pwned("long")>${LONG}`,
];

/** Every configurable string of the interface: all translation keys, category and cookie texts. */
function hostileConfig(payload: string) {
  const keys = [...Object.keys(en), 'videoLabel', 'videoDescription'];
  const translations = { en: Object.fromEntries(keys.map((key) => [key, payload])) };
  const cookie = { name: payload, provider: payload, duration: payload, purpose: payload };
  return {
    translations,
    categories: [
      { id: 'session', required: true, label: payload, description: payload, cookies: [cookie] },
      { id: 'analytics', label: payload, description: payload, cookies: [cookie, cookie] },
      // No label or description: the translation keys analyticsLabel-style are used instead.
      { id: 'video' },
    ],
  };
}
const FIELDS_PER_CONFIG = Object.keys(en).length + 2 + 2 * 2 + 3 * 4;

function expectInert(mounted: Mounted, payload: string, where: string): void {
  const root = mounted.el.shadowRoot!;
  expect(top.__pwnedBy, `${where}: payload ran`).to.deep.equal([]);
  expect(root.querySelectorAll('img, script, svg, iframe, math, form, meta, b, style').length, `${where}: elements from a payload`).to.equal(0);
  for (const link of root.querySelectorAll('a')) {
    expect(link.getAttribute('part'), `${where}: the only links are the policy links`).to.equal('policy-link');
    expect(['http:', 'https:']).to.include(new URL(link.href).protocol);
  }
  const text = root.textContent ?? '';
  expect(text.includes(payload), `${where}: the payload is shown, as text`).to.equal(true);
}

describe('compliance C22: hostile strings in the configuration and translations render as text', () => {
  let tried = 0;
  before(() => {
    top.__pwnedBy = [];
    top.__pwned = (what) => top.__pwnedBy!.push(what);
  });
  beforeEach(resetBrowserState);
  afterEach(disposeManagers);
  after(() => note(`${PAYLOADS.length} payloads × ${FIELDS_PER_CONFIG} string fields = ${tried} placements rendered; none ran`));

  PAYLOADS.forEach((payload, index) => {
    it(`payload ${index + 1}/${PAYLOADS.length} (${JSON.stringify(payload.slice(0, 40))}…) in every string: banner, dialog, cookie tables, receipt`, async () => {
      const mounted = await mountConsent(hostileConfig(payload));
      expect(mounted.$('#cc-banner-title').textContent).to.equal(payload);
      expect(mounted.$('.cc-root').getAttribute('dir'), 'a bidi override in the text does not change the layout direction').to.equal('ltr');
      expectInert(mounted, payload, 'banner');

      await openDialog(mounted);
      mounted.$$<HTMLDetailsElement>('details').forEach((details) => (details.open = true));
      await settled(mounted.el);
      expect(mounted.$('[part~="close"]').getAttribute('aria-label'), 'attribute bindings keep the text').to.equal(payload);
      expect(mounted.$$('.cc-category label').map((label) => label.textContent)).to.deep.equal([payload, payload, payload]);
      expect(mounted.$$('tbody td').every((cell) => cell.textContent === payload)).to.equal(true);
      expectInert(mounted, payload, 'dialog');

      // The receipt shows method names and labels from the translations.
      mounted.$<HTMLButtonElement>('dialog [part~="accept-all"]').click();
      await waitFor(() => mounted.manager.decision !== null, 'the decision');
      await openDialog(mounted);
      mounted.$$<HTMLDetailsElement>('details').forEach((details) => (details.open = true));
      await waitFor(() => (mounted.$('[part~="receipt"]')?.textContent ?? '').includes(payload), 'the receipt with the translated labels');
      expectInert(mounted, payload, 'receipt');
      // The proof of consent hashes the text as shown.
      expect(mounted.manager.presentation.strings).to.include(payload);
      tried += FIELDS_PER_CONFIG;
    });
  });
});

/** URLs a link or an endpoint must never be: refused by resolveConfig, naming the key. */
export const HOSTILE_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'javascript:alert(1) ',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\u0000:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'blob:https://example.com/0b7a1c2d-1111-2222-3333-444455556666',
  'file:///etc/passwd',
  'ftp://example.com/policy',
  'mailto:privacy@example.com',
  'ws://example.com/consent',
  '\\\\evil.example\\policy',
  '/\\evil.example/policy',
  'https:\\\\evil.example',
  '',
  '   ',
];
/** Relative and http(s) URLs that are accepted, and stay harmless in an href. */
const ACCEPTED_URLS: readonly string[] = [
  '/privacy',
  'privacy.html',
  '../privacy?x=1#top',
  '?policy',
  '#policy',
  'https://example.com/privacy',
  'HTTP://example.com/privacy',
  '//example.com/privacy',
  'javascript&colon;alert(1)',
  '%6Aavascript:alert(1)',
  '\uFF4Aavascript:alert(1)',
];

describe('compliance C22: URLs other than http(s) and relative are refused at configuration time', () => {
  beforeEach(resetBrowserState);
  afterEach(disposeManagers);

  for (const key of ['policyUrl', 'endpoint'] as const) {
    it(`config.${key}: ${HOSTILE_URLS.length} hostile URLs refused with an error naming the key`, () => {
      for (const url of HOSTILE_URLS) {
        const config = { revision: 1, policyUrl: '/privacy', [key]: url };
        expect(isSafeUrl(url), JSON.stringify(url)).to.equal(false);
        let error: unknown;
        try {
          resolveConfig(config);
        } catch (caught) {
          error = caught;
        }
        expect(error, JSON.stringify(url)).to.be.instanceOf(ConsentConfigError);
        expect((error as ConsentConfigError).key).to.equal(key);
        expect((error as Error).message).to.match(new RegExp(`^cookie-consent: config\\.${key} must be an http\\(s\\) or relative URL, got `));
      }
    });
  }

  it(`${ACCEPTED_URLS.length} relative and http(s) URLs are accepted and every rendered link is http(s)`, async () => {
    for (const url of ACCEPTED_URLS) {
      const mounted = await mountConsent({ policyUrl: url });
      const link = mounted.$<HTMLAnchorElement>('[part~="policy-link"]');
      expect(link.getAttribute('href')).to.equal(url);
      expect(['http:', 'https:'], `${url} → ${link.href}`).to.include(new URL(link.href).protocol);
      mounted.el.remove();
    }
  });

  it('an element configured by attributes with a javascript: policy-url renders nothing and reports the error', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      const { ConsentManager } = await import('../../src/core/index.js');
      const element = document.createElement('cookie-consent') as HTMLElement & { manager: unknown };
      element.manager = new ConsentManager();
      element.setAttribute('policy-url', 'javascript:alert(1)');
      element.setAttribute('revision', '1');
      document.body.append(element);
      await waitFor(() => errors.join('\n').includes('config.policyUrl'), 'the error naming config.policyUrl');
      await pageSettled();
      expect(element.shadowRoot!.querySelector('.cc-root')).to.equal(null);
      expect(errors.join('\n')).to.include('config.policyUrl must be an http(s) or relative URL');
      element.remove();
    } finally {
      console.error = original;
    }
  });
});

/** Script-tag configuration from the page: data-* attributes and the JSON block, with hostile values. */
const HOSTILE_DATA: [Record<string, string>, string][] = [
  [{ 'policy-url': 'javascript:window.top.__pwned("data-policy-url")', revision: '1' }, 'config.policyUrl'],
  [{ 'policy-url': '/privacy', revision: '1', endpoint: 'javascript:window.top.__pwned(1)' }, 'config.endpoint'],
  [{ 'policy-url': '/privacy', revision: '1 onload=window.top.__pwned(1)' }, 'config.revision'],
  [{ 'policy-url': '/privacy', revision: '<img src=x onerror=window.top.__pwned(1)>' }, 'config.revision'],
  [{ 'policy-url': '/privacy', revision: '1', lang: 'en"><script>window.top.__pwned(1)</script>' }, 'config.language'],
  [{ 'policy-url': '/privacy', revision: '1', layout: '<img src=x onerror=window.top.__pwned(1)>' }, 'config.layout'],
  [{ 'policy-url': '/privacy', revision: '1', theme: 'javascript:window.top.__pwned(1)' }, 'config.theme'],
  [{ 'policy-url': '/privacy', revision: '-1' }, 'config.revision'],
  [{ 'policy-url': '/privacy', revision: '1e999' }, 'config.revision'],
];
const HOSTILE_BLOCKS: [string, string][] = [
  ['{"revision":1,"policyUrl":"javascript:window.top.__pwned(\\"json\\")"}', 'config.policyUrl'],
  ['{"revision":1,"policyUrl":"/privacy","__proto__":{"polluted":true}}', 'config.__proto__'],
  ['null', 'the #cookie-consent-config block must hold a JSON object'],
  ['[{"revision":1,"policyUrl":"/privacy"}]', 'the #cookie-consent-config block must hold a JSON object'],
  ['"javascript:window.top.__pwned(1)"', 'the #cookie-consent-config block must hold a JSON object'],
  ['{"revision":1,"policyUrl":"/privacy",}', 'the #cookie-consent-config block is not valid JSON'],
  ['{"revision":1,"policyUrl":"/privacy","constructor":{"prototype":{"polluted":true}}}', 'config.constructor'],
  ['{"revision":1,"policyUrl":"/privacy","translations":{"__proto__":{"polluted":"yes"}}}', 'config.translations.__proto__'],
  ['{"revision":1,"policyUrl":"/privacy","translations":{"en":{"__proto__":{"polluted":"yes"}}}}', 'config.translations.en.__proto__'],
  ['{"revision":1,"policyUrl":"/privacy","cookie":{"name":"x; Domain=evil.example"}}', 'config.cookie.name'],
  ['{"revision":1,"policyUrl":"/privacy","cookie":{"path":"/; Secure=0"}}', 'config.cookie.path'],
  ['{"revision":1,"policyUrl":"/privacy","categories":[{"id":"<img src=x onerror=1>"}]}', 'config.categories[0].id'],
  ['{"revision":1,"policyUrl":"/privacy","categories":[{"id":"analytics","erase":["*"]}]}', 'config.categories[0].erase'],
  ['{"revision":1,"policyUrl":"/privacy","categories":[{"id":"analytics","label":{"toString":"x"}}]}', 'config.categories[0].label'],
];

describe('compliance C22: hostile data-* attributes and JSON config blocks on the script tag', () => {
  beforeEach(resetBrowserState);

  const expectRefused = async (page: Awaited<ReturnType<typeof openSecurityPage>>, key: string): Promise<void> => {
    await waitFor(() => page.page().pageAlive === true, 'the page to go on after the widget refused');
    const win = page.page();
    // A block that is not JSON throws at once; anything else is reported by the configuration
    // check with console.error (the same on every page view), and the page gets only the settings.
    const reported = (): string => [...win.errors, ...win.consoleErrors].join('\n');
    await waitFor(() => reported().includes(`cookie-consent: ${key}`), `the error naming ${key}`).catch(() => undefined);
    await pageSettled();
    expect(reported(), `the error names the key (warnings: ${win.warnings.join(' / ')})`).to.include(`cookie-consent: ${key}`);
    expect(win.runs, 'no gated script runs').to.deep.equal([]);
    expect(top.__pwnedBy).to.deep.equal([]);
    expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype polluted').to.equal(undefined);
    expect((win as unknown as { Object: ObjectConstructor }).Object.prototype).to.not.have.property('polluted');
    const banner = win.document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~="banner"]') ?? null;
    expect(banner, 'no banner asks under a broken configuration').to.equal(null);
  };

  before(() => {
    top.__pwnedBy = [];
    top.__pwned = (what) => top.__pwnedBy!.push(what);
  });

  for (const [index, [data, key]] of HOSTILE_DATA.entries()) {
    it(`hostile data-* attributes ${index + 1} of ${HOSTILE_DATA.length}: refused at configuration time, naming ${key}`, async () => {
      const page = await openSecurityPage('script-tag.html', { csp: 'strict', data, config: {}, noManager: true });
      if (Object.values(data).some((value) => /<script|<style/i.test(value))) {
        // CSP 3 "is element nonceable": a script with "<script" or "<style" in an attribute loses
        // its nonce, so both browsers refuse to run the widget at all, which is safe too.
        await waitFor(() => page.page().pageAlive === true, 'the page');
        expect(page.page().cookieConsent, 'the browser did not run the script').to.equal(undefined);
        // The violation event is a task of its own: on a loaded machine it can come after the page's next script.
        await waitFor(() => page.page().violations.some((violation) => violation.includes('script-src')), 'the script-src violation');
        expect(top.__pwnedBy).to.deep.equal([]);
      } else {
        await expectRefused(page, key);
      }
      page.frame.remove();
    });
  }

  for (const [index, [config, key]] of HOSTILE_BLOCKS.entries()) {
    it(`hostile JSON configuration block ${index + 1} of ${HOSTILE_BLOCKS.length}: refused, naming ${JSON.stringify(key)}; nothing polluted`, async () => {
      // JSON.stringify drops a real __proto__ key; the hostile JSON spells it out.
      const page = await openSecurityPage('script-tag.html', { csp: 'strict', config, data: {}, noManager: true });
      await expectRefused(page, key);
      page.frame.remove();
    });
  }
});
