import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { connect } from 'node:net';
import { once } from 'node:events';
import { main, parseReceiverArgs, runReceiver } from '../../src/receiver/cli.js';
import { createMemoryStore } from '../../src/server/index.js';
import { createReceiver } from '../../src/receiver/index.js';
import { postRecord, recordFrom, SECRET } from './helpers.js';
import { spawnReceiver } from './spawn-receiver.js';

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { env, out: (line) => (out += `${line}\n`), err: (line) => (err += `${line}\n`) });
  return { code, out, err };
}

describe('npx cookie-consent-widget receiver', () => {
  const dir = mkdtempSync(join(tmpdir(), 'receiver-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--help prints the options and the environment, exit 0', async () => {
    const { code, out } = await run(['--help']);
    assert.equal(code, 0);
    for (const option of ['--db FILE', '--postgres URL', '--port N', '--host H', '--retention-days N', 'CONSENT_SECRET', 'CONSENT_ADMIN_TOKEN'])
      assert.match(out, new RegExp(option));
  });

  it('a bad flag or value stops it with a message naming it, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['--port', 'eighty'], /--port must be a whole number from 0 to 65535, not "eighty"/],
      [['--port', '70000'], /--port must be/],
      [['--retention-days', '0'], /--retention-days must be a whole number from 1/],
      [['--db', 'a.db', '--postgres', 'postgresql://x/y'], /either --db or --postgres/],
      [['--postgres', 'mysql://x/y'], /--postgres must be a URL like postgresql:/],
      [['--public-origin', 'https://shop.example/path', '--db', join(dir, 'bad.db'), '--port', '0'], /publicOrigin must be origins like/],
      [['stray'], /Unexpected argument 'stray'/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, message, args.join(' '));
    }
    assert.equal((await run(['--postgres', 'postgresql://x/y'])).err.match(/CONSENT_SECRET must be set/)?.length, 1);
  });

  it('parses the contract flags', () => {
    assert.deepEqual(parseReceiverArgs(['--db', 'x.db', '--port', '9000', '--host', '0.0.0.0', '--retention-days', '30', '--trust-proxy']), {
      db: join(process.cwd(), 'x.db'),
      postgres: undefined,
      port: 9000,
      host: '0.0.0.0',
      retentionDays: 30,
      publicOrigins: [],
      allowedOrigins: [],
      trustProxy: true,
      maxConnections: 1024,
      rateLimit: true,
    });
  });

  it('starts with SQLite on a fresh machine, prints its URL, keeps a secret file readable by its owner only, and stops on SIGTERM', async () => {
    const db = join(dir, 'fresh', 'consent.db');
    const receiver = await spawnReceiver(['--db', db, '--port', '0']);
    try {
      assert.match(receiver.output(), /Consent-log receiver: http:\/\/127\.0\.0\.1:\d+\/ \(SQLite .*consent\.db; records kept 3653 days\)/);
      assert.equal((await fetch(`${receiver.url}/healthz`)).status, 200);
      assert.equal((await postRecord(receiver.url, recordFrom(receiver.url))).status, 201);
      assert.equal((await fetch(`${receiver.url}/admin/`)).status, 200, 'loopback admin without a token');
      assert.equal(statSync(`${db}.secret`).mode & 0o777, 0o600);
    } finally {
      await receiver.stop();
    }
    assert.equal(receiver.child.exitCode, 0);
    assert.ok(existsSync(db));
  });
});

describe('slow and numerous clients cannot exhaust the receiver', { timeout: 20_000 }, () => {
  it('cuts off clients past --max-connections, and sets header and request timeouts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'receiver-limits-'));
    const settings = parseReceiverArgs(['--db', join(dir, 'consent.db'), '--port', '0', '--max-connections', '2']);
    assert.notEqual(settings, 'help');
    const running = await runReceiver(settings as Exclude<typeof settings, 'help'>, { env: { CONSENT_SECRET: SECRET }, out: () => {}, err: () => {} });
    try {
      assert.equal(running.server.headersTimeout, 10_000);
      assert.equal(running.server.requestTimeout, 30_000);
      const { port } = new URL(running.url);
      // Two slow clients that never finish their headers hold the two places…
      let held = 0;
      const bothHeld = new Promise<void>((resolve) => running.server.on('connection', () => ++held === 2 && resolve()));
      const slow = await Promise.all(
        [1, 2].map(async () => {
          const socket = connect(Number(port), '127.0.0.1');
          await once(socket, 'connect');
          socket.write('POST /consent HTTP/1.1\r\nHost: 127.0.0.1\r\n');
          return socket;
        }),
      );
      await bothHeld;
      // …and a third is closed at once instead of waiting for a file descriptor.
      const dropped = once(running.server, 'drop');
      const third = connect(Number(port), '127.0.0.1');
      third.on('error', () => {});
      await Promise.all([once(third, 'close'), dropped]);
      slow.forEach((socket) => socket.destroy());
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('createReceiver refuses a bad configuration at once, naming what is wrong', () => {
  const store = createMemoryStore();
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ store, secret: 'short', retentionDays: 30 }, /secret must be a string of at least 32 characters/],
    [{ store: {}, secret: SECRET, retentionDays: 30 }, /store must be a \/server store .* lacks insert, findByConsentId/],
    [
      { store: { insert: async () => 'inserted' }, secret: SECRET, retentionDays: 30 },
      /lacks findByConsentId, eraseByConsentId, listPage, count, purgeOlderThan/,
    ],
    [{ store, secret: SECRET, retentionDays: 30, adminToken: 'abc' }, /adminToken must be a string of at least 16 characters/],
    [{ store, secret: SECRET, retentionDays: 30, allowedOrigin: 'shop.example' }, /allowedOrigin must be origins like/],
    [{ store, secret: SECRET, retentionDays: 30, publicOrigin: ['https://shop.example/'] }, /publicOrigin must be origins/],
    [{ store, secret: SECRET, retentionDays: 30, trustProxy: 'yes' }, /trustProxy must be true or false/],
    [{ store, secret: SECRET, retentionDays: 30, basePath: 'api/' }, /basePath must start with/],
    [{ store, secret: SECRET, retentionDays: 30, rateLimit: { perAddress: { burst: 0, perSecond: 1 } } }, /rateLimit.perAddress must be false or/],
  ];
  for (const [options, message] of cases) {
    it(String(message), () => {
      assert.throws(
        () => createReceiver(options as never),
        (error: Error) => error.name === 'ReceiverConfigError' && message.test(error.message),
      );
    });
  }
});
