/**
 * The statements that keep the insights' aggregates, written once for SQLite and PostgreSQL. The
 * databases run them from triggers on consent_records, so every insert and every delete (a
 * purge, an erasure, even one typed by hand) updates the counters in its own transaction, and an
 * insert that hits an existing eventId (ON CONFLICT DO NOTHING) inserts nothing and counts
 * nothing. The same statements over the whole table build the aggregates of an existing log.
 *
 * Every statement reads the records from `source`, aliased `a`: the row a SQLite trigger sees,
 * PostgreSQL's transition table, or consent_records itself.
 *
 * A visitor's first grant and first withdrawal after it are kept per consentId in
 * consent_insights_visitors, so a withdrawal is measured without looking for the grant among the
 * records. A decision grants when it accepts all, or when it is custom and allows a category that
 * some decision has refused (consent_insights_refusable): required categories are never refused,
 * so allowing them alone is no grant.
 */
import { withdrawalDelaySql } from './counters.js';

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
  /** From `from` (aliased `a`) where `where` holds: each consentId's earliest record as (consent_id, event_id, decided_at). */
  earliestPerVisitor(from: string, where: string): string;
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
  // SQLite takes the other columns from the row that holds the MIN().
  earliestPerVisitor: (from, where) =>
    `SELECT a.consent_id AS consent_id, a.event_id AS event_id, MIN(a.decided_at) AS decided_at FROM ${from} WHERE ${where} GROUP BY a.consent_id`,
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
    `SELECT DISTINCT ON (a.consent_id) a.consent_id AS consent_id, a.event_id AS event_id, a.decided_at AS decided_at
     FROM ${from} WHERE ${where} ORDER BY a.consent_id, a.decided_at, a.event_id`,
};

/** Each record's contributions to the counters, as rows of (day, revision, dimension, key, granted). */
function contributions(d: Dialect, source: string): string {
  const from = `${source} AS a`;
  const head = `${d.day('a.decided_at')} AS day, a.revision AS revision`;
  const plain = (dimension: string, key: string): string => `SELECT ${head}, '${dimension}', ${key}, 0 FROM ${from}`;
  const visitor = (dimension: string, key: string, event: string): string =>
    `SELECT ${head}, '${dimension}', ${key}, 0 FROM ${from}
     JOIN consent_insights_visitors AS v ON v.consent_id = a.consent_id AND v.${event} = a.event_id`;
  return [
    `SELECT ${head}, CAST('all' AS TEXT) AS dimension, CAST('' AS TEXT) AS key, 0 AS granted FROM ${from}`,
    plain('method', 'a.method'),
    plain('layer', 'a.layer'),
    plain('language', 'a.language'),
    plain('text', 'CAST(a.text_hash AS TEXT)'),
    `SELECT ${head}, 'category', c.key, ${d.int(d.isTrue('c'))} FROM ${from}, ${d.entries('a.categories')} AS c`,
    // Services: only records that carry them (per-service consent).
    `SELECT ${head}, 'service', s.key, ${d.int(d.isTrue('s'))} FROM ${from}, ${d.entries('a.services')} AS s WHERE a.services IS NOT NULL`,
    visitor('grant', "''", 'granted_event'),
    visitor('withdrawal', 'v.withdrawn_delay', 'withdrawn_event'),
  ].join('\nUNION ALL ');
}

function summed(d: Dialect, source: string): string {
  return `SELECT day, revision, dimension, key, COUNT(*) AS decisions, SUM(granted) AS granted
    FROM (${contributions(d, source)}) AS x GROUP BY day, revision, dimension, key`;
}

function granting(d: Dialect): string {
  return `(a.method = 'accept-all' OR (a.method = 'custom' AND EXISTS (
    SELECT 1 FROM ${d.entries('a.categories')} AS c JOIN consent_insights_refusable AS r ON r.category = c.key WHERE ${d.isTrue('c')})))`;
}

