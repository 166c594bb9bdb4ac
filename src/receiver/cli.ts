import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type BetterSqlite3 from 'better-sqlite3';
import type Pg from 'pg';
import type { QueryableConsentStore } from '../server/stores/store.js';
import { createReceiver } from './receiver.js';
import { isLoopbackHost } from './request-facts.js';
import { loadOrCreateSecret } from './secret-file.js';

export const DEFAULT_RETENTION_DAYS = 3653;
const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';
/** Slow or stalled clients are cut off instead of holding a file descriptor each. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_CONNECTIONS = 1024;

const USAGE = `Usage: cookie-consent-widget receiver [options]

Runs the consent-log receiver: POST /consent, GET|DELETE /consent/me, /admin/, /healthz.

Options:
  --db FILE               SQLite database file (default ./consent.db; needs better-sqlite3)
  --postgres URL          PostgreSQL instead, for several instances (needs pg)
  --port N                port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H                address to listen on (default ${DEFAULT_HOST})
  --retention-days N      purge records older than N days (default ${DEFAULT_RETENTION_DAYS}, 10 years)
  --public-origin URL     origin visitors reach the receiver under, e.g. https://shop.example (repeatable)
  --allowed-origin URL    another origin whose pages POST records here (repeatable)
  --trust-proxy           believe X-Forwarded-For/-Host/-Proto from the proxy in front
  --max-connections N     open connections at most (default ${DEFAULT_MAX_CONNECTIONS})
  --no-rate-limit         leave flood limits to the proxy in front (each instance limits on its own otherwise)
  -h, --help              show this help

Environment:
  CONSENT_SECRET          signs visitors' credentials (32+ characters; required with --postgres;
                          with SQLite, made once and kept in FILE.secret when unset)
  CONSENT_ADMIN_TOKEN     bearer token for /admin/ (16+ characters); without it the admin
                          answers only on a loopback address`;

export interface ReceiverSettings {
  db: string;
  postgres: string | undefined;
  port: number;
  host: string;
  retentionDays: number;
  publicOrigins: string[];
  allowedOrigins: string[];
  trustProxy: boolean;
  maxConnections: number;
  rateLimit: boolean;
}

export class UsageError extends Error {}

/** The command line as settings; a UsageError names what is wrong. */
export function parseReceiverArgs(args: string[]): ReceiverSettings | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        postgres: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'retention-days': { type: 'string' },
        'public-origin': { type: 'string', multiple: true },
        'allowed-origin': { type: 'string', multiple: true },
        'trust-proxy': { type: 'boolean' },
        'max-connections': { type: 'string' },
        'no-rate-limit': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (values.db !== undefined && values.postgres !== undefined) throw new UsageError('give either --db or --postgres, not both');
  if (values.postgres !== undefined && !/^postgres(ql)?:\/\//.test(values.postgres)) {
    throw new UsageError(`--postgres must be a URL like postgresql://user@host/db, not ${JSON.stringify(values.postgres)}`);
  }
  return {
    db: resolve(values.db ?? 'consent.db'),
    postgres: values.postgres,
    port: integer('--port', values.port, DEFAULT_PORT, 0, 65535),
    host: values.host ?? DEFAULT_HOST,
    retentionDays: integer('--retention-days', values['retention-days'], DEFAULT_RETENTION_DAYS, 1, 1_000_000),
    publicOrigins: values['public-origin'] ?? [],
    allowedOrigins: values['allowed-origin'] ?? [],
    trustProxy: values['trust-proxy'] ?? false,
    maxConnections: integer('--max-connections', values['max-connections'], DEFAULT_MAX_CONNECTIONS, 1, 1_000_000),
    rateLimit: !values['no-rate-limit'],
  };
}

function integer(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  return value;
}

export interface Io {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface RunningReceiver {
  server: Server;
  url: string;
  close(): Promise<void>;
}

interface OpenedStore {
  store: QueryableConsentStore;
  description: string;
  close(): Promise<void>;
}

/** Opens the store, starts the receiver and listens; rejects with a message fit to print when it cannot. */
export async function runReceiver(settings: ReceiverSettings, io: Io): Promise<RunningReceiver> {
  if (!settings.postgres) mkdirSync(dirname(settings.db), { recursive: true });
  const secret = io.env['CONSENT_SECRET'] || (settings.postgres ? undefined : loadOrCreateSecret(`${settings.db}.secret`));
  if (!secret) throw new UsageError('CONSENT_SECRET must be set with --postgres: every instance signs with the same one');
  const adminToken = io.env['CONSENT_ADMIN_TOKEN'] || undefined;
  const opened = settings.postgres ? await openPostgres(settings.postgres) : await openSqlite(settings.db);
  let receiver;
  try {
    receiver = createReceiver({
      store: opened.store,
      secret,
      adminToken,
      retentionDays: settings.retentionDays,
      publicOrigin: settings.publicOrigins,
      allowedOrigin: settings.allowedOrigins,
      trustProxy: settings.trustProxy,
      ...(settings.rateLimit ? {} : { rateLimit: { perAddress: false, perConsentId: false } }),
      onPurge: (purged, cutoff) => {
        if (purged > 0) io.out(`purged ${purged} record(s) received before ${cutoff.toISOString()}`);
      },
    });
  } catch (error) {
    await opened.close();
    throw error;
  }
  const server = createServer((req, res) => void receiver(req, res));
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.maxConnections = settings.maxConnections;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolveListen());
  }).catch(async (error: unknown) => {
    receiver.close();
    await opened.close();
    throw new Error(`cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}`, { cause: error });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;
  io.out(`Consent-log receiver: ${url}/ (${opened.description}; records kept ${settings.retentionDays} days)`);
  io.out(`  records: POST ${url}/consent   admin: ${url}/admin/${adminToken ? ' (bearer token)' : ' (loopback only)'}`);
  if (!adminToken && !isLoopbackHost(settings.host)) io.err('note: CONSENT_ADMIN_TOKEN is not set, so /admin/ answers only on a loopback address');
  await receiver.ready;
  return {
    server,
    url,
    close: async () => {
      receiver.close();
      server.closeIdleConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await opened.close();
    },
  };
}

async function openSqlite(file: string): Promise<OpenedStore> {
  const { default: Database } = await importDriver<{ default: typeof BetterSqlite3 }>('better-sqlite3');
  const { createSqliteStore } = await import('../server/stores/sqlite.js');
  const db = new Database(file);
  // WAL lets exports read while records are written; NORMAL stays durable across a process crash.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return { store: createSqliteStore(db), description: `SQLite ${file}`, close: async () => void db.close() };
}

async function openPostgres(connectionString: string): Promise<OpenedStore> {
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

/** `npx cookie-consent-widget receiver …`: resolves to the exit code once the server listens (it then runs until a signal). */
export async function main(args: string[], io: Io = { env: process.env, out: console.log, err: console.error }): Promise<number> {
  let settings;
  try {
    settings = parseReceiverArgs(args);
  } catch (error) {
    io.err(`cookie-consent-widget receiver: ${(error as Error).message}\nRun with --help for the options.`);
    return 2;
  }
  if (settings === 'help') {
    io.out(USAGE);
    return 0;
  }
  let running: RunningReceiver;
  try {
    running = await runReceiver(settings, io);
  } catch (error) {
    io.err(`cookie-consent-widget receiver: ${(error as Error).message}`);
    return error instanceof UsageError || (error as Error).name === 'ReceiverConfigError' ? 2 : 1;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void running.close().then(() => process.exit(0)));
  }
  return 0;
}
