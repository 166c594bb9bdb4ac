import type { IncomingMessage, ServerResponse } from 'node:http';
import type BetterSqlite3 from 'better-sqlite3';
import type * as ServerHelpers from '../../src/server/index.js';

export interface ReceiverOptions {
  server: typeof ServerHelpers;
  databaseFile?: string;
  allowedOrigin?: string | string[];
}

export interface Receiver {
  store: ServerHelpers.QueryableConsentStore;
  db: BetterSqlite3.Database;
  handles(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): void;
}

export function createReceiver(options: ReceiverOptions): Receiver;
