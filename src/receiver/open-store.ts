/** The database drivers, loaded only when the command needs them, so the package depends on neither. */
import type BetterSqlite3 from 'better-sqlite3';
import type Pg from 'pg';
import type { QueryableConsentStore } from '../server/stores/store.js';
import { UsageError } from './cli-args.js';

/** A store the command opened, and how to close its connection. */
export interface OpenedStore {
  store: QueryableConsentStore;
  description: string;
  close(): Promise<void>;
}

export async function openSqlite(file: string): Promise<OpenedStore> {
  const { default: Database } = await importDriver<{ default: typeof BetterSqlite3 }>('better-sqlite3');
  const { createSqliteStore } = await import('../server/stores/sqlite.js');
  const db = new Database(file);
  // WAL lets exports read while records are written; NORMAL stays durable across a process crash.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return { store: createSqliteStore(db), description: `SQLite ${file}`, close: async () => void db.close() };
}

export async function openPostgres(connectionString: string): Promise<OpenedStore> {
  const { default: pg } = await importDriver<{ default: typeof Pg }>('pg');
  const { createPostgresStore } = await import('../server/stores/postgres.js');
  const pool = new pg.Pool({ connectionString, max: 10 });
  const store = createPostgresStore(pool);
  try {
    await store.count(); // connects and creates the schema now, so a wrong URL stops the start
  } catch (error) {
    await pool.end();
    throw new Error(`cannot use PostgreSQL at ${new URL(connectionString).host}: ${(error as Error).message}`, { cause: error });
  }
  return { store, description: `PostgreSQL ${new URL(connectionString).host}`, close: () => pool.end() };
}

async function importDriver<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new UsageError(`the receiver needs the ${name} package: npm install ${name}`, { cause: error });
  }
}
