/**
 * The insights page's numbers, summed from the stores' daily counters over the chosen period.
 * Every share is of decisions (records), never of visitors, and is shown only when it rests on at
 * least MIN_DECISIONS_FOR_RATE of them.
 */
import { WITHDRAWAL_DELAYS, type FirstSeen, type InsightCounter, type InsightDimension } from '../../server/stores/insights/counters.js';
import { bucketIndex, type Period } from './period.js';

/** Below this many decisions a percentage says more about chance than about visitors: the count is shown instead. */
export const MIN_DECISIONS_FOR_RATE = 20;

/** `count` of `of` decisions. */
export interface Share {
  count: number;
  of: number;
}

export const hasRate = (share: Share): boolean => share.of >= MIN_DECISIONS_FOR_RATE;

export interface Series {
  key: string;
  points: Share[];
}

/** A line per key over the period's buckets. */
export interface TimeSeries {
  series: Series[];
  /** Decisions per bucket. */
  decisions: number[];
}

export interface SplitRow {
  key: string;
  share: Share;
}

export interface RevisionRow {
  revision: number;
  firstSeen: string;
  share: Share;
  categories: Map<string, Share>;
}

/** A revision or banner text first decided on inside the period, after the log's first day. */
export interface Marker {
  kind: 'revision' | 'text';
  key: string;
  day: string;
  bucket: number;
}

export interface Tally {
  decisions: number;
  categories: TimeSeries;
  services: TimeSeries;
  methods: TimeSeries;
  layers: SplitRow[];
  languages: SplitRow[];
  revisions: RevisionRow[];
  categoryIds: string[];
  withdrawals: SplitRow[];
  /** Visitors whose first grant fell in the period. */
  firstGrants: number;
  markers: Marker[];
}

export const METHODS = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'] as const;
export const LAYERS = ['banner', 'preferences', 'placeholder', 'api'] as const;

type Sums = Map<string, { decisions: number; granted: number }>;

/** Counters summed per dimension, key and bucket (-1: the whole period) or revision. */
function sum(counters: InsightCounter[], period: Period) {
  const byBucket = new Map<InsightDimension, Map<string, Sums>>();
  const byRevision = new Map<InsightDimension, Map<string, Sums>>();
  const add = (into: Map<InsightDimension, Map<string, Sums>>, counter: InsightCounter, at: string): void => {
    const keys = into.get(counter.dimension) ?? new Map<string, Sums>();
    into.set(counter.dimension, keys);
    const sums = keys.get(counter.key) ?? new Map();
    keys.set(counter.key, sums);
    const total = sums.get(at) ?? { decisions: 0, granted: 0 };
    total.decisions += counter.decisions;
    total.granted += counter.granted;
    sums.set(at, total);
  };
  for (const counter of counters) {
    const bucket = bucketIndex(period, counter.day);
    if (bucket < 0) continue;
    add(byBucket, counter, String(bucket));
    add(byBucket, counter, 'period');
    add(byRevision, counter, String(counter.revision));
  }
  const get = (sums: Map<InsightDimension, Map<string, Sums>>, dimension: InsightDimension, key: string, at: string) =>
    sums.get(dimension)?.get(key)?.get(at) ?? { decisions: 0, granted: 0 };
  const keys = (dimension: InsightDimension): string[] => [...(byBucket.get(dimension)?.keys() ?? [])];
  return {
    keys,
    inBucket: (dimension: InsightDimension, key: string, bucket: number | 'period') => get(byBucket, dimension, key, String(bucket)),
    inRevision: (dimension: InsightDimension, key: string, revision: number) => get(byRevision, dimension, key, String(revision)),
    revisions: (): number[] => [...(byRevision.get('all')?.get('')?.keys() ?? [])].map(Number).sort((a, b) => a - b),
  };
}

export function tally(counters: InsightCounter[], firstSeen: FirstSeen[], period: Period): Tally {
  const sums = sum(counters, period);
  const buckets = period.buckets.map((_, index) => index);
  const decisions = buckets.map((bucket) => sums.inBucket('all', '', bucket).decisions);
  const total = sums.inBucket('all', '', 'period').decisions;
  const byCount = (a: SplitRow, b: SplitRow): number => b.share.count - a.share.count || a.key.localeCompare(b.key);

  /** Of the decisions naming each key, how many granted it. */
  const granted = (dimension: 'category' | 'service'): TimeSeries => ({
    decisions,
    series: sums
      .keys(dimension)
      .sort()
      .map((key) => ({
        key,
        points: buckets.map((bucket) => ({ count: sums.inBucket(dimension, key, bucket).granted, of: sums.inBucket(dimension, key, bucket).decisions })),
      })),
  });
  const split = (dimension: InsightDimension, keys: readonly string[], of: number): SplitRow[] =>
    keys.map((key) => ({ key, share: { count: sums.inBucket(dimension, key, 'period').decisions, of } }));

  const categoryIds = sums.keys('category').sort();
  const withdrawals = WITHDRAWAL_DELAYS.reduce((all, delay) => all + sums.inBucket('withdrawal', delay.key, 'period').decisions, 0);
  return {
    decisions: total,
    categories: granted('category'),
    services: granted('service'),
    methods: {
      decisions,
      series: METHODS.map((method) => ({
        key: method,
        points: buckets.map((bucket) => ({ count: sums.inBucket('method', method, bucket).decisions, of: decisions[bucket]! })),
      })),
    },
    layers: split('layer', LAYERS, total),
    languages: split('language', sums.keys('language'), total).sort(byCount),
    revisions: sums.revisions().map((revision) => ({
      revision,
      firstSeen: firstSeen.find((seen) => seen.dimension === 'revision' && seen.key === String(revision))?.day ?? '',
      share: { count: sums.inRevision('all', '', revision).decisions, of: total },
      categories: new Map(
        categoryIds.map((id) => [id, { count: sums.inRevision('category', id, revision).granted, of: sums.inRevision('category', id, revision).decisions }]),
      ),
    })),
    categoryIds,
    withdrawals: split(
      'withdrawal',
      WITHDRAWAL_DELAYS.map((delay) => delay.key),
      withdrawals,
    ),
    firstGrants: sums.inBucket('grant', '', 'period').decisions,
    markers: markers(firstSeen, period),
  };
}

/**
 * Where a new revision or banner text starts inside the period. What was there on the log's first
 * day is no change, so it gets no marker.
 */
function markers(firstSeen: FirstSeen[], period: Period): Marker[] {
  const result: Marker[] = [];
  for (const kind of ['revision', 'text'] as const) {
    const seen = firstSeen.filter((each) => each.dimension === kind);
    const first = seen.reduce((min, each) => (each.day < min ? each.day : min), '9999-12-31');
    for (const each of seen) {
      const bucket = bucketIndex(period, each.day);
      if (each.day > first && bucket >= 0) result.push({ kind, key: each.key, day: each.day, bucket });
    }
  }
  return result.sort((a, b) => a.day.localeCompare(b.day) || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}
