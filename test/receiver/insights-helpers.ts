import Database from 'better-sqlite3';
import pg from 'pg';
import type { ConsentRecord } from '../../src/core/delivery/record.js';
import { createMemoryStore, createPostgresStore, createSqliteStore, type StoreClockOptions } from '../../src/server/index.js';
import type { InsightCounter } from '../../src/server/stores/insights/counters.js';
import type { InsightfulConsentStore } from '../../src/server/stores/store.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../server/postgres-cluster.js';
import { sampleRecord } from '../server/records.js';
import { seededRandom } from '../../scripts/seeded-random.mjs';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const EVERY_DAY = { from: '2000-01-01', to: '2099-12-31' };

/** Every counter of a store, in one order, for comparing stores. */
export async function allCounters(store: InsightfulConsentStore): Promise<InsightCounter[]> {
  const counters = await store.insightCounters(EVERY_DAY);
  return counters.map((counter) => ({ ...counter })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The counters of one dimension, as `key@day: decisions/granted`. */
export async function countersOf(store: InsightfulConsentStore, dimension: string): Promise<Record<string, string>> {
  return Object.fromEntries(
    (await allCounters(store))
      .filter((counter) => counter.dimension === dimension)
      .map((counter) => [`${counter.key}@${counter.day}`, `${counter.decisions}/${counter.granted}`]),
  );
}

export const at = (ms: number): string => new Date(ms).toISOString();

/** A decision by `consentId` at `ms`, the categories of the demo's configuration. */
export function decision(
  consentId: string,
  ms: number,
  method: ConsentRecord['method'],
  categories: Record<string, boolean>,
  overrides: Partial<ConsentRecord> = {},
): ConsentRecord {
  return sampleRecord({ consentId, timestamp: at(ms), method, categories: { session: true, ...categories }, ...overrides });
}

export const NONE = { preferences: false, analytics: false, promotional: false };
export const ALL = { preferences: true, analytics: true, promotional: true };

export interface StoreKind {
  name: string;
  /** A fresh, empty store. */
  make(options?: StoreClockOptions): Promise<InsightfulConsentStore>;
}

/** The bundled stores; PostgreSQL only where a server can be started (the reason is printed otherwise). */
export function storeKinds(): { kinds: StoreKind[]; pool(): pg.Pool | undefined; setUp(): Promise<void>; tearDown(): Promise<void> } {
  const unavailable = postgresUnavailable();
  if (unavailable) console.log(`# PostgreSQL insights tests skipped: ${unavailable}`);
  let server: PostgresServer | undefined;
  let pool: pg.Pool | undefined;
  const kinds: StoreKind[] = [
    { name: 'memory', make: async (options) => createMemoryStore(options) },
    { name: 'SQLite', make: async (options) => createSqliteStore(new Database(':memory:'), options) },
  ];
  if (!unavailable) {
    kinds.push({
      name: 'PostgreSQL',
      make: async () => {
        await pool!.query('DROP TABLE IF EXISTS consent_records, consent_insights_daily, consent_insights_visitors, consent_insights_refusable');
        return createPostgresStore(pool!);
      },
    });
  }
  return {
    kinds,
    pool: () => pool,
    async setUp() {
      if (unavailable) return;
      server = await startPostgres();
      pool = new pg.Pool({ connectionString: server.connectionString, max: 20 });
    },
    async tearDown() {
      await pool?.end();
      server?.stop();
    },
  };
}

/** A pseudo-random generator with a seed, so a failing mix can be run again. */
export const seeded = seededRandom;

/**
 * Decisions of `visitors` visitors over `days` days from `startMs`, oldest first: each decides one
 * to four times (any method, layer, language, revision), some with per-service choices.
 */
export function mixedDecisions(random: () => number, { visitors, days, startMs }: { visitors: number; days: number; startMs: number }): ConsentRecord[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const records: ConsentRecord[] = [];
  for (let v = 0; v < visitors; v++) {
    const consentId = sampleRecord().consentId;
    let time = startMs + Math.floor(random() * days * DAY);
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const method = pick(['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'] as const);
      const categories =
        method === 'accept-all' ? ALL : method === 'custom' ? { preferences: random() < 0.5, analytics: random() < 0.5, promotional: random() < 0.5 } : NONE;
      const record: ConsentRecord & { services?: Record<string, boolean> } = decision(consentId, time, method, categories, {
        layer: pick(['banner', 'preferences', 'placeholder', 'api'] as const),
        language: pick(['lv', 'en', 'pt-BR']),
        revision: time < startMs + (days * DAY) / 2 ? 3 : 4,
      });
      if (random() < 0.2) record.services = { youtube: random() < 0.5, maps: random() < 0.5 };
      records.push(record);
      time += Math.floor(random() * random() * 20 * DAY) + 1000;
    }
  }
  return records.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}
