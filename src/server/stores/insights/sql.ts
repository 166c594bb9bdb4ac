/**
 * The statements that keep the insights' aggregates, written once for SQLite and PostgreSQL. The
 * databases run them from triggers on consent_records, so every insert and every delete (a
 * purge, an erasure, even one typed by hand) updates the counters in its own transaction, and an
 * insert that hits an existing eventId (ON CONFLICT DO NOTHING) inserts nothing and counts
 * nothing. The same statements over the whole table build the aggregates of an existing log.
 *
 * Statements read the records of the insert or delete from `source`, aliased `a`: the row a
 * SQLite trigger sees, PostgreSQL's transition table, or consent_records itself.
 *
 * Per record, counters by method, layer, language, banner text, category and service. Per
 * visitor (consentId), in consent_insights_visitors: their first grant and their first withdrawal
 * after it, each with the day and revision it is counted under. A decision grants when it accepts
 * all, or when it is custom and allows a category that some decision has refused
 * (consent_insights_refusable): required categories are never refused, so allowing them alone is
 * no grant. Whenever a visitor's records change, their row is worked out again from the records
 * they have left (a few, found by the consent_id index) and their grant and withdrawal counters
 * move with it: a purged grant takes its withdrawal's count with it, and a decision that arrives
 * late still finds its place.
 */
import { withdrawalDelaySql, type CounterPoints } from './counters.js';

export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** The UTC day of a decision time, as the `day` column holds it. */
  day(time: string): string;
  /** Milliseconds since the epoch of a decision time. */
  ms(time: string): string;
  /** A JSON object column as rows of (key, value), for FROM. */
  entries(json: string): string;
  isTrue(entry: string): string;
  isFalse(entry: string): string;
  /** A boolean as 0 or 1. */
  int(condition: string): string;
  /** From `from` (records aliased `a`) where `where` holds: each consentId's earliest record as (consent_id, event_id, decided_at, revision). */
  earliestPerVisitor(from: string, where: string): string;
  /** The first day of the week (Monday) or month of a `day` column. */
  weekStart(day: string): string;
  monthStart(day: string): string;
  /** The later of two days. */
  later(a: string, b: string): string;
  /** A day as YYYY-MM-DD text. */
  dayText(day: string): string;
}

export const SQLITE_DIALECT: Dialect = {
  name: 'sqlite',
  day: (time) => `substr(${time}, 1, 10)`,
  // Times are stored as Date.prototype.toISOString() gives them: seconds from strftime, then the milliseconds.
  ms: (time) => `(CAST(strftime('%s', ${time}) AS INTEGER) * 1000 + CAST(substr(${time}, 21, 3) AS INTEGER))`,
  entries: (json) => `json_each(${json})`,
  isTrue: (entry) => `${entry}.type = 'true'`,
  isFalse: (entry) => `${entry}.type = 'false'`,
  int: (condition) => `(${condition})`,
  // SQLite takes the bare columns from the row that holds the MIN().
  earliestPerVisitor: (from, where) =>
    `SELECT a.consent_id AS consent_id, a.event_id AS event_id, MIN(a.decided_at) AS decided_at, a.revision AS revision
     FROM ${from} WHERE ${where} GROUP BY a.consent_id`,
  weekStart: (day) => `date(${day}, '-6 days', 'weekday 1')`,
  monthStart: (day) => `(substr(${day}, 1, 7) || '-01')`,
  later: (a, b) => `max(${a}, ${b})`,
  dayText: (day) => day,
};

export const POSTGRES_DIALECT: Dialect = {
  name: 'postgres',
  day: (time) => `(${time} AT TIME ZONE 'UTC')::date`,
  ms: (time) => `(extract(epoch FROM ${time}) * 1000)`,
  entries: (json) => `jsonb_each(${json})`,
  isTrue: (entry) => `${entry}.value = 'true'::jsonb`,
  isFalse: (entry) => `${entry}.value = 'false'::jsonb`,
  int: (condition) => `(${condition})::int`,
  earliestPerVisitor: (from, where) =>
    `SELECT DISTINCT ON (a.consent_id) a.consent_id AS consent_id, a.event_id AS event_id, a.decided_at AS decided_at, a.revision AS revision
     FROM ${from} WHERE ${where} ORDER BY a.consent_id, a.decided_at, a.event_id`,
  weekStart: (day) => `date_trunc('week', ${day})::date`,
  monthStart: (day) => `date_trunc('month', ${day})::date`,
  later: (a, b) => `greatest(${a}, ${b})`,
  dayText: (day) => `${day}::text`,
};

