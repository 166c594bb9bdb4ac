import type { SqliteDatabase } from '../sqlite.js';
import type { ConsentInsightQueries, CounterPoints, FirstSeen, InsightCounter } from './counters.js';
import { addedStatements, COUNTERS_QUERY, FIRST_SEEN_QUERY, goneStatements, rebuildStatements, SQLITE_DIALECT, VISITOR_METHODS } from './sql.js';

export const SQLITE_INSIGHTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS consent_insights_daily (
  day TEXT NOT NULL,
  revision INTEGER NOT NULL,
  dimension TEXT NOT NULL,
  key TEXT NOT NULL,
  decisions INTEGER NOT NULL,
  granted INTEGER NOT NULL,
  PRIMARY KEY (day, revision, dimension, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS consent_insights_daily_first_seen ON consent_insights_daily (dimension, key, day);
CREATE TABLE IF NOT EXISTS consent_insights_refusable (category TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS consent_insights_visitors (
  consent_id TEXT PRIMARY KEY,
  granted_event TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  granted_revision INTEGER NOT NULL,
  withdrawn_event TEXT,
  withdrawn_at TEXT,
  withdrawn_revision INTEGER,
  withdrawn_delay TEXT
) WITHOUT ROWID;
`;

const RECORD_COLUMNS = ['event_id', 'consent_id', 'decided_at', 'revision', 'method', 'layer', 'language', 'text_hash', 'categories', 'services'];
/** The row a trigger sees, as a one-row table the shared statements can read. */
const row = (name: 'NEW' | 'OLD'): string => `(SELECT ${RECORD_COLUMNS.map((column) => `${name}.${column} AS ${column}`).join(', ')})`;

const added = addedStatements(SQLITE_DIALECT, row('NEW'));
const gone = goneStatements(SQLITE_DIALECT, row('OLD'));
const TRIGGER_NAMES = ['consent_insights_added', 'consent_insights_added_visitor', 'consent_insights_gone', 'consent_insights_gone_visitor'];
// Two triggers per event: the visitors' statements only for decisions that can be a grant or a
// withdrawal. SQLite does not promise an order between them, so each notes the refused categories.
const TRIGGERS = `
CREATE TRIGGER consent_insights_added_visitor AFTER INSERT ON consent_records WHEN NEW.method IN ${VISITOR_METHODS} BEGIN
${[added.refused, ...added.visitors].join(';\n')};
END;
CREATE TRIGGER consent_insights_added AFTER INSERT ON consent_records BEGIN
${[added.refused, ...added.records].join(';\n')};
END;
CREATE TRIGGER consent_insights_gone_visitor AFTER DELETE ON consent_records WHEN OLD.method IN ${VISITOR_METHODS} BEGIN
${gone.visitors.join(';\n')};
END;
CREATE TRIGGER consent_insights_gone AFTER DELETE ON consent_records BEGIN
${gone.records.join(';\n')};
END;
`;

/**
 * Creates the aggregates beside consent_records and the triggers that keep them. When the triggers
 * are missing (a database from before the insights, or one whose table was recreated) the
 * aggregates cannot be trusted: they are rebuilt from every row, once, in the same transaction
 * that creates the triggers.
 */
export function prepareSqliteInsights(db: SqliteDatabase): ConsentInsightQueries {
  db.exec(SQLITE_INSIGHTS_SCHEMA);
  const triggers = db.prepare(
    `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN (${TRIGGER_NAMES.map((name) => `'${name}'`).join(', ')})`,
  );
  if ((triggers.get() as { n: number }).n < TRIGGER_NAMES.length) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(`${TRIGGER_NAMES.map((name) => `DROP TRIGGER IF EXISTS ${name};`).join(' ')}
        DELETE FROM consent_insights_daily; DELETE FROM consent_insights_refusable; DELETE FROM consent_insights_visitors;`);
      for (const statement of rebuildStatements(SQLITE_DIALECT)) db.exec(statement);
      db.exec(TRIGGERS);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  const counters = Object.fromEntries(
    (['day', 'week', 'month'] as const).map((points) => [points, db.prepare(COUNTERS_QUERY(SQLITE_DIALECT, '@from', '@to', points))]),
  ) as Record<CounterPoints, ReturnType<SqliteDatabase['prepare']>>;
  const firstSeen = db.prepare(FIRST_SEEN_QUERY(SQLITE_DIALECT));
  return {
    async insightCounters({ from, to, points = 'day' }) {
      return counters[points].all({ from, to }) as InsightCounter[];
    },
    async insightFirstSeen() {
      return firstSeen.all() as FirstSeen[];
    },
  };
}
