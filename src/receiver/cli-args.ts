/** The receiver command's flags: parsed and checked here, with a message naming whatever is wrong. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const DEFAULT_RETENTION_DAYS = 3653;
const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_CONNECTIONS = 1024;

export const USAGE = `Usage: cookie-consent-widget receiver [options]

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
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  return value;
}
