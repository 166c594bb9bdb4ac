import { expect } from '@open-wc/testing';
import { resetBrowserState, waitFor } from '../helpers.js';
import { deliveriesSettled, newLane, openDeliveryPage, removeFrames, waitForServer } from './lane.js';

/** Fault tests against a real server on 127.0.0.1 (test/delivery/server-plugin.mjs). */
describe('delivery of consent records when the network or the server fails', () => {
  beforeEach(async () => {
    removeFrames();
    await resetBrowserState();
  });
  afterEach(removeFrames);

  it('server down during the decision, then back: delivered once, no error in the page', async () => {
    const lane = newLane();
    await lane.faults([], { kind: 'drop' });
    const { page } = await openDeliveryPage(lane.endpoint);
    await page().manager.acceptAll({ layer: 'banner' });
    await waitFor(() => page().failed.length >= 3, 'three failed tries');
    expect(page().failed.every((f) => f.willRetry && /network error/.test(f.error))).to.equal(true);
    expect(page().failed.map((f) => f.attempts).slice(0, 3)).to.deep.equal([1, 2, 3]);
    expect((await lane.state()).rows).to.deep.equal([]);
    await lane.heal();
    await waitFor(() => page().delivered.length === 1, 'delivery once the server is back');
    const state = await lane.state();
    expect(state.rows.map((row) => row.eventId)).to.deep.equal([page().delivered[0]!.record.eventId]);
    expect(page().delivered[0]!.attempts).to.be.greaterThan(page().failed.length - 1);
    expect(page().errors).to.deep.equal([]);
  });

  it('500 and 503 answers, then success: retried with backoff, stored once', async () => {
    const lane = newLane();
    await lane.faults([{ kind: 'status', status: 503 }, { kind: 'status', status: 500 }, { kind: 'status', status: 503 }]);
    const { page } = await openDeliveryPage(lane.endpoint);
    await page().manager.rejectAll();
    await waitFor(() => page().delivered.length === 1, 'delivery after three failures');
    expect(page().failed.map((f) => f.error)).to.deep.equal([
      'the endpoint answered 503',
      'the endpoint answered 500',
      'the endpoint answered 503',
    ]);
    expect(page().delivered[0]!.attempts).to.equal(4);
    const state = await lane.state();
    expect(state.requests.map((r) => r.status)).to.deep.equal([503, 500, 503, 201]);
    expect(state.rows.length).to.equal(1);
    expect(page().errors).to.deep.equal([]);
  });

  it('a server that never answers: the try times out and is retried', async () => {
    const lane = newLane();
    await lane.faults([{ kind: 'stall' }, { kind: 'stall' }]);
    const { page } = await openDeliveryPage(lane.endpoint, { timeout: 400 });
    await page().manager.acceptAll();
    await waitFor(() => page().delivered.length === 1, 'delivery after two timeouts', 8000).catch(async (e) => {
      throw new Error(`${e} ${JSON.stringify(page().failed.map((f) => f.error))} ${JSON.stringify(await lane.state())}`);
    });
    // At least the two stalled tries; on a loaded machine the answered one may miss 400 ms too, and is retried like them.
    const errors = page().failed.map((f) => f.error);
    expect(errors.length, 'failed tries').to.be.at.least(2);
    expect(new Set(errors)).to.deep.equal(new Set(['no answer within 400 ms']));
    expect((await lane.state()).rows.length).to.equal(1);
    expect(page().errors).to.deep.equal([]);
  });

  it('a record the server refuses (4xx) is reported and not retried', async () => {
    const lane = newLane();
    await lane.faults([{ kind: 'status', status: 400 }]);
    const { page } = await openDeliveryPage(lane.endpoint);
    await page().manager.acceptAll();
    await waitFor(() => page().failed.length === 1, 'the refusal');
    expect(page().failed[0]).to.include({ willRetry: false, attempts: 1, error: 'the endpoint answered 400' });
    await deliveriesSettled({ page });
    expect((await lane.state()).requests.length).to.equal(1);
    await page().manager.rejectAll();
    await waitFor(() => page().delivered.length === 1, 'the next record');
    expect((await lane.state()).requests.length).to.equal(2);
  });

  it('a 403 (a receiver that does not know the page\'s origin) is reported with its likely cause, not dropped silently', async () => {
    const lane = newLane();
    await lane.faults([{ kind: 'status', status: 403 }]);
    const { page } = await openDeliveryPage(lane.endpoint);
    await page().manager.acceptAll();
    await waitFor(() => page().failed.length === 1, 'the refusal');
    expect(page().failed[0]).to.include({ willRetry: false, attempts: 1 });
    expect(page().failed[0]!.error).to.match(/403.*allowedOrigin or publicOrigin/);
  });

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
    expect((await lane.state()).rows.map((row) => row.method), 'exactly one row').to.deep.equal(['accept-all']);
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
