import type { Database } from 'better-sqlite3';

export function seedSqlite(db: Database, rows: number, options?: { startMs?: number; onProgress?: (done: number) => void }): void;
