import { expect } from '@open-wc/testing';
import { ConsentManager, getConsentManager } from '../../src/core/index.js';
import { resolveConfig } from '../../src/core/config.js';
import { createDecision } from '../../src/core/decision.js';
import { cookieAttributes } from '../../src/core/storage/cookie-jar.js';
import { encodeConsentCookie } from '../../src/core/storage/consent-cookie.js';
import { DATABASE_NAME } from '../../src/core/storage/history.js';
import type { ConsentChangeDetail, ConsentReadyDetail } from '../../src/core/events.js';
import type { ConsentConfig } from '../../src/core/types.js';
import { cookieJar, databaseNames, resetBrowserState } from '../helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;
const baseConfig: ConsentConfig = { revision: 1, policyUrl: '/privacy' };
const managers: ConsentManager[] = [];

function startManager(config: Partial<ConsentConfig> = {}): ConsentManager {
  const manager = new ConsentManager().start({ ...baseConfig, ...config });
  managers.push(manager);
  return manager;
}

function storeCookie(value: string): void {
  document.cookie = `cookie_consent=${value}; Path=/; Max-Age=3600`;
}

/** Records what the page writes to document.cookie, to check the attributes it sets. */
function recordCookieWrites(): { writes: string[]; restore: () => void } {
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  const writes: string[] = [];
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => descriptor.get!.call(document),
    set: (value: string) => {
      writes.push(value);
      descriptor.set!.call(document, value);
    },
  });
  return { writes, restore: () => delete (document as { cookie?: string }).cookie };
}