export const VISITOR_COLUMNS = 'consent_id, granted_event, granted_at, granted_revision, withdrawn_event, withdrawn_at, withdrawn_revision, withdrawn_delay';

/** Each record's own contributions, as rows of (day, revision, dimension, key, granted). */
function recordContributions(d: Dialect, source: string): string {
  const from = `${source} AS a`;
  const head = `${d.day('a.decided_at')} AS day, a.revision AS revision`;
  const plain = (dimension: string, key: string): string => `SELECT ${head}, '${dimension}', ${key}, 0 FROM ${from}`;
  return [
    `SELECT ${head}, CAST('all' AS TEXT) AS dimension, CAST('' AS TEXT) AS key, 0 AS granted FROM ${from}`,
    plain('method', 'a.method'),
    plain('layer', 'a.layer'),
    plain('language', 'a.language'),
    plain('text', 'CAST(a.text_hash AS TEXT)'),
    `SELECT ${head}, 'category', c.key, ${d.int(d.isTrue('c'))} FROM ${from}, ${d.entries('a.categories')} AS c`,
    // Services: only records that carry them (per-service consent).
    `SELECT ${head}, 'service', s.key, ${d.int(d.isTrue('s'))} FROM ${from}, ${d.entries('a.services')} AS s WHERE a.services IS NOT NULL`,
  ].join('\nUNION ALL ');
}

/** What visitors' rows (aliased v, from `visitors`) count: a grant on its day, a withdrawal on its own, as (day, revision, dimension, key). */
function visitorContributions(d: Dialect, visitors: string): string {
  return `SELECT ${d.day('v.granted_at')} AS day, v.granted_revision AS revision, CAST('grant' AS TEXT) AS dimension, CAST('' AS TEXT) AS key FROM ${visitors} AS v
   UNION ALL SELECT ${d.day('v.withdrawn_at')}, v.withdrawn_revision, 'withdrawal', v.withdrawn_delay FROM ${visitors} AS v WHERE v.withdrawn_event IS NOT NULL`;
}

const GROUPED = 'GROUP BY day, revision, dimension, key';
const SAME_COUNTER = 'd.day = s.day AND d.revision = s.revision AND d.dimension = s.dimension AND d.key = s.key';
// Upserts go in key order, so PostgreSQL sessions lock shared counters in the same order and never deadlock.
const ADD_COUNTERS = `ORDER BY day, revision, dimension, key
  ON CONFLICT (day, revision, dimension, key) DO UPDATE SET decisions = d.decisions + excluded.decisions, granted = d.granted + excluded.granted`;

function granting(d: Dialect): string {
  return `(a.method = 'accept-all' OR (a.method = 'custom' AND EXISTS (
    SELECT 1 FROM ${d.entries('a.categories')} AS c JOIN consent_insights_refusable AS r ON r.category = c.key WHERE ${d.isTrue('c')})))`;
}

/**
 * Visitors' rows as their records give them, in VISITOR_COLUMNS order: those of `ids` (a query of
 * consent_id), or every visitor's. A visitor who never granted has none.
 */
function freshVisitors(d: Dialect, ids: string | null): string {
  const theirs = ids === null ? '' : `a.consent_id IN (${ids}) AND `;
  const grants = d.earliestPerVisitor('consent_records AS a', `${theirs}${granting(d)}`);
  const withdrawals = d.earliestPerVisitor(
    `consent_records AS a JOIN (${grants}) AS f ON f.consent_id = a.consent_id`,
    `${theirs}a.method = 'withdraw' AND a.decided_at >= f.decided_at`,
  );
  return `SELECT g.consent_id, g.event_id, g.decided_at, g.revision, w.event_id, w.decided_at, w.revision,
    CASE WHEN w.event_id IS NULL THEN NULL ELSE ${withdrawalDelaySql(`(${d.ms('w.decided_at')} - ${d.ms('g.decided_at')})`)} END
    FROM (${grants}) AS g LEFT JOIN (${withdrawals}) AS w ON w.consent_id = g.consent_id`;
}

