import { expect } from '@open-wc/testing';
import { resetBrowserState, waitFor } from '../helpers.js';
import { deliveriesSettled, newLane, openDeliveryPage, removeFrames, waitForServer } from './lane.js';

/**
 * Fault tests against a real server on 127.0.0.1 (test/delivery/server-plugin.mjs): what only a
 * browser shows, with real requests, IndexedDB across page loads, pagehide and the online event.
 * The timer logic (backoff, retries after 5xx, network errors and timeouts, no retry after a
 * 4xx, the outbox's bound) is tested in Node on a fake clock: delivery.node.test.ts beside this file.
 */
describe('delivery of consent records when the network or the server fails', () => {
  beforeEach(async () => {
    removeFrames();
    await resetBrowserState();
  });
  afterEach(removeFrames);

  it('connection refused across origins, then the server starts: the online event retries at once (CORS preflight included)', async () => {
    const lane = newLane();
    const endpoint = await lane.standalone('reserve');
    // A long backoff: only the online event can bring the retry this soon.
    const { page } = await openDeliveryPage(endpoint, { base: 60000, cap: 60000 });
    await page().manager.acceptAll();
    await waitFor(() => page().failed.length === 1, 'the refused connection');
    expect(page().failed[0]!.error).to.match(/network error/);
    await lane.standalone('up');
    page().dispatchEvent(new Event('online'));
    await waitFor(() => page().delivered.length === 1, 'delivery after online');
    const state = await lane.state();
    expect(state.rows.length).to.equal(1);
    expect(state.requests.filter((r) => r.standalone).length).to.equal(1);
    expect(page().errors).to.deep.equal([]);
    await lane.standalone('down');
  });

  it('retries on the next page load', async () => {
    const lane = newLane();
    await lane.faults([], { kind: 'drop' });
    const first = await openDeliveryPage(lane.endpoint, { base: 60000, cap: 60000 });
    await first.page().manager.withdraw();
    await waitFor(() => first.page().failed.length === 1, 'the failure');
    const eventId = first.page().failed[0]!.record.eventId;
    first.page().delivery!.stop();
    first.frame.remove();
    await lane.heal();
    const second = await openDeliveryPage(lane.endpoint);
    await waitFor(() => second.page().delivered.length === 1, 'delivery on the next load');
    expect(second.page().delivered[0]).to.deep.include({ attempts: 2 });
    expect(second.page().delivered[0]!.record.eventId).to.equal(eventId);
    expect((await lane.state()).rows.map((r) => r.eventId)).to.deep.equal([eventId]);
  });

  it('the tab is closed mid-send: the record is stored once, and the resend on the next load is a harmless duplicate', async () => {
    const lane = newLane();
    // Stored at once, answered late: the tab is gone before it hears back.
    await lane.faults([{ kind: 'ack-delay', ms: 1500 }]);
    const first = await openDeliveryPage(lane.endpoint, { timeout: 5000 });
    await first.page().manager.acceptAll();
    const sent = await waitForServer(lane, (s) => s.rows.length === 1, 'the record to arrive');
    const eventId = sent.rows[0]!.eventId;
    first.frame.remove();
    const second = await openDeliveryPage(lane.endpoint);
    await waitFor(() => second.page().delivered.length === 1, 'the resend to be acknowledged');
    const state = await lane.state();
    expect(state.rows.map((r) => r.eventId)).to.deep.equal([eventId]);
    expect(state.requests.filter((r) => r.eventId === eventId).length).to.be.at.least(2);
    expect(state.requests.some((r) => r.eventId === eventId && r.status === 200)).to.equal(true);
  });

  it('pagehide hands what is waiting to sendBeacon', async () => {
    const lane = newLane();
    await lane.faults([], { kind: 'drop' });
    const { page, frame } = await openDeliveryPage(lane.endpoint, { base: 60000, cap: 60000 });
    await page().manager.acceptAll();
    await waitFor(() => page().failed.length === 1, 'the failure');
    const eventId = page().failed[0]!.record.eventId;
    await lane.heal();
    // Navigating away is the page closing as far as the page knows: pagehide, then gone.
    frame.src = 'about:blank';
    const state = await waitForServer(lane, (s) => s.rows.length === 1, 'the beacon');
    expect(state.rows[0]!.eventId).to.equal(eventId);
  });

  it('a decision made as the page goes away is still recorded, on the way out or by the next page', async () => {
    const lane = newLane();
    const first = await openDeliveryPage(lane.endpoint);
    // The site's own "accept" link, then navigation, in one task: the record is not built yet.
    void first.page().manager.acceptAll();
    first.frame.remove();
    const second = await openDeliveryPage(lane.endpoint);
    const state = await waitForServer(lane, (s) => s.rows.length >= 1, 'the record of the decision');
    await deliveriesSettled(second);
    expect(
      (await lane.state()).rows.map((row) => row.method),
      'exactly one row',
    ).to.deep.equal(['accept-all']);
    expect(state.rows[0]!.layer).to.equal('api');
    expect(second.page().errors).to.deep.equal([]);
  });

  it('two tabs sending the same outbox at once: exactly one row per eventId', async () => {
    const lane = newLane();
    await lane.faults([], { kind: 'drop' });
    const first = await openDeliveryPage(lane.endpoint, { base: 60000, cap: 60000 });
    await first.page().manager.acceptAll();
    await first.page().manager.set({ analytics: false });
    await waitFor(() => first.page().failed.length >= 1, 'a failure');
    first.page().delivery!.stop();
    first.frame.remove();
    // Slow answers, so both tabs have sent everything before either hears back.
    await lane.faults([], { kind: 'delay', ms: 400 });
    const [a, b] = await Promise.all([openDeliveryPage(lane.endpoint), openDeliveryPage(lane.endpoint)]);
    await waitFor(() => a.page().delivered.length + b.page().delivered.length >= 2, 'both records delivered');
    const state = await waitForServer(lane, (s) => s.rows.length === 2, 'two rows');
    await deliveriesSettled(a, b);
    const after = await lane.state();
    expect(after.rows.length).to.equal(2);
    expect(new Set(after.rows.map((r) => r.eventId)).size).to.equal(2);
    const sends = after.requests.filter((r) => r.fault === 'delay').length;
    expect(sends, 'both tabs sent').to.be.at.least(3);
    expect(state.rows).to.deep.equal(after.rows);
    expect(a.page().errors.concat(b.page().errors)).to.deep.equal([]);
  });

  for (const broken of ['idb', 'quota']) {
    it(`IndexedDB ${broken === 'idb' ? 'disabled' : 'over quota'}: the record is still delivered from memory, with one warning and no error`, async () => {
      const lane = newLane();
      await lane.faults([{ kind: 'status', status: 503 }]);
      const { page } = await openDeliveryPage(lane.endpoint, { break: broken });
      await page().manager.acceptAll();
      await waitFor(() => page().delivered.length === 1, 'delivery');
      expect(page().delivered[0]!.attempts).to.equal(2);
      expect((await lane.state()).rows.length).to.equal(1);
      expect(page().errors).to.deep.equal([]);
      expect((page() as unknown as { warnings: string[] }).warnings.some((w) => /could not be queued in IndexedDB/.test(w))).to.equal(true);
    });
  }
});