describe('consent manager', () => {
  beforeEach(resetBrowserState);
  afterEach(() => managers.splice(0).forEach((manager) => manager.dispose()));

  it('REQUIREMENTS 1: stores nothing before the visitor decides', async () => {
    const manager = startManager();
    await manager.ready;
    expect(manager.decision).to.equal(null);
    expect(manager.view).to.equal('banner');
    expect(cookieJar().size, 'cookies').to.equal(0);
    expect(localStorage.length + sessionStorage.length, 'storage keys').to.equal(0);
    expect(await databaseNames(), 'IndexedDB databases').to.not.include(DATABASE_NAME);

    await manager.rejectAll();
    expect(cookieJar().has('cookie_consent'), 'the consent cookie, once chosen').to.equal(true);
    expect(await databaseNames()).to.include(DATABASE_NAME);
  });

  it('fires consent-ready once, on the manager and on document, and resolves ready', async () => {
    const onManager: ConsentReadyDetail[] = [];
    const onDocument: ConsentReadyDetail[] = [];
    const listener = (event: CustomEvent<ConsentReadyDetail>): void => {
      onDocument.push(event.detail);
    };
    document.addEventListener('consent-ready', listener);
    const manager = new ConsentManager();
    managers.push(manager);
    manager.addEventListener('consent-ready', (event) => onManager.push(event.detail));
    manager.start(baseConfig);
    await manager.ready;
    await new Promise((resolve) => setTimeout(resolve, 50));
    document.removeEventListener('consent-ready', listener);
    expect(onManager).to.deep.equal([{ decision: null }]);
    expect(onDocument).to.deep.equal([{ decision: null }]);
  });

  it('acceptAll saves every category explicitly, with id, UTC time, revision, expiry and method', async () => {
    const manager = startManager({ revision: 3 });
    const before = Date.now();
    const decision = await manager.acceptAll();
    expect(decision.consentId).to.match(UUID);
    expect(decision.revision).to.equal(3);
    expect(decision.timestamp).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(decision.timestamp)).to.be.within(before, Date.now());
    expect(Date.parse(decision.expiresAt) - Date.parse(decision.timestamp)).to.equal(182 * DAY_MS);
    expect(decision.method).to.equal('accept-all');
    expect(decision.categories).to.deep.equal({ session: true, preferences: true, analytics: true, promotional: true });
    expect(manager.decision).to.deep.equal(decision);
    expect(manager.granted('promotional')).to.equal(true);
  });

  it('fires consent-change on the manager and on document with the previous decision and what changed', async () => {
    const manager = startManager();
    const seen: [string, ConsentChangeDetail][] = [];
    manager.addEventListener('consent-change', (event) => seen.push(['manager', event.detail]));
    const listener = (event: CustomEvent<ConsentChangeDetail>): void => {
      seen.push(['document', event.detail]);
    };
    document.addEventListener('consent-change', listener);
    const first = await manager.rejectAll();
    const second = await manager.set({ analytics: true });
    document.removeEventListener('consent-change', listener);
    expect(seen.map(([target, detail]) => [target, detail.decision?.method, detail.changed])).to.deep.equal([
      ['manager', 'reject-all', []],
      ['document', 'reject-all', []],
      ['manager', 'custom', ['analytics']],
      ['document', 'custom', ['analytics']],
    ]);
    expect(seen[2]![1].previous).to.deep.equal(first);
    expect(seen[2]![1].decision).to.deep.equal(second);
    expect(seen[2]![1].origin).to.equal('this-tab');
  });

  it('set() changes only the categories named; unknown ids are ignored; required ones stay on', async () => {
    const manager = startManager();
    await manager.set({ analytics: true });
    const decision = await manager.set({ preferences: true, session: false, tracking: true } as Record<string, boolean>);
    expect(decision.method).to.equal('custom');
    expect(decision.categories).to.deep.equal({ session: true, preferences: true, analytics: true, promotional: false });
  });

  it('REQUIREMENTS 2: before any decision nothing but the required category is granted', async () => {
    const manager = startManager();
    await manager.ready;
    expect(['session', 'preferences', 'analytics', 'promotional'].map((id) => manager.granted(id))).to.deep.equal([true, false, false, false]);
  });

  it('whenGranted resolves at once for a granted category and later for one granted later', async () => {
    const manager = startManager();
    await manager.whenGranted('session');
    let resolved = false;
    const analytics = manager.whenGranted('analytics').then(() => (resolved = true));
    await manager.rejectAll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resolved, 'not on a refusal').to.equal(false);
    await manager.set({ analytics: true });
    await analytics;
    expect(resolved).to.equal(true);
  });

  it('keeps the consentId across changes of mind and withdrawal, and makes a new one after reset()', async () => {
    const manager = startManager();
    const first = await manager.acceptAll();
    const changed = await manager.set({ analytics: false });
    const withdrawn = await manager.withdraw();
    expect(changed.consentId).to.equal(first.consentId);
    expect(withdrawn.consentId).to.equal(first.consentId);
    expect(withdrawn.method).to.equal('withdraw');
    expect(withdrawn.categories).to.deep.equal({ session: true, preferences: false, analytics: false, promotional: false });

    manager.reset();
    expect(manager.decision).to.equal(null);
    expect(manager.view).to.equal('banner');
    expect(cookieJar().has('cookie_consent')).to.equal(false);
    const after = await manager.acceptAll();
    expect(after.consentId).to.not.equal(first.consentId);
  });

  it('REQUIREMENTS 8: showPreferences(), showBanner() and hide() are requests the UI hears', async () => {
    const manager = startManager();
    await manager.acceptAll();
    const views: string[] = [];
    manager.addEventListener('consent-view', (event) => views.push(event.detail.view));
    manager.showPreferences();
    manager.hide();
    manager.showBanner();
    expect(views).to.deep.equal(['preferences', 'none', 'banner']);
  });

  it('REQUIREMENTS 10: remembers a refusal as well, and asks again once the retention period has passed', async () => {
    const config = resolveConfig(baseConfig);
    const refusedLongAgo = createDecision(config, {}, 'reject-all', undefined, Date.now() - 183 * DAY_MS);
    // The cookie's own expiry is forged into the future: the widget counts from the stored time.
    storeCookie(encodeConsentCookie({ ...refusedLongAgo, expiresAt: new Date(Date.now() + DAY_MS).toISOString() }));
    const stale = startManager();
    await stale.ready;
    expect(stale.decision).to.equal(null);
    expect(stale.view).to.equal('banner');

    const refusedRecently = createDecision(config, {}, 'reject-all', undefined, Date.now() - 181 * DAY_MS);
    storeCookie(encodeConsentCookie(refusedRecently));
    const fresh = startManager();
    await fresh.ready;
    expect(fresh.decision).to.deep.equal(refusedRecently);
    expect(fresh.view).to.equal('none');

    const shorter = startManager({ expiresDays: 30 });
    await shorter.ready;
    expect(shorter.decision, 'a shorter retention configured later applies to old decisions').to.equal(null);
  });

  it('REQUIREMENTS 11: asks again when the policy revision changes, granting nothing meanwhile, and keeps the consentId', async () => {
    const old = createDecision(resolveConfig(baseConfig), { analytics: true }, 'accept-all');
    storeCookie(encodeConsentCookie(old));
    const manager = startManager({ revision: 2 });
    await manager.ready;
    expect(manager.decision).to.equal(null);
    expect(manager.view).to.equal('banner');
    expect(manager.granted('analytics')).to.equal(false);
    const renewed = await manager.acceptAll();
    expect(renewed.revision).to.equal(2);
    expect(renewed.consentId).to.equal(old.consentId);
  });

  it('REQUIREMENTS 25: a tampered, foreign-category or malformed cookie grants nothing and shows the banner', async () => {
    const valid = encodeConsentCookie(createDecision(resolveConfig(baseConfig), { analytics: true }, 'custom'));
    const foreign = encodeConsentCookie(
      createDecision(resolveConfig({ ...baseConfig, categories: [{ id: 'session', required: true }, { id: 'ads' }] }), { ads: true }, 'custom'),
    );
    const requiredRefused = encodeConsentCookie({
      ...createDecision(resolveConfig(baseConfig), { analytics: true }, 'custom'),
      categories: { session: false, preferences: false, analytics: true, promotional: false },
    });
    for (const value of [valid.replace('analytics:1', 'analytics:0'), valid.slice(0, -1), foreign, requiredRefused, '%7B%22a%22%3A1%7D', 'x']) {
      storeCookie(value);
      const manager = startManager();
      await manager.ready;
      expect(manager.decision, value).to.equal(null);
      expect(manager.granted('analytics'), value).to.equal(false);
      expect(manager.view).to.equal('banner');
      manager.dispose();
    }
  });

  it('REQUIREMENTS 26: the cookie is SameSite=Lax, Path=/, Max-Age = retention, Secure on https, Domain when configured', async () => {
    const recorder = recordCookieWrites();
    try {
      const manager = startManager();
      await manager.acceptAll();
      const written = recorder.writes.find((write) => write.startsWith('cookie_consent='))!;
      expect(written).to.match(/; Max-Age=\d+; Path=\/; SameSite=Lax$/);
      expect(Number(/Max-Age=(\d+)/.exec(written)![1])).to.be.within(182 * 86_400 - 2, 182 * 86_400);
      expect(new TextEncoder().encode(written.split(';')[0]).length).to.be.below(400);
    } finally {
      recorder.restore();
    }
    const config = resolveConfig({ ...baseConfig, cookie: { domain: 'example.com' } });
    expect(cookieAttributes(config, 'https:', 60)).to.equal('; Max-Age=60; Path=/; Domain=example.com; SameSite=Lax; Secure');
    expect(cookieAttributes(resolveConfig({ ...baseConfig, cookie: { sameSite: 'None' } }), 'http:', 60)).to.contain('; Secure');
    const cookieStore = (window as { cookieStore?: { get(name: string): Promise<{ path?: string; sameSite?: string } | null> } }).cookieStore;
    const stored = await cookieStore?.get('cookie_consent');
    // Where the browser reports its own view of the cookie's attributes (Chromium does; Firefox's
    // cookieStore gives only name and value), check them there too.
    if (stored?.path !== undefined) expect(stored.path).to.equal('/');
    if (stored?.sameSite !== undefined) expect(stored.sameSite).to.equal('lax');
  });

  it('REQUIREMENTS 12: every decision, refusals and withdrawals included, is kept as a receipt in IndexedDB', async () => {
    const manager = startManager();
    await manager.rejectAll({ layer: 'banner' });
    await manager.set({ analytics: true }, { layer: 'preferences' });
    await manager.withdraw();
    const receipts = await manager.history();
    expect(receipts.map((receipt) => [receipt.method, receipt.layer])).to.deep.equal([
      ['reject-all', 'banner'],
      ['custom', 'preferences'],
      ['withdraw', 'api'],
    ]);
    expect(receipts[1]!.categories).to.deep.equal({ session: true, preferences: false, analytics: true, promotional: false });
    expect(new Set(receipts.map((receipt) => receipt.consentId)).size).to.equal(1);
  });

  it('getConsentManager() returns the one manager of the page', () => {
    expect(getConsentManager()).to.equal(getConsentManager());
    expect(getConsentManager()).to.be.instanceOf(ConsentManager);
  });

  it('rejects a decision requested before start() with a clear error', async () => {
    const error = await new ConsentManager().acceptAll().catch((caught: Error) => caught);
    expect((error as Error).message).to.contain('before start(config)');
  });

  it('keeps the first configuration when started twice, with a warning', async () => {
    const manager = startManager({ revision: 5 });
    manager.start({ ...baseConfig, revision: 6 });
    expect(manager.config?.revision).to.equal(5);
  });
});