const refusable = (d: Dialect, source: string): string =>
  `INSERT INTO consent_insights_refusable (category)
   SELECT DISTINCT c.key FROM ${source} AS a, ${d.entries('a.categories')} AS c WHERE ${d.isFalse('c')}
   ON CONFLICT DO NOTHING`;

const addRecords = (d: Dialect, source: string): string =>
  `INSERT INTO consent_insights_daily AS d (day, revision, dimension, key, decisions, granted)
   SELECT day, revision, dimension, key, COUNT(*), SUM(granted) FROM (${recordContributions(d, source)}) AS x ${GROUPED} ${ADD_COUNTERS}`;

const addVisitors = (d: Dialect, visitors: string): string =>
  `INSERT INTO consent_insights_daily AS d (day, revision, dimension, key, decisions, granted)
   SELECT day, revision, dimension, key, COUNT(*), 0 FROM (${visitorContributions(d, visitors)}) AS x ${GROUPED} ${ADD_COUNTERS}`;

/** SQLite: one writer at a time, so the visitors of `ids` are redone step by step. */
function refreshSqliteVisitors(ids: string): string[] {
  const d = SQLITE_DIALECT;
  const theirs = `(SELECT * FROM consent_insights_visitors WHERE consent_id IN (${ids}))`;
  return [
    `UPDATE consent_insights_daily AS d SET decisions = d.decisions - s.n
     FROM (SELECT day, revision, dimension, key, COUNT(*) AS n FROM (${visitorContributions(d, theirs)}) AS x ${GROUPED}) AS s WHERE ${SAME_COUNTER}`,
    `DELETE FROM consent_insights_visitors WHERE consent_id IN (${ids})`,
    `INSERT INTO consent_insights_visitors (${VISITOR_COLUMNS}) SELECT * FROM (${freshVisitors(d, ids)}) WHERE true`,
    addVisitors(d, theirs),
  ];
}

/**
 * PostgreSQL: several sessions write at once. The visitors of `ids` are redone in one statement
 * that moves their counters by the difference, after a transaction lock on their stripe of
 * consentIds, so two records of one visitor arriving together at two receivers wait for each other
 * instead of both counting the visitor's grant. Stripes, not one lock per visitor: a purge batch
 * touches thousands of visitors, and PostgreSQL's lock table is small.
 */
function refreshPostgresVisitors(ids: string): string[] {
  const d = POSTGRES_DIALECT;
  const setFresh = VISITOR_COLUMNS.split(', ')
    .slice(1)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
  return [
    `PERFORM pg_advisory_xact_lock(${STRIPE_LOCK_KEY}, stripe) FROM (SELECT DISTINCT hashtext(consent_id::text) & ${LOCK_STRIPES - 1} AS stripe FROM (${ids}) AS i) AS s ORDER BY stripe`,
    `WITH old AS (SELECT * FROM consent_insights_visitors WHERE consent_id IN (${ids}) ORDER BY consent_id FOR UPDATE),
     fresh AS (SELECT * FROM (${freshVisitors(d, ids)}) AS f (${VISITOR_COLUMNS})),
     upserted AS (INSERT INTO consent_insights_visitors AS v (${VISITOR_COLUMNS}) SELECT * FROM fresh ORDER BY consent_id
       ON CONFLICT (consent_id) DO UPDATE SET ${setFresh}),
     removed AS (DELETE FROM consent_insights_visitors WHERE consent_id IN (SELECT consent_id FROM old) AND consent_id NOT IN (SELECT consent_id FROM fresh)),
     moved AS (SELECT day, revision, dimension, key, SUM(n) AS n FROM (
       SELECT x.*, -1 AS n FROM (${visitorContributions(d, 'old')}) AS x UNION ALL SELECT x.*, 1 FROM (${visitorContributions(d, 'fresh')}) AS x) AS c ${GROUPED})
     INSERT INTO consent_insights_daily AS d (day, revision, dimension, key, decisions, granted)
     SELECT day, revision, dimension, key, n, 0 FROM moved WHERE n <> 0 ${ADD_COUNTERS}`,
  ];
}

/** Any fixed number: with a stripe number it names the lock of a stripe of visitors. */
const STRIPE_LOCK_KEY = 71_346;
/** A power of two: a stripe is the low bits of the consentId's hash. */
const LOCK_STRIPES = 64;

