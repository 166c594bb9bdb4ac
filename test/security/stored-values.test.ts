import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { resolveConfig } from '../../src/core/config.js';
import { createDecision } from '../../src/core/decision.js';
import { ConsentManager } from '../../src/core/index.js';
import { crc32Hex } from '../../src/core/storage/checksum.js';
import { encodeConsentCookie } from '../../src/core/storage/consent-cookie.js';
import { DATABASE_NAME } from '../../src/core/storage/history.js';
import { deleteAllCookies, pageSettled, resetBrowserState, waitFor } from '../helpers.js';
import { note, openSecurityPage, waitForBanner, waitForDialog } from './security-helpers.js';

/**
 * docs/compliance.md C25: a stored value that is malformed, tampered with, forged with a correct
 * checksum but wrong in content, or random, grants nothing: the banner is shown, every category
 * but the required one is denied, no gated script runs and no exception reaches the page.
 */

const CONFIG = { revision: 1, policyUrl: '/privacy' };
const NON_REQUIRED = ['preferences', 'analytics', 'promotional'];
const OCTETS = [...Array(0x7f - 0x21).keys()].map((i) => String.fromCharCode(0x21 + i)).filter((char) => !['"', ',', ';', '\\'].includes(char));

function validCookie(categories: Record<string, boolean> = { preferences: true, analytics: true, promotional: true }): string {
  return encodeConsentCookie(createDecision(resolveConfig(CONFIG), categories, 'accept-all'));
}

/** A body with a correct checksum: only the content can refuse it. */
const signed = (body: string): string => `${body}.${crc32Hex(body)}`;

/** Forged values that pass the checksum but must not pass the content checks. */
function forgedValues(): string[] {
  const id = '3b241101-e2bb-4255-8caf-4136c566a962';
  const now = Date.now();
  const t = (ms: number) => ms.toString(36);
  const all = 'session:1~preferences:1~analytics:1~promotional:1';
  const ok = (fields: Partial<Record<'v' | 'id' | 'rev' | 'issued' | 'expires' | 'method' | 'cats', string>>) => {
    const f = { v: '1', id, rev: '1', issued: t(now - 1000), expires: t(now + 86_400_000), method: 'a', cats: all, ...fields };
    return signed([f.v, f.id, f.rev, f.issued, f.expires, f.method, f.cats].join('.'));
  };
  return [
    ok({ rev: '0' }), // an older revision
    ok({ rev: '2' }), // a revision the site has not published
    ok({ rev: '01' }),
    ok({ issued: t(now + 86_400_000), expires: t(now + 2 * 86_400_000) }), // issued in the future
    ok({ issued: t(now - 2 * 86_400_000), expires: t(now - 86_400_000) }), // expired
    ok({ issued: t(now - 200 * 86_400_000), expires: t(now + 86_400_000) }), // older than expiresDays
    ok({ expires: t(now - 2000) }),
    ok({ issued: t(now - 1000), expires: t(now + 20 * 365 * 86_400_000) }), // a lifetime over ten years
    ok({ method: 'x' }),
    ok({ method: '' }),
    ok({ v: '2' }),
    ok({ v: '0' }),
    ok({ id: id.toUpperCase() }),
    ok({ id: 'not-a-uuid' }),
    ok({ cats: 'session:1~preferences:1~analytics:1' }), // a category missing
    ok({ cats: `${all}~video:1` }), // an unknown category
    ok({ cats: `${all}~analytics:1` }), // a duplicate
    ok({ cats: 'session:1~preferences:1~analytics:2~promotional:1' }),
    ok({ cats: 'session:1~preferences:1~__proto__:1~analytics:1~promotional:1' }),
    ok({ cats: 'session:1~preferences:1~constructor:1~analytics:1~promotional:1' }),
    ok({ cats: '' }),
    ok({ cats: Array.from({ length: 30 }, (_, i) => `c${i}:1`).join('~') }),
    signed(`1.${id}.1.${t(now)}.${t(now + 86_400_000)}.a`), // a field missing
    signed(`1.${id}.1.${t(now)}.${t(now + 86_400_000)}.a.${all}.extra`),
    `${ok({})}x`,
    ok({}).slice(0, -1),
    `1.${id}.1.${t(now)}.${t(now + 86_400_000)}.a.${all}.00000000`,
    ok({}).replace(/.$/, (char) => (char === '0' ? '1' : '0')),
    ok({}).replace('analytics:1', 'analytics:0').replace('promotional:1', 'promotional:1'),
    'A'.repeat(5000),
  ];
}

