/**
 * The visitor's receipts in IndexedDB, and the erasing of refused categories' cookies and
 * storage keys, for the script-tag build (dist/cookie-consent.store.js):
 * loaded with the first decision or the first look at the history, and with delivery, whose
 * outbox shares its database connection: with an endpoint, as soon as the banner or the
 * preferences show (see src/core/lazy/).
 */
import * as storePart from '../core/store-part.js';
import { provideChunk } from './runtime.js';

provideChunk('store', storePart);
