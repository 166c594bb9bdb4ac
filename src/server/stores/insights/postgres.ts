import type { PostgresQueryable } from '../postgres.js';
import type { ConsentInsightQueries, FirstSeen, InsightCounter } from './counters.js';
import { addedStatements, COUNTERS_QUERY, FIRST_SEEN_QUERY, goneStatements, POSTGRES_DIALECT, rebuildStatements } from './sql.js';

const body = (statements: string[]): string => statements.map((statement) => `  ${statement};`).join('\n');
const added = addedStatements(POSTGRES_DIALECT, 'added');
const gone = goneStatements(POSTGRES_DIALECT, 'gone');

/**
 * The aggregates, and statement-level triggers that keep them: each INSERT or DELETE on
 * consent_records updates the counters once, set-based, from its transition table (a 5,000-row
 * purge batch is one decrement per counter, not 5,000). Run after consent_records exists; inside
 * one transaction, as createPostgresStore does under its advisory lock.
 *
 * The triggers are created only together with a rebuild of the aggregates from every row: a
 * database from before the insights, or a table recreated under old aggregates, starts counting
 * from what it holds.
 */
export const POSTGRES_INSIGHTS_SCHEMA = `
ALTER TABLE consent_records ADD COLUMN IF NOT EXISTS services jsonb;
CREATE TABLE IF NOT EXISTS consent_insights_daily (
  day date NOT NULL,
  revision integer NOT NULL,
  dimension text NOT NULL,
  key text NOT NULL,
  decisions integer NOT NULL,
  granted integer NOT NULL,
  PRIMARY KEY (day, revision, dimension, key)
);
CREATE INDEX IF NOT EXISTS consent_insights_daily_first_seen ON consent_insights_daily (dimension, key, day);
CREATE TABLE IF NOT EXISTS consent_insights_refusable (category text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS consent_insights_visitors (
  consent_id uuid PRIMARY KEY,
  granted_event uuid NOT NULL,
  granted_at timestamptz NOT NULL,
  granted_revision integer NOT NULL,
  withdrawn_event uuid,
  withdrawn_at timestamptz,
  withdrawn_revision integer,
  withdrawn_delay text
);
CREATE OR REPLACE FUNCTION consent_insights_added() RETURNS trigger LANGUAGE plpgsql AS $insights$
BEGIN
${body([added.refused, ...added.records, ...added.visitors])}
  RETURN NULL;
END
$insights$;
CREATE OR REPLACE FUNCTION consent_insights_gone() RETURNS trigger LANGUAGE plpgsql AS $insights$
BEGIN
  -- The records' counters in key order first, as inserts lock them, so the two never deadlock.
  PERFORM 1 FROM consent_insights_daily
    WHERE (day, revision) IN (SELECT DISTINCT ${POSTGRES_DIALECT.day('decided_at')}, revision FROM gone)
      AND dimension NOT IN ('grant', 'withdrawal')
    ORDER BY day, revision, dimension, key FOR UPDATE;
${body([...gone.records, ...gone.visitors])}
  RETURN NULL;
END
$insights$;
DO $insights$
BEGIN
  IF (SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = 'consent_records'::regclass
      AND tgname IN ('consent_insights_added', 'consent_insights_gone')) < 2 THEN
    DROP TRIGGER IF EXISTS consent_insights_added ON consent_records;
    DROP TRIGGER IF EXISTS consent_insights_gone ON consent_records;
    DELETE FROM consent_insights_daily;
    DELETE FROM consent_insights_refusable;
    DELETE FROM consent_insights_visitors;
${body(rebuildStatements(POSTGRES_DIALECT))}
    CREATE TRIGGER consent_insights_added AFTER INSERT ON consent_records
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consent_insights_added();
    CREATE TRIGGER consent_insights_gone AFTER DELETE ON consent_records
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION consent_insights_gone();
  END IF;
END
$insights$;
`;

export function postgresInsights(pool: PostgresQueryable, ready: () => Promise<unknown>): ConsentInsightQueries {
  return {
    async insightCounters({ from, to, points = 'day' }) {
      await ready();
      const { rows } = await pool.query(COUNTERS_QUERY(POSTGRES_DIALECT, '$1::date', '$2::date', points), [from, to]);
      return rows as InsightCounter[];
    },
    async insightFirstSeen() {
      await ready();
      return (await pool.query(FIRST_SEEN_QUERY(POSTGRES_DIALECT))).rows as FirstSeen[];
    },
  };
}