const refreshVisitors = (d: Dialect, ids: string): string[] => (d.name === 'sqlite' ? refreshSqliteVisitors(ids) : refreshPostgresVisitors(ids));
/**
 * The decisions that can be a visitor's grant or withdrawal: a refusal leaves its visitor as they
 * were. SQLite's triggers skip the visitors' statements for it with a WHEN (which costs less than
 * a filter in each statement); PostgreSQL's filter the transition table.
 */
export const VISITOR_METHODS = "('accept-all', 'custom', 'withdraw')";
const idsOf = (d: Dialect, source: string): string =>
  `SELECT a.consent_id FROM ${source} AS a${d.name === 'postgres' ? ` WHERE a.method IN ${VISITOR_METHODS}` : ''}`;

/**
 * What an insert of the records in `source` adds: the categories they refuse (which the visitors'
 * statements read, so run it first), the records' counters, their visitors' counters.
 */
export function addedStatements(d: Dialect, source: string): { refused: string; records: string[]; visitors: string[] } {
  return { refused: refusable(d, source), records: [addRecords(d, source)], visitors: refreshVisitors(d, idsOf(d, source)) };
}

/** What a delete of the records in `source` takes away. */
export function goneStatements(d: Dialect, source: string): { records: string[]; visitors: string[] } {
  return {
    records: [
      `UPDATE consent_insights_daily AS d SET decisions = d.decisions - s.decisions, granted = d.granted - s.granted
       FROM (SELECT day, revision, dimension, key, COUNT(*) AS decisions, SUM(granted) AS granted FROM (${recordContributions(d, source)}) AS x ${GROUPED}) AS s
       WHERE ${SAME_COUNTER}`,
      // The visitors' counters that reach zero stay (the page reads only counters above zero): deleting them here would lock them before the visitors' stripes.
      `DELETE FROM consent_insights_daily WHERE decisions <= 0 AND dimension NOT IN ('grant', 'withdrawal') AND day IN (SELECT ${d.day('a.decided_at')} FROM ${source} AS a)`,
    ],
    visitors: refreshVisitors(d, idsOf(d, source)),
  };
}

/** The aggregates of every record in consent_records, into empty tables. */
export function rebuildStatements(d: Dialect): string[] {
  return [
    refusable(d, 'consent_records'),
    addRecords(d, 'consent_records'),
    `INSERT INTO consent_insights_visitors (${VISITOR_COLUMNS}) SELECT * FROM (${freshVisitors(d, null)}) AS f WHERE true`,
    addVisitors(d, 'consent_insights_visitors'),
  ];
}

/**
 * The two reads of the insights page: a range of counters per day, week or month (summed in the
 * database, each point dated by its first day in the range), and when each revision and banner text
 * first appeared. `from` and `to` are placeholders for days.
 */
export function COUNTERS_QUERY(d: Dialect, from: string, to: string, points: CounterPoints = 'day'): string {
  const where = `day BETWEEN ${from} AND ${to} AND decisions > 0`;
  if (points === 'day') return `SELECT ${d.dayText('day')} AS day, revision, dimension, key, decisions, granted FROM consent_insights_daily WHERE ${where}`;
  const start = d.later(points === 'week' ? d.weekStart('day') : d.monthStart('day'), from);
  const sum = (column: string): string => (d.name === 'postgres' ? `SUM(${column})::int` : `SUM(${column})`);
  return `SELECT ${d.dayText('point')} AS day, revision, dimension, key, ${sum('decisions')} AS decisions, ${sum('granted')} AS granted
   FROM (SELECT ${start} AS point, revision, dimension, key, decisions, granted FROM consent_insights_daily WHERE ${where}) AS c
   GROUP BY point, revision, dimension, key`;
}

export const FIRST_SEEN_QUERY = (d: Dialect): string => {
  const day = d.name === 'postgres' ? 'MIN(day)::text' : 'MIN(day)';
  return `SELECT 'revision' AS dimension, CAST(revision AS TEXT) AS key, ${day} AS day
     FROM consent_insights_daily WHERE dimension = 'all' AND key = '' AND decisions > 0 GROUP BY revision
   UNION ALL
   SELECT 'text', key, ${day} FROM consent_insights_daily WHERE dimension = 'text' AND decisions > 0 GROUP BY key`;
};
