/** The period the insights page shows, from its query string: which days, and how they group into points. */

export const PERIODS = { '7d': '7 days', '30d': '30 days', '12m': '12 months', custom: 'Custom' } as const;
export type PeriodName = keyof typeof PERIODS;
export const POINTS = { auto: 'Automatic', day: 'Per day', week: 'Per week', month: 'Per month' } as const;
export type PointsChoice = keyof typeof POINTS;
export type Points = Exclude<PointsChoice, 'auto'>;

/** One point of a chart: the days from `from` to `to`, both included. */
export interface Bucket {
  from: string;
  to: string;
  /** Short, for the time axis: `3 Nov`, `Nov 2026`. */
  label: string;
  /** Exact, for tables and CSV: `2026-11-03`, `2026-11-03 to 2026-11-09`, `2026-11`. */
  title: string;
}

export interface Period {
  name: PeriodName;
  from: string;
  to: string;
  pointsChoice: PointsChoice;
  points: Points;
  buckets: Bucket[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Ten years, the longest retention the receiver's default keeps. */
export const MAX_PERIOD_DAYS = 3660;
/** One point per day draws a readable line up to about a year. */
const MAX_DAILY_POINTS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const dayString = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
const addDays = (day: string, days: number): string => dayString(dayMs(day) + days * DAY_MS);
const isRealDay = (text: string): boolean => DATE.test(text) && Number.isFinite(dayMs(text)) && dayString(dayMs(text)) === text;

export class PeriodError extends Error {}

/** The period a query string asks for, `today` being the receiver's UTC date; a PeriodError says what is wrong. */
export function parsePeriod(query: URLSearchParams, today: string): Period {
  const name = (query.get('period') ?? '30d') as PeriodName;
  if (!Object.hasOwn(PERIODS, name)) throw new PeriodError(`period must be one of ${Object.keys(PERIODS).join(', ')}`);
  const pointsChoice = (query.get('points') || 'auto') as PointsChoice;
  if (!Object.hasOwn(POINTS, pointsChoice)) throw new PeriodError(`points must be one of ${Object.keys(POINTS).join(', ')}`);
  let from: string;
  let to = today;
  if (name === 'custom') {
    const [start, end] = [query.get('from') ?? '', query.get('to') ?? ''];
    if (!isRealDay(start) || !isRealDay(end)) throw new PeriodError('a custom period needs a from and a to date, like 2026-11-01');
    if (start > end) throw new PeriodError('the custom period must start before it ends');
    [from, to] = [start, end];
  } else {
    from = addDays(today, -({ '7d': 7, '30d': 30, '12m': 365 }[name] - 1));
  }
  const days = daysBetween(from, to);
  if (days > MAX_PERIOD_DAYS) throw new PeriodError(`a period can be at most ${MAX_PERIOD_DAYS} days long`);
  const points = pointsChoice === 'auto' ? (days <= 62 ? 'day' : days <= 732 ? 'week' : 'month') : pointsChoice;
  if (points === 'day' && days > MAX_DAILY_POINTS)
    throw new PeriodError(`a point per day is for periods up to ${MAX_DAILY_POINTS} days; choose per week or per month`);
  return { name, from, to, pointsChoice, points, buckets: buckets(from, to, points) };
}

/** Both ends included. */
export const daysBetween = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY_MS) + 1;

/** Calendar days, weeks (Monday to Sunday) or months, the first and last cut to the period. */
function buckets(from: string, to: string, points: Points): Bucket[] {
  const result: Bucket[] = [];
  for (let start = from; start <= to;) {
    const end = minDay(lastDayOf(start, points), to);
    result.push({ from: start, to: end, label: label(start, points), title: title(start, end, points) });
    start = addDays(end, 1);
  }
  return result;
}

function lastDayOf(day: string, points: Points): string {
  if (points === 'day') return day;
  const date = new Date(dayMs(day));
  if (points === 'week') return addDays(day, (7 - date.getUTCDay()) % 7);
  return dayString(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
}

const minDay = (a: string, b: string): string => (a < b ? a : b);

function label(day: string, points: Points): string {
  const date = new Date(dayMs(day));
  if (points === 'month') return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

function title(from: string, to: string, points: Points): string {
  if (points === 'month' && from.slice(0, 7) === to.slice(0, 7) && from.endsWith('-01') && to === lastDayOf(from, 'month')) return from.slice(0, 7);
  return from === to ? from : `${from} to ${to}`;
}

/** The bucket a day falls in, by index, or -1 outside the period. */
export function bucketIndex(period: Period, day: string): number {
  if (day < period.from || day > period.to) return -1;
  // Buckets are few (at most 366) and sorted: a binary search keeps a year of counters cheap.
  let [low, high] = [0, period.buckets.length - 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (period.buckets[middle]!.to < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The query string that asks for this period again (for links: CSV downloads). */
export function periodQuery(period: Period): string {
  const query = new URLSearchParams({ period: period.name });
  if (period.name === 'custom') {
    query.set('from', period.from);
    query.set('to', period.to);
  }
  if (period.pointsChoice !== 'auto') query.set('points', period.pointsChoice);
  return query.toString();
}
