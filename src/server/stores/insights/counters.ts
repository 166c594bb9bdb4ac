/**
 * The consent insights' aggregates: daily counters kept beside the records by the store itself, so
 * a dashboard reads a few thousand counters instead of scanning millions of records.
 *
 * One counter per UTC day of the decision (the record's `timestamp`), policy revision, dimension and
 * key. `decisions` counts the records that counted there; `granted` is used by the `category` and
 * `service` dimensions only (of the decisions naming that category, how many granted it).
 */
export type InsightDimension =
  /** key '': every decision. */
  | 'all'
  | 'method'
  | 'layer'
  | 'language'
  /** key: the record's textHash, so a change of the banner's wording shows. */
  | 'text'
  | 'category'
  | 'service'
  /** key '': the visitor's first grant, counted on the day of the record that granted. */
  | 'grant'
  /** key: a WITHDRAWAL_DELAYS key; a visitor's first withdrawal after a grant, on the withdrawal's day. */
  | 'withdrawal';

export interface InsightCounter {
  /** YYYY-MM-DD, UTC. */
  day: string;
  revision: number;
  dimension: InsightDimension;
  key: string;
  decisions: number;
  granted: number;
}

/**
 * Days as YYYY-MM-DD (UTC), both ends included, and how to group them: a counter per day (the
 * default), or summed per calendar week (Monday to Sunday) or month, each dated by its first day
 * in the range. Grouped in the database, so a year's page reads some 50 rows per key, not 365.
 */
export interface CounterRange {
  from: string;
  to: string;
  points?: CounterPoints;
}

export type CounterPoints = 'day' | 'week' | 'month';

/** The first day of the point `day` falls in, as the stores group it (see CounterRange). */
export function pointStart(day: string, points: CounterPoints, from: string): string {
  let start = day;
  if (points === 'week') {
    const date = new Date(`${day}T00:00:00.000Z`);
    start = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  } else if (points === 'month') {
    start = `${day.slice(0, 7)}-01`;
  }
  return start < from ? from : start;
}

/** The first day a revision or a banner text (textHash) was decided on, over every record kept. */
export interface FirstSeen {
  dimension: 'revision' | 'text';
  key: string;
  day: string;
}

/** What the bundled stores offer for the receiver's insights page. */
export interface ConsentInsightQueries {
  /** The counters of the days in `range` that count at least one decision, per day or summed per week or month. */
  insightCounters(range: CounterRange): Promise<InsightCounter[]>;
  insightFirstSeen(): Promise<FirstSeen[]>;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How long after their first grant a visitor withdrew: each bucket holds delays under `underMs`. */
export const WITHDRAWAL_DELAYS = [
  { key: 'under-1h', underMs: HOUR_MS },
  { key: 'under-1d', underMs: DAY_MS },
  { key: 'under-7d', underMs: 7 * DAY_MS },
  { key: 'under-30d', underMs: 30 * DAY_MS },
  { key: 'later', underMs: Number.POSITIVE_INFINITY },
] as const;

export type WithdrawalDelay = (typeof WITHDRAWAL_DELAYS)[number]['key'];

export function withdrawalDelay(ms: number): WithdrawalDelay {
  return WITHDRAWAL_DELAYS.find((bucket) => ms < bucket.underMs)!.key;
}

/** The same bucketing as SQL, over an expression giving milliseconds. */
export function withdrawalDelaySql(ms: string): string {
  const finite = WITHDRAWAL_DELAYS.filter((bucket) => Number.isFinite(bucket.underMs));
  return `CASE ${finite.map((bucket) => `WHEN ${ms} < ${bucket.underMs} THEN '${bucket.key}'`).join(' ')} ELSE '${WITHDRAWAL_DELAYS.at(-1)!.key}' END`;
}

/** A record's decision day, as every store keys its counters: the UTC date of its timestamp. */
export const dayOf = (timestamp: string): string => timestamp.slice(0, 10);
