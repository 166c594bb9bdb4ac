/**
 * The visitor's receipts in IndexedDB, and the erasing of refused categories' cookies and
 * storage keys, for the script-tag build (dist/cookie-consent.store.js):
 * loaded with the first decision or the first look at the history, and before delivery, whose
 * outbox shares its database connection (see lazy-history.ts and runtime.ts).
 */
import { eraseMatching } from '../core/gating/erase.js';
import { appendReceipt, consentStore, readReceipts } from '../core/storage/history.js';
import { provideChunk } from './runtime.js';

provideChunk('store', { appendReceipt, readReceipts, consentStore, eraseMatching });
