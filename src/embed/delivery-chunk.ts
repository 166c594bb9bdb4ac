/**
 * Delivery of consent records in the script-tag build (dist/cookie-consent.delivery.js): loaded
 * when a decision may be made or records wait to be resent (see src/core/lazy/).
 */
import { startDelivery } from '../core/delivery/delivery.js';
import { provideChunk } from './runtime.js';

provideChunk('delivery', { startDelivery });