/** What an insert of the records in `source` adds, in order: the visitors' rows first, then the counters that read them. */
export function addedStatements(d: Dialect, source: string): string[] {
  const from = `${source} AS a`;
  return [
    `INSERT INTO consent_insights_refusable (category)
     SELECT DISTINCT c.key FROM ${from}, ${d.entries('a.categories')} AS c WHERE ${d.isFalse('c')}
     ON CONFLICT DO NOTHING`,
    `INSERT INTO consent_insights_visitors (consent_id, granted_event, granted_at)
     SELECT consent_id, event_id, decided_at FROM (${d.earliestPerVisitor(from, granting(d))}) AS g WHERE true
     ON CONFLICT (consent_id) DO NOTHING`,
    `UPDATE consent_insights_visitors AS v
     SET withdrawn_event = w.event_id, withdrawn_delay = ${withdrawalDelaySql(`(${d.ms('w.decided_at')} - ${d.ms('v.granted_at')})`)}
     FROM (${d.earliestPerVisitor(
       `${from} JOIN consent_insights_visitors AS p ON p.consent_id = a.consent_id`,
       `a.method = 'withdraw' AND p.withdrawn_event IS NULL AND p.granted_at <= a.decided_at`,
     )}) AS w
     WHERE v.consent_id = w.consent_id`,
    // In key order, so PostgreSQL sessions lock the shared counters in the same order and never deadlock.
    `INSERT INTO consent_insights_daily AS d (day, revision, dimension, key, decisions, granted)
     SELECT day, revision, dimension, key, decisions, granted FROM (${summed(d, source)}) AS s
     ORDER BY day, revision, dimension, key
     ON CONFLICT (day, revision, dimension, key) DO UPDATE
     SET decisions = d.decisions + excluded.decisions, granted = d.granted + excluded.granted`,
  ];
}

/** What a delete of the records in `source` takes away: the counters first, while the visitors' rows still say what was counted. */
export function goneStatements(d: Dialect, source: string): string[] {
  const from = `${source} AS a`;
  const theirs = `consent_id IN (SELECT a.consent_id FROM ${from})`;
  return [
    `UPDATE consent_insights_daily AS d SET decisions = d.decisions - s.decisions, granted = d.granted - s.granted
     FROM (${summed(d, source)}) AS s
     WHERE d.day = s.day AND d.revision = s.revision AND d.dimension = s.dimension AND d.key = s.key`,
    `DELETE FROM consent_insights_daily WHERE decisions <= 0 AND day IN (SELECT ${d.day('a.decided_at')} FROM ${from})`,
    `UPDATE consent_insights_visitors SET granted_event = NULL, granted_at = NULL
     WHERE ${theirs} AND granted_event IN (SELECT a.event_id FROM ${from})`,
    `UPDATE consent_insights_visitors SET withdrawn_event = NULL, withdrawn_delay = NULL
     WHERE ${theirs} AND withdrawn_event IN (SELECT a.event_id FROM ${from})`,
    `DELETE FROM consent_insights_visitors WHERE ${theirs} AND granted_event IS NULL AND withdrawn_event IS NULL`,
  ];
}

/** The two reads of the insights page: a range of daily counters, and when each revision and banner text first appeared. */
export const COUNTERS_QUERY = (d: Dialect, from: string, to: string): string =>
  `SELECT ${d.name === 'postgres' ? 'day::text' : 'day'} AS day, revision, dimension, key, decisions, granted
   FROM consent_insights_daily WHERE day BETWEEN ${from} AND ${to} AND decisions > 0`;

export const FIRST_SEEN_QUERY = (d: Dialect): string => {
  const day = d.name === 'postgres' ? 'MIN(day)::text' : 'MIN(day)';
  return `SELECT 'revision' AS dimension, CAST(revision AS TEXT) AS key, ${day} AS day
     FROM consent_insights_daily WHERE dimension = 'all' AND key = '' AND decisions > 0 GROUP BY revision
   UNION ALL
   SELECT 'text', key, ${day} FROM consent_insights_daily WHERE dimension = 'text' AND decisions > 0 GROUP BY key`;
};