/** Mutations of a real cookie: one replaced, inserted or deleted octet, a truncation, or fields swapped. */
const mutatedCookie = fc
  .tuple(fc.nat(), fc.constantFrom(...OCTETS), fc.constantFrom('replace', 'insert', 'delete', 'truncate', 'swap', 'repeat'))
  .map(([position, octet, how]) => {
    const value = validCookie();
    const at = position % value.length;
    if (how === 'replace') return value.slice(0, at) + (value[at] === octet ? (octet === 'a' ? 'b' : 'a') : octet) + value.slice(at + 1);
    if (how === 'insert') return value.slice(0, at) + octet + value.slice(at);
    if (how === 'delete') return value.slice(0, at) + value.slice(at + 1);
    if (how === 'truncate') return value.slice(0, at);
    if (how === 'repeat') return value + value.slice(at);
    const fields = value.split('.');
    const i = at % fields.length;
    const j = (i + 1 + (position % (fields.length - 1))) % fields.length;
    // Two equal fields (version and revision are both "1") swap into the same value: drop one instead.
    if (fields[i] === fields[j]) return fields.filter((_, index) => index !== i).join('.');
    [fields[i], fields[j]] = [fields[j]!, fields[i]!];
    return fields.join('.');
  });

const randomValue = fc.oneof(
  fc.string({ maxLength: 400, unit: 'binary-ascii' }),
  fc.string({ maxLength: 200, unit: 'grapheme' }),
  fc.array(fc.constantFrom(...OCTETS, '.', '~', ':', '0', '1'), { maxLength: 300 }).map((chars) => chars.join('')),
  fc.base64String({ maxLength: 400 }),
);

/** Stores a raw value as the consent cookie; false when the browser refused it (control characters and the like). */
function storeRaw(value: string): boolean {
  deleteAllCookies();
  try {
    document.cookie = `cookie_consent=${value}; Path=/; Max-Age=3600`;
  } catch {
    return false;
  }
  return document.cookie.includes('cookie_consent=');
}

function expectNothingGranted(manager: ConsentManager, value: string): void {
  const label = JSON.stringify(value.slice(0, 120));
  expect(manager.decision, label).to.equal(null);
  for (const category of NON_REQUIRED) expect(manager.granted(category), `${category} for ${label}`).to.equal(false);
  expect(manager.granted('session')).to.equal(true);
  expect(manager.view, label).to.equal('banner');
}

describe('compliance C25: fuzzed consent cookies grant nothing', () => {
  let tried = 0;
  let stored = 0;
  beforeEach(resetBrowserState);
  after(() => note(`consent cookie values tried: ${tried}, of which the browser stored ${stored}`));

  it('the control: a real cookie grants what it says', async () => {
    expect(storeRaw(validCookie())).to.equal(true);
    const manager = new ConsentManager().start(CONFIG);
    await manager.ready;
    expect(manager.granted('analytics')).to.equal(true);
    manager.dispose();
  });

  const check = async (value: string): Promise<void> => {
    tried++;
    if (storeRaw(value)) stored++;
    const manager = new ConsentManager().start(CONFIG);
    try {
      await manager.ready;
      expectNothingGranted(manager, value);
    } finally {
      manager.dispose();
    }
  };

  it('30 forged values with a correct checksum (wrong revision, future, expired, unknown or duplicate category, …)', async () => {
    for (const value of forgedValues()) await check(value);
  });

  it('1000 mutations of a real cookie (one octet replaced, inserted or deleted; truncated; fields swapped)', async () => {
    await fc.assert(fc.asyncProperty(mutatedCookie, check), { numRuns: 1000, seed: 9 });
  });

  it('1000 random values (binary, graphemes, cookie octets, base64)', async () => {
    await fc.assert(fc.asyncProperty(randomValue, check), { numRuns: 1000, seed: 25 });
  });
});

