import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBenchOptions } from '../../bench/lib/args.mjs';
import { type LighthouseResult, summarizePage } from '../../bench/lib/lighthouse-report.mjs';
import { type Sample, combineRuns, summarizeRun } from '../../bench/lib/summary.mjs';
import { judgeTargets } from '../../bench/lib/targets.mjs';

// The bench's arithmetic on made-up measurements: what it prints as met or missed must follow
// from the numbers, whatever the browser measured.

describe('bench options', () => {
  it('reads --repeat in both spellings and BENCH_RUNS', () => {
    assert.deepEqual(parseBenchOptions(['--repeat', '3'], { BENCH_RUNS: '5' }), { visitors: 5, repeat: 3, profile: false, serveOnly: false });
    assert.equal(parseBenchOptions(['--repeat=2'], {}).repeat, 2);
    assert.equal(parseBenchOptions([], {}).visitors, 15);
  });

  it('rejects bad input by name before anything runs', () => {
    assert.throws(() => parseBenchOptions([], { BENCH_RUNS: 'many' }), /BENCH_RUNS must be a positive whole number, got "many"/);
    assert.throws(() => parseBenchOptions(['--repeat', '0'], {}), /--repeat must be a positive whole number, got "0"/);
    assert.throws(() => parseBenchOptions(['--repeat'], {}), /--repeat must be a positive whole number/);
    assert.throws(() => parseBenchOptions(['--fast'], {}), /unknown option "--fast"/);
    assert.throws(() => parseBenchOptions(['--profile', '--repeat', '2'], {}), /separate commands/);
  });
});

const widgetSample = (scale: number, overrides: Partial<Record<string, number>> = {}): Sample => ({
  bytes: 10_000 * scale,
  bannerMs: 400 * scale,
  taskMs: 500 * scale,
  scriptMs: 100 * scale,
  longTasks: 1,
  longTaskMs: 60 * scale,
  cls: 0,
  heapKB: 1200,
  acceptToScriptMs: 20 * scale,
  returningBytes: 8_000 * scale,
  returningScriptMs: 60 * scale,
  returningTaskMs: 400 * scale,
  returningBannerShown: false,
  ...overrides,
});
const baseline = (): Sample => ({ scriptMs: 40, taskMs: 300, heapKB: 1100, returningScriptMs: 30, returningTaskMs: 250 });

function run(oursScale: number, extra: Partial<Record<string, number>> = {}) {
  return summarizeRun({
    ours: [widgetSample(oursScale, extra), widgetSample(oursScale * 3, extra), widgetSample(oursScale, extra)],
    vcc: [widgetSample(1), widgetSample(1), widgetSample(1)],
    orejime: [widgetSample(1.2), widgetSample(1.2), widgetSample(1.2)],
    none: [baseline(), baseline(), baseline()],
  });
}

describe('bench summary and targets', () => {
  it("takes medians of visitors and each widget's own time off the page without a widget", () => {
    const summary = run(1);
    assert.deepEqual(summary.widgets.ours.rows.scriptMs, { median: 100, min: 100, max: 300 });
    assert.equal(summary.widgets.ours.rows.ownScriptMs.median, 60);
    assert.equal(summary.widgets.vcc.rows.ownReturningScriptMs.median, 30);
  });

  it('judges the median of the runs’ medians, and layout shift on the worst visit of any run', () => {
    const combined = combineRuns([run(0.5), run(2), run(0.7, { cls: 0.01 })]);
    assert.equal(combined.widgets.ours.rows.bytes.median, 7_000);
    assert.deepEqual([combined.widgets.ours.rows.bytes.min, combined.widgets.ours.rows.bytes.max], [5_000, 20_000]);
    assert.equal(combined.widgets.ours.worstCls, 0.01);
  });

  it('says met when within the limit and by how much it was missed otherwise', () => {
    const judged = Object.fromEntries(judgeTargets(run(0.5)).map((target) => [target.key, target]));
    // Own returning script: ours 30 × 0.5 − 30 = 0 ms against 0.8 × (60 − 30) = 24 ms.
    assert.equal(judged.ownReturningScriptMs.verdict, 'met');
    assert.equal(judged.returningBytes.limit, 0.65 * 8_000);
    assert.equal(judged.returningBytes.verdict, 'met');
    assert.equal(judged.acceptToScriptMs.verdict, 'met');

    const slow = Object.fromEntries(judgeTargets(run(2)).map((target) => [target.key, target]));
    // Own first-visit script: 200 − 40 = 160 ms against 0.8 × (100 − 40) = 48 ms.
    assert.equal(slow.ownScriptMs.verdict, 'missed by 112 ms (233% over)');
    assert.equal(slow.bannerMs.verdict, 'missed by 320 ms (67% over)');
    assert.equal(slow.acceptToScriptMs.verdict, 'missed by 7 ms (21% over)');
    assert.equal(slow.worstCls.verdict, 'met');
  });
});

function lhr(performance: number, tbt: number, failingAudit: boolean): LighthouseResult {
  const categories = Object.fromEntries(
    ['performance', 'accessibility', 'best-practices', 'seo'].map((id) => [
      id,
      { score: id === 'performance' ? performance : 1, auditRefs: id === 'best-practices' ? [{ id: 'errors-in-console', weight: 1 }] : [] },
    ]),
  );
  return {
    lighthouseVersion: '12.8.2',
    categories,
    audits: {
      'total-blocking-time': { title: 'TBT', score: 1, numericValue: tbt },
      'largest-contentful-paint': { title: 'LCP', score: 1, numericValue: 1000 },
      'cumulative-layout-shift': { title: 'CLS', score: 1, numericValue: 0 },
      'errors-in-console': {
        title: 'Browser errors were logged to the console',
        score: failingAudit ? 0 : 1,
        details: { items: [{ description: 'Failed to load resource', sourceLocation: { url: 'http://x/favicon.ico' } }] },
      },
    },
  };
}

describe('Lighthouse summary', () => {
  it('takes the median run of each score and metric and names what missed the target', () => {
    const page = summarizePage('page', 'http://x/', [lhr(0.98, 40, false), lhr(1, 0, true), lhr(1, 0, false)]);
    assert.equal(page.scores.performance, 100);
    assert.equal(page.metrics['total-blocking-time'], 0);
    assert.deepEqual(page.missed, []);
    assert.equal(page.failing.length, 1);
    assert.equal(page.failing[0].runs, 1);
    assert.deepEqual(page.failing[0].items, ['Failed to load resource — http://x/favicon.ico']);

    const slow = summarizePage('page', 'http://x/', [lhr(0.9, 60, false), lhr(0.95, 30, false), lhr(1, 0, false)]);
    assert.deepEqual(slow.missed, ['performance 95', 'TBT 30 ms']);
  });
});
