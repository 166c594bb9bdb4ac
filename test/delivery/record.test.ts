import { expect } from '@open-wc/testing';
import { DATABASE_NAME } from '../../src/core/storage/history.js';
import { WIDGET_VERSION } from '../../src/core/delivery/version.js';
import { databaseNames, pageSettled, resetBrowserState, waitFor } from '../helpers.js';
import { deliveriesSettled, newLane, openDeliveryPage, removeFrames, waitForServer } from './lane.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('consent records (compliance C12)', () => {
  beforeEach(async () => {
    removeFrames();
    await resetBrowserState();
  });
  afterEach(removeFrames);

  it('compliance C1: with an endpoint, nothing is stored or sent before a decision', async () => {
    const lane = newLane();
    const { page } = await openDeliveryPage(lane.endpoint);
    // Not deliveriesSettled(): flushing reads the outbox, which would open the database.
    await pageSettled();
    expect(await databaseNames()).to.not.include(DATABASE_NAME);
    expect((await lane.state()).requests).to.deep.equal([]);
    expect(page().errors).to.deep.equal([]);
  });

  it('compliance C12: a decision reaches the backend with every field of the contract and nothing personal', async () => {
    const lane = newLane();
    const strings = ['Sīkdatnes', 'Mēs izmantojam sīkdatnes.', 'Pieņemt visas', 'Noraidīt visas'];
    const { page } = await openDeliveryPage(lane.endpoint, { lang: 'lv', strings: JSON.stringify(strings) });
    const decision = await page().manager.set({ analytics: true }, { layer: 'preferences' });
    await waitFor(() => page().delivered.length === 1, 'the record to be delivered');
    const { record, attempts } = page().delivered[0]!;
    expect(attempts).to.equal(1);
    expect(Object.keys(record).sort()).to.deep.equal([
      'categories',
      'consentId',
      'eventId',
      'gpc',
      'language',
      'layer',
      'method',
      'pageUrl',
      'revision',
      'schema',
      'textHash',
      'timestamp',
      'widgetVersion',
    ]);
    expect(record.schema).to.equal(1);
    expect(record.eventId).to.match(UUID);
    expect(record.eventId).to.not.equal(decision.consentId);
    expect(record.consentId).to.equal(decision.consentId);
    expect(record.timestamp).to.equal(decision.timestamp);
    expect(record.revision).to.equal(1);
    expect(record.method).to.equal('custom');
    expect(record.layer).to.equal('preferences');
    expect(record.categories).to.deep.equal({ session: true, preferences: false, analytics: true, promotional: false });
    expect(record.language).to.equal('lv');
    expect(record.textHash).to.equal(await sha256Hex(strings.join('\n')));
    expect(record.widgetVersion).to.equal(WIDGET_VERSION);
    expect(record.gpc).to.equal((navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true);
    // The fixture's URL has a query string (the endpoint and options): none of it is sent.
    expect(record.pageUrl).to.equal(`${location.origin}/test/delivery/fixtures/delivery-page.html`);
    const state = await lane.state();
    expect(state.rows).to.deep.equal([{ eventId: record.eventId, consentId: decision.consentId, method: 'custom', layer: 'preferences' }]);
    expect(page().errors).to.deep.equal([]);
  });

  it('every decision is recorded, refusals and withdrawals included; a reset is not a decision', async () => {
    const lane = newLane();
    const { page } = await openDeliveryPage(lane.endpoint);
    const manager = page().manager;
    await manager.acceptAll({ layer: 'banner' });
    await manager.rejectAll({ layer: 'banner' });
    await manager.set({ preferences: true });
    await manager.withdraw({ layer: 'preferences' });
    const state = await waitForServer(lane, (s) => s.rows.length === 4, 'four rows');
    expect(state.rows.map((row) => [row.method, row.layer])).to.deep.equal([
      ['accept-all', 'banner'],
      ['reject-all', 'banner'],
      ['custom', 'api'],
      ['withdraw', 'preferences'],
    ]);
    expect(new Set(state.rows.map((row) => row.consentId)).size).to.equal(1);
    manager.reset();
    await deliveriesSettled({ page });
    expect((await lane.state()).requests.length).to.equal(4);
  });

  it('fires consent-delivered on the manager and on document', async () => {
    const lane = newLane();
    const { page } = await openDeliveryPage(lane.endpoint);
    await page().manager.acceptAll();
    await waitFor(() => page().delivered.length === 1, 'delivery');
    const eventId = page().delivered[0]!.record.eventId;
    expect(page().onManager).to.deep.equal([{ type: 'consent-delivered', eventId }]);
  });

  it('a decision taken in another tab is recorded once, by that tab', async () => {
    const lane = newLane();
    const a = await openDeliveryPage(lane.endpoint);
    const b = await openDeliveryPage(lane.endpoint);
    await a.page().manager.acceptAll();
    await waitFor(() => b.page().manager.decision !== null, 'the other tab to hear of it');
    await waitFor(() => a.page().delivered.length === 1, 'delivery');
    await deliveriesSettled(a, b);
    const state = await lane.state();
    // The other tab shares the outbox and may help deliver the same record: it never makes one.
    const eventId = a.page().delivered[0]!.record.eventId;
    expect(new Set(state.requests.map((request) => request.eventId))).to.deep.equal(new Set([eventId]));
    expect(state.rows.map((row) => row.eventId)).to.deep.equal([eventId]);
  });

  it('bootConsent() starts delivery when the configuration has an endpoint', async () => {
    const lane = newLane();
    const { page } = await openDeliveryPage(lane.endpoint, { boot: 1 });
    await page().manager.rejectAll({ layer: 'banner' });
    const state = await waitForServer(lane, (s) => s.rows.length === 1, 'one row');
    expect(state.rows[0]!.method).to.equal('reject-all');
  });
});