describe('compliance C25: hostile stored values end to end, set before a real page loads', () => {
  let pages = 0;
  beforeEach(resetBrowserState);
  after(() => note(`page loads with a hostile stored value: ${pages}`));

  const values = [...forgedValues().slice(0, 12), ...fc.sample(mutatedCookie, { numRuns: 12, seed: 4 }), ...fc.sample(randomValue, { numRuns: 12, seed: 5 })];

  const kinds = ['forged', 'mutated', 'random'];
  for (const [index, value] of values.entries()) {
    const name = `${kinds[Math.floor(index / 12)]} cookie ${(index % 12) + 1}, ${JSON.stringify(value.slice(0, 40))}`;
    it(`${name}: the script-tag page shows the banner, grants nothing, runs no gated script, throws nothing`, async () => {
      storeRaw(value);
      const page = await openSecurityPage('script-tag.html', { csp: 'strict' });
      await waitForBanner(page);
      await pageSettled();
      const win = page.page();
      expectNothingGranted(win.manager!, value);
      expect(win.runs, 'gated scripts that ran').to.deep.equal([]);
      expect(win.errors).to.deep.equal([]);
      expect(win.violations).to.deep.equal([]);
      page.frame.remove();
      pages++;
    });
  }

  /** Writes keys into the widget's own database, as another version or an extension might have left them. */
  async function seedDatabase(entries: Record<string, unknown>): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(DATABASE_NAME);
      request.onupgradeneeded = () => request.result.createObjectStore('keyval');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction('keyval', 'readwrite');
        for (const [key, value] of Object.entries(entries)) tx.objectStore('keyval').put(value, key);
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }

  const receipt = (overrides: object) => ({ ...createDecision(resolveConfig(CONFIG), { analytics: true }, 'accept-all'), layer: 'banner', ...overrides });
  const payload = '<img src=x onerror="window.top.__pwned(\'idb\')">';
  const HOSTILE_HISTORY: unknown[] = [
    42,
    'history',
    null,
    {},
    { length: 3, 0: receipt({}) },
    [null],
    [1, 'two', [3]],
    [{}],
    [receipt({ categories: null })],
    [receipt({ categories: 'analytics' })],
    [receipt({ timestamp: { toString: 'x' }, method: '__proto__' })],
    [receipt({ timestamp: 'not a date', method: 'constructor', consentId: payload })],
    [receipt({ consentId: payload, layer: payload, revision: payload })],
    [receipt({ categories: { __proto__: null, analytics: true } })],
    Array.from({ length: 3000 }, () => receipt({})),
    [new Date(), new Blob(['x']), new Map([[1, 2]]), /re/g],
  ];
  const HOSTILE_OUTBOX: unknown[] = [
    42,
    [null],
    [{ attempts: 'x', record: { eventId: 'e1' } }],
    [{ attempts: 0, record: { eventId: 'e2', consentId: payload, categories: payload } }],
    [{ attempts: Number.NaN, record: { eventId: 'e3' } }],
    [{ attempts: -1, record: { eventId: 'e'.repeat(100_000) } }],
    [{ attempts: Infinity, record: { eventId: 'e4', schema: 1 } }],
    { outbox: true },
  ];

  const top = window as Window & { __pwned?: (what: string) => void; __pwnedBy?: string[] };
  const lane = `security-${Math.random().toString(36).slice(2)}`;
  const config = { ...CONFIG, endpoint: `/test-receiver/${lane}/consent` };
  const cases = HOSTILE_HISTORY.map((history, i) => ({ history, outbox: HOSTILE_OUTBOX[i % HOSTILE_OUTBOX.length] }));
  for (const [index, entries] of cases.entries()) {
    it(`hostile history and outbox ${index + 1} of ${cases.length}: banner, nothing granted; a decision is still saved and the dialog still opens`, async () => {
      top.__pwnedBy = [];
      top.__pwned = (what) => top.__pwnedBy!.push(what);
      await seedDatabase(entries);
      const page = await openSecurityPage('script-tag.html', { csp: 'strict', config });
      await waitForBanner(page);
      const win = page.page();
      expectNothingGranted(win.manager!, 'before the decision');
      expect(win.runs).to.deep.equal([]);
      await page.click('[part~="banner"] [part~="accept-all"]');
      await waitFor(() => win.runs.length === 3, 'the consented scripts');
      expect(document.cookie, 'the decision is saved').to.include('cookie_consent=');
      await page.click('[part~="settings-button"]');
      await waitForDialog(page);
      const receiptText = (): string => page.shadow()!.querySelector('[part~="receipt"]')?.textContent ?? '';
      await waitFor(() => receiptText().includes(win.manager!.decision!.consentId), 'the receipt of the new decision');
      expect(page.shadow()!.querySelectorAll('img, script').length).to.equal(0);
      expect(win.errors, 'errors reaching the page').to.deep.equal([]);
      expect(top.__pwnedBy).to.deep.equal([]);
      const history = await win.manager!.history();
      expect(history.at(-1)?.consentId, 'the new receipt is kept').to.equal(win.manager!.decision!.consentId);
      page.frame.remove();
      pages++;
    });
  }
});
