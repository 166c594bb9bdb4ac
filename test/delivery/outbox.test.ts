import { expect } from '@open-wc/testing';
import { createStore } from 'idb-keyval';
import { addToOutbox, MAX_OUTBOX, readOutbox } from '../../src/core/delivery/outbox.js';
import { resetBrowserState, waitFor } from '../helpers.js';
import { newLane, openDeliveryPage, removeFrames } from './lane.js';
import type { ConsentRecord } from '../../src/core/delivery/record.js';

const record = (n: number): ConsentRecord => ({ eventId: `event-${n}` }) as ConsentRecord;

describe('the outbox is bounded and never drops a record silently', () => {
  beforeEach(async () => {
    removeFrames();
    await resetBrowserState();
  });
  afterEach(removeFrames);

  it('at the bound the oldest record gives way and is handed back to be reported', async () => {
    const store = createStore('outbox-test', 'keyval');
    for (let n = 0; n < 3; n++) expect(await addToOutbox(record(n), store, 3)).to.deep.equal([]);
    const evicted = await addToOutbox(record(3), store, 3);
    expect(evicted.map((entry) => entry.record.eventId)).to.deep.equal(['event-0']);
    expect((await readOutbox(store)).map((entry) => entry.record.eventId)).to.deep.equal(['event-1', 'event-2', 'event-3']);
  });

  it(`with the backend down, decision ${MAX_OUTBOX + 1} pushes out the first with consent-delivery-failed; the rest arrive later`, async function () {
    this.timeout(60000);
    const lane = newLane();
    await lane.faults([], { kind: 'status', status: 503 });
    const { page } = await openDeliveryPage(lane.endpoint, { base: 60000, cap: 60000 });
    const manager = page().manager;
    for (let n = 0; n <= MAX_OUTBOX; n++) await (n % 2 ? manager.acceptAll() : manager.rejectAll());
    await waitFor(() => page().failed.some((f) => !f.willRetry), 'the eviction report', 20000);
    const dropped = page().failed.filter((f) => !f.willRetry);
    expect(dropped.length).to.equal(1);
    expect(dropped[0]!.error).to.match(/outbox full/);
    expect(dropped[0]!.record.method).to.equal('reject-all');
    await lane.heal();
    page().dispatchEvent(new Event('online'));
    await waitFor(() => page().delivered.length === MAX_OUTBOX, `${MAX_OUTBOX} deliveries`, 30000);
    const state = await lane.state();
    expect(state.rows.length).to.equal(MAX_OUTBOX);
    expect(state.rows.map((r) => r.eventId)).to.not.include(dropped[0]!.record.eventId);
    expect(page().errors).to.deep.equal([]);
  });
});
