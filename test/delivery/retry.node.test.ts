// The retry scheduler of delivery (src/core/delivery/retry.ts) on a fake clock: no test waits for a real delay.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { createRetryScheduler } from '../../src/core/delivery/retry.js';
import { captureWarnings, fakeClock, until, type FakeClock } from './fakes.js';

const backoff = { baseMs: 1000, maxMs: 5000 };

/**
 * A scheduler over one waiting item whose tries answer from `outcomes` (true: delivered,
 * false: unreachable), then `then`; `random` 1 makes each wait the full exponential step.
 */
function scheduler(outcomes: boolean[], { then = false, random = (): number => 1, items = ['record'] as string[] } = {}) {
  const clock = fakeClock();
  const tries: string[] = [];
  const left = [...outcomes];
  const waiting = [...items];
  const retries = createRetryScheduler(
    async () => [...waiting],
    async (item: string) => {
      tries.push(item);
      const ok = left.shift() ?? then;
      if (ok) waiting.splice(waiting.indexOf(item), 1);
      return ok;
    },
    backoff,
    clock,
    random,
  );
  return { clock, tries, waiting, retries };
}

/** Runs the pass the pending timer starts, and waits until it has tried once more. */
async function retryOnce(clock: FakeClock, tries: string[]): Promise<number> {
  const before = tries.length;
  const waited = clock.next();
  await until(() => tries.length > before, 'the retry');
  return waited;
}

/** The waits before each retry while every try fails, `count` of them. */
async function waits(count: number, random?: () => number): Promise<number[]> {
  const { clock, tries, retries } = scheduler([], { random });
  await retries.run();
  const seen: number[] = [];
  for (let n = 0; n < count; n++) seen.push(await retryOnce(clock, tries));
  retries.stop();
  return seen;
}

describe('delivery retries: backoff on a fake clock', () => {
  beforeEach(() => captureWarnings());
  afterEach(() => mock.restoreAll());

  it('after the first failure the retry waits baseMs', async () => {
    assert.deepEqual(await waits(1), [1000]);
  });

  it('each failure in a row doubles the wait', async () => {
    assert.deepEqual(await waits(3), [1000, 2000, 4000]);
  });

  it('the wait stops growing at maxMs', async () => {
    assert.deepEqual(await waits(6), [1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('jitter: each wait lies between half and all of its step', async () => {
    assert.deepEqual(await waits(4, () => 0), [500, 1000, 2000, 2500]);
  });

  it('one timer at a time: a failure sets the retry, nothing else is pending', async () => {
    const { clock, retries } = scheduler([false]);
    await retries.run();
    assert.deepEqual(clock.pending(), [1000]);
  });

  it('a success starts the count over', async () => {
    const { clock, tries, waiting, retries } = scheduler([false, false, true, false], { items: ['a'] });
    await retries.run();
    assert.equal(await retryOnce(clock, tries), 1000);
    assert.equal(await retryOnce(clock, tries), 2000);
    assert.equal(waiting.length, 0, 'delivered on the third try');
    waiting.push('b');
    await retries.run();
    assert.deepEqual(clock.pending(), [1000]);
  });

  it('a failure ends the pass: the items after it wait for the retry', async () => {
    const { clock, tries, retries } = scheduler([false], { items: ['a', 'b'], then: true });
    await retries.run();
    assert.deepEqual(tries, ['a']);
    clock.next();
    await until(() => tries.length === 3, 'the retry pass');
    assert.deepEqual(tries, ['a', 'a', 'b']);
    assert.deepEqual(clock.pending(), []);
  });

  it('nothing waiting: a pass sets no timer', async () => {
    const { clock, tries, retries } = scheduler([], { items: [] });
    await retries.run();
    assert.deepEqual(tries, []);
    assert.deepEqual(clock.pending(), []);
  });

  it('run() during a backoff tries at once and clears the timer', async () => {
    const { clock, tries, retries } = scheduler([false, true]);
    await retries.run();
    assert.deepEqual(clock.pending(), [1000]);
    await retries.run();
    assert.equal(tries.length, 2);
    assert.equal(clock.now(), 0);
    assert.deepEqual(clock.pending(), []);
  });

  it('run() during a pass asks for one more pass after it, not a second one at once', async () => {
    const clock = fakeClock();
    let release: (ok: boolean) => void = () => undefined;
    let running = 0;
    let most = 0;
    let passes = 0;
    const retries = createRetryScheduler(
      async () => {
        passes++;
        return ['record'];
      },
      (_item: string) =>
        new Promise<boolean>((resolve) => {
          most = Math.max(most, ++running);
          release = (ok) => {
            running--;
            resolve(ok);
          };
        }),
      backoff,
      clock,
    );
    const first = retries.run();
    await until(() => running === 1, 'the first try');
    const second = retries.run();
    assert.equal(second, first, 'the running pass is returned');
    release(true);
    await until(() => running === 1 && passes === 2, 'the pass asked for');
    release(true);
    await first;
    assert.equal(most, 1);
    assert.equal(passes, 2);
  });

  it('networkBack() starts the count over and tries at once, however long the backoff', async () => {
    const { clock, tries, retries } = scheduler([false, false, false]);
    await retries.run();
    await retryOnce(clock, tries);
    assert.deepEqual(clock.pending(), [2000]);
    retries.networkBack();
    await until(() => tries.length === 3, 'the try at once');
    assert.equal(clock.now(), 1000, 'no time passed');
    await until(() => clock.pending().length === 1, 'the next retry');
    assert.deepEqual(clock.pending(), [1000], 'the count started over');
  });

  it('networkBack() while a try is failing: the pass starts again at once instead of backing off', async () => {
    const clock = fakeClock();
    const tries: ((ok: boolean) => void)[] = [];
    const retries = createRetryScheduler(
      async () => ['record'],
      () => new Promise<boolean>((resolve) => tries.push(resolve)),
      backoff,
      clock,
    );
    const pass = retries.run();
    await until(() => tries.length === 1, 'the first try');
    retries.networkBack();
    tries[0]!(false);
    await until(() => tries.length === 2, 'the try right after');
    assert.deepEqual(clock.pending(), [], 'no backoff was set');
    tries[1]!(true);
    await pass;
    assert.equal(clock.now(), 0);
  });

  it('stop() clears the pending retry, and run() after it tries nothing', async () => {
    const { clock, tries, retries } = scheduler([false]);
    await retries.run();
    retries.stop();
    assert.deepEqual(clock.pending(), []);
    await retries.run();
    assert.equal(tries.length, 1);
  });

  it('stop() during a pass: the try under way finishes, the items after it are not tried', async () => {
    const clock = fakeClock();
    const tried: string[] = [];
    let release: () => void = () => undefined;
    const retries = createRetryScheduler(
      async () => ['a', 'b'],
      (item: string) => {
        tried.push(item);
        return new Promise<boolean>((resolve) => (release = () => resolve(false)));
      },
      backoff,
      clock,
    );
    const pass = retries.run();
    await until(() => tried.length === 1, 'the first try');
    retries.stop();
    release();
    await pass;
    assert.deepEqual(tried, ['a']);
    assert.deepEqual(clock.pending(), [], 'no retry set after stop()');
  });

  it('a pass that throws is warned about once and does not reject', async () => {
    const warnings = captureWarnings();
    const clock = fakeClock();
    const retries = createRetryScheduler(
      async () => {
        throw new Error('broken');
      },
      async () => true,
      backoff,
      clock,
    );
    await retries.run();
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /delivering consent records failed/);
  });
});
