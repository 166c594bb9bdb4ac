import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { parseReceiverArgs, UsageError, USAGE, type ReceiverSettings } from './cli-args.js';
import { openPostgres, openSqlite } from './open-store.js';
import { createReceiver } from './receiver.js';
import { isLoopbackHost } from './request-facts.js';
import { loadOrCreateSecret } from './secret-file.js';

export { parseReceiverArgs } from './cli-args.js';

/** Slow or stalled clients are cut off instead of holding a file descriptor each. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

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
