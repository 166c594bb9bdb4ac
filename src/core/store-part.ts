/** The receipts and the erasing, which share the page's IndexedDB connection: one part (see PartModules). */
export { appendReceipt, consentStore, readReceipts } from './storage/history.js';
export { eraseMatching } from './gating/erase.js';
