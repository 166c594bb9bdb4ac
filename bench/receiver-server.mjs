/** The reference receiver alone, for bench/receiver.mjs: SQLite file in argv[2], prints its port. */
import { createServer } from 'node:http';
import * as server from '../src/server/index.js';
import { createReceiver } from '../demo/receiver/receiver.mjs';

const receiver = createReceiver({ server, databaseFile: process.argv[2] });
const http = createServer((req, res) => {
  if (receiver.handles(req)) return void receiver.handle(req, res);
  res.writeHead(404).end();
});
http.keepAliveTimeout = 30_000;
http.listen(0, '127.0.0.1', () => process.stdout.write(`${http.address().port}\n`));
process.on('SIGTERM', () => {
  http.close();
  receiver.close();
  process.exit(0);
});
