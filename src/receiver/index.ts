// The consent-log receiver, for Node: createReceiver over a /server store. No DOM, no Lit.
export { createReceiver } from './receiver.js';
export type { ConsentReceiver } from './receiver.js';
export { ReceiverConfigError, DEFAULT_PER_ADDRESS, DEFAULT_PER_CONSENT_ID } from './options.js';
export type { ReceiverOptions } from './options.js';
export type { BucketOptions } from './rate-limit.js';
export type { Clock } from './clock.js';
export { RECEIPT_COOKIE } from './credential.js';
export { PURGE_INTERVAL_MS } from './retention.js';
export { loadOrCreateSecret } from './secret-file.js';
